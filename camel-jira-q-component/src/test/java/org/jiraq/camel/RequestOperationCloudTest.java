package org.jiraq.camel;

class RequestOperationCloudTest extends RequestOperationContract {
}
