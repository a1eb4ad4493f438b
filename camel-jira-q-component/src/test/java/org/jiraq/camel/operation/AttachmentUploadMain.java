package org.jiraq.camel.operation;

import java.util.List;

import org.apache.camel.impl.DefaultCamelContext;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.simulator.GeneratedContent;

/** The child JVM of {@link AttachmentUploadInSmallHeapTest}: uploads generated content through jiraq:addAttachment. */
public final class AttachmentUploadMain {

    private AttachmentUploadMain() {
    }

    /** Arguments: site URL, user, API token, issue key, size in bytes. */
    public static void main(String[] args) throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.start();
            List<?> attachments = context.createProducerTemplate().request(
                    "jiraq:addAttachment?deployment=cloud&baseUrl=" + args[0] + "&username=" + args[1] + "&apiToken=RAW("
                                                                           + args[2] + ")",
                    e -> {
                        e.getMessage().setHeader(JiraqConstants.ISSUE_KEY, args[3]);
                        e.getMessage().setHeader(JiraqConstants.FILE_NAME, "big.bin");
                        e.getMessage().setBody(new GeneratedContent(Long.parseLong(args[4]), 42));
                    }).getMessage().getBody(List.class);
            System.out.println("uploaded=" + attachments.size() + " maxHeap=" + Runtime.getRuntime().maxMemory());
        }
    }
}
