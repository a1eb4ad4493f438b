package org.jiraq.camel.operation;

class BulkCreateIssuesCloudTest extends BulkCreateIssuesContract {
}
