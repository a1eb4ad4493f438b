package org.jiraq.camel.operation;

class RequestOperationCloudTest extends RequestOperationContract {
}
