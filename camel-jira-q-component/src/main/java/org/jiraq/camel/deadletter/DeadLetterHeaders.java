package org.jiraq.camel.deadletter;

/**
 * The headers a resilient sink puts on an exchange it gives up on, before handing it to its dead-letter endpoint, so
 * any endpoint (a queue, a file, a log) receives the reason with the message.
 */
public final class DeadLetterHeaders {

    /** The HTTP status Jira answered (Integer), absent when there was no answer. */
    public static final String FAILURE_STATUS = "CamelJiraqFailureStatus";
    /** What went wrong (String): Jira's answer with its messages and request id, or the connection fault. */
    public static final String FAILURE_REASON = "CamelJiraqFailureReason";
    /** Jira's request id (String), to quote to Atlassian support. */
    public static final String FAILURE_REQUEST_ID = "CamelJiraqFailureRequestId";
    /** Whether sending the exchange again cannot do anything twice (Boolean). */
    public static final String FAILURE_RETRYABLE = "CamelJiraqFailureRetryable";
    /** Whether Jira may have done the work although the call failed (Boolean). */
    public static final String FAILURE_OUTCOME_UNKNOWN = "CamelJiraqFailureOutcomeUnknown";
    /** On a replayed exchange: the id of the dead letter it came from (Long). */
    public static final String DEAD_LETTER_ID = "CamelJiraqDeadLetterId";
    /** After a replay run: how many dead letters were delivered and removed (Integer). */
    public static final String REPLAYED = "CamelJiraqDeadLettersReplayed";
    /** After a replay run: how many failed again and were kept (Integer). */
    public static final String STILL_FAILING = "CamelJiraqDeadLettersStillFailing";

    /** Headers that describe the failure rather than the message; a dead letter keeps them as its reason instead. */
    static final String FAILURE_PREFIX = "CamelJiraqFailure";

    private DeadLetterHeaders() {
    }
}
