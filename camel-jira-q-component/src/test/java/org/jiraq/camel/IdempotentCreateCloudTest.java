package org.jiraq.camel;

class IdempotentCreateCloudTest extends IdempotentCreateContract {
}
