package org.jiraq.camel.deadletter;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.jiraq.camel.JiraqException;
import org.jiraq.camel.JiraqHttpException;

/**
 * Why an exchange could not be delivered to Jira, as a dead letter keeps it.
 *
 * @param status         the HTTP status Jira answered, or null when there was no answer
 * @param message        what went wrong: Jira's answer (status, path, Jira's messages and request id) or the fault
 * @param requestId      Jira's request id ({@code X-AREQUESTID}) to quote to Atlassian support, or null
 * @param retryable      whether sending the exchange again cannot do anything twice
 * @param outcomeUnknown whether Jira may have done the work although the call failed
 */
public record FailureReason(Integer status, String message, String requestId, boolean retryable, boolean outcomeUnknown) {

    /** The reason a failure gives: what Jira said when it answered, else the fault. */
    public static FailureReason of(Throwable error) {
        JiraqHttpException answer = find(error, JiraqHttpException.class);
        JiraqException failure = JiraqException.of(error);
        Throwable described = failure != null ? failure : error;
        String message = described == null ? "unknown failure"
                : described.getMessage() != null ? described.getMessage() : described.getClass().getName();
        return new FailureReason(answer == null ? null : answer.getStatusCode(), message,
                answer == null ? null : answer.getRequestId(), failure != null && failure.isRetryable(),
                failure != null && failure.isOutcomeUnknown());
    }

    /** The reason of the failure an exchange carries (while failing, or caught by an error handler). */
    public static FailureReason of(Exchange exchange) {
        Throwable error = exchange.getException();
        return of(error != null ? error : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
    }

    /**
     * Whether a person should decide before this is sent again: Jira may have done the work and repeating it is not
     * safe (a comment whose answer was lost). Creates are safe to repeat, so they never need review.
     */
    public boolean needsReview() {
        return outcomeUnknown && !retryable;
    }

    /** Puts the reason on a message as {@link DeadLetterHeaders}, for dead-letter endpoints of any kind. */
    public void writeTo(Message message) {
        message.setHeader(DeadLetterHeaders.FAILURE_STATUS, status);
        message.setHeader(DeadLetterHeaders.FAILURE_REASON, this.message);
        message.setHeader(DeadLetterHeaders.FAILURE_REQUEST_ID, requestId);
        message.setHeader(DeadLetterHeaders.FAILURE_RETRYABLE, retryable);
        message.setHeader(DeadLetterHeaders.FAILURE_OUTCOME_UNKNOWN, outcomeUnknown);
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
