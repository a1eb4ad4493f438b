package org.jiraq.camel.operation;

class ServiceDeskOperationsCloudTest extends ServiceDeskOperationsContract {
}
