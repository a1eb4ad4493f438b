package org.jiraq.camel.operation;

class AddAttachmentCloudTest extends AddAttachmentContract {
}
