package org.jiraq.camel;

class BulkCreateIssuesCloudTest extends BulkCreateIssuesContract {
}
