package org.jiraq.camel;

class ServiceDeskOperationsCloudTest extends ServiceDeskOperationsContract {
}
