package org.jiraq.camel.operation;

import java.util.BitSet;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/** The child JVM of {@link StreamSearchInSmallHeapTest}: splits a streamed search and prints what it counted. */
public final class StreamSearchMain {

    private StreamSearchMain() {
    }

    public static void main(String[] args) throws Exception {
        AtomicInteger count = new AtomicInteger();
        BitSet seen = new BitSet();
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:search")
                            .to("jiraq:searchIssues?searchMode=stream&pageSize=100&baseUrl=" + args[0]
                                + "&deployment=cloud&username=" + args[1] + "&apiToken=RAW(" + args[2] + ")")
                            .split(body()).streaming()
                            .process(e -> {
                                String key = e.getMessage().getBody(java.util.Map.class).get("key").toString();
                                seen.set(Integer.parseInt(key.substring(key.indexOf('-') + 1)));
                                count.incrementAndGet();
                            });
                }
            });
            context.start();
            context.createProducerTemplate().sendBody("direct:search", "project = OPS");
        }
        System.out.println("streamed=" + count.get() + " distinct=" + seen.cardinality());
    }
}
