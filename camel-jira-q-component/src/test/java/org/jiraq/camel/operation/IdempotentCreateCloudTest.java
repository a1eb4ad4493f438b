package org.jiraq.camel.operation;

class IdempotentCreateCloudTest extends IdempotentCreateContract {
}
