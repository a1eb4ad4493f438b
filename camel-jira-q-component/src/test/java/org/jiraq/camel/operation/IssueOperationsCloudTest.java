package org.jiraq.camel.operation;

class IssueOperationsCloudTest extends IssueOperationsContract {
}
