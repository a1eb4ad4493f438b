package org.jiraq.benchmarks;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.simulator.GeneratedContent;

/** Child JVM: uploads generated content as one attachment through jiraq:addAttachment. */
public final class JiraqUpload {

    private JiraqUpload() {
    }

    public static void main(String[] args) throws Exception {
        UploadRun run = UploadRun.fromArgs(args);
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            Endpoint endpoint = context.getEndpoint("jiraq:addAttachment?deployment=cloud&requestTimeout=600000&baseUrl="
                                                    + run.siteUrl() + "&username=" + run.user() + "&apiToken=RAW("
                                                    + run.apiToken() + ")");
            run.measure(size -> {
                Exchange result = template.request(endpoint, e -> {
                    e.getMessage().setHeader(JiraqConstants.ISSUE_KEY, run.issueKey());
                    e.getMessage().setHeader(JiraqConstants.FILE_NAME, "generated.bin");
                    e.getMessage().setBody(new GeneratedContent(size, run.seed()));
                });
                if (result.getException() != null) {
                    throw result.getException();
                }
            });
        }
    }
}
