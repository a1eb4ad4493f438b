package org.jiraq.camel.operation;

import org.apache.camel.Exchange;

/** Performs one operation on one exchange: reads its inputs from the message, calls Jira, writes the result. */
@FunctionalInterface
public interface OperationHandler {

    void handle(Exchange exchange) throws Exception;
}
