package org.jiraq.camel;

class AddAttachmentCloudTest extends AddAttachmentContract {
}
