package org.jiraq.camel;

class IssueOperationsCloudTest extends IssueOperationsContract {
}
