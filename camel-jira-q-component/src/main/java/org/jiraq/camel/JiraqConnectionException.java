package org.jiraq.camel;

import java.io.IOException;
import java.time.Duration;

import org.jiraq.camel.client.JiraqRequest;

/**
 * A call to Jira got no usable answer: the connection was refused, reset or closed, or the answer took longer than
 * the request timeout. Says whether the request may still have been processed.
 */
public class JiraqConnectionException extends IOException implements JiraqFailure {

    private final String method;
    private final String path;
    private final boolean retryable;
    private final boolean outcomeUnknown;

    public JiraqConnectionException(JiraqRequest request, IOException cause, boolean retryable, boolean outcomeUnknown) {
        super(describe(request, cause, outcomeUnknown), cause);
        this.method = request.method();
        this.path = request.path();
        this.retryable = retryable;
        this.outcomeUnknown = outcomeUnknown;
    }

    public String getMethod() {
        return method;
    }

    /** The request path, without the site. */
    public String getPath() {
        return path;
    }

    @Override
    public boolean isRetryable() {
        return retryable;
    }

    @Override
    public boolean isOutcomeUnknown() {
        return outcomeUnknown;
    }

    @Override
    public Duration getRetryAfter() {
        return null;
    }

    private static String describe(JiraqRequest request, IOException cause, boolean outcomeUnknown) {
        String what = cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return "No answer from Jira to " + request.method() + " " + request.path() + " (" + what + ")"
               + (outcomeUnknown ? "; Jira may have processed it" : "");
    }
}
