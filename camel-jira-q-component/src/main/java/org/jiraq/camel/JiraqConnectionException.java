package org.jiraq.camel;

import java.io.IOException;

import org.jiraq.camel.client.JiraqRequest;

/**
 * A call to Jira got no usable answer: the connection was refused, reset or closed, the answer took longer than the
 * request timeout, or it could not be read. Says whether the request may still have been processed.
 */
public class JiraqConnectionException extends JiraqException {

    private final String method;
    private final String path;

    public JiraqConnectionException(JiraqRequest request, IOException cause, boolean retryable, boolean outcomeUnknown) {
        this(request, describe(request, cause, outcomeUnknown), cause, retryable, outcomeUnknown);
    }

    private JiraqConnectionException(JiraqRequest request, String message, IOException cause, boolean retryable,
                                     boolean outcomeUnknown) {
        super(message, cause, retryable, outcomeUnknown, null);
        this.method = request.method();
        this.path = request.path();
    }

    /**
     * Jira answered {@code status}, but with a body that cannot be read: a repeatable request may be sent again; a
     * write that was not is done, with an unknown result.
     */
    public static JiraqConnectionException unreadable(JiraqRequest request, int status, IOException cause) {
        return new JiraqConnectionException(request, "Jira answered " + status + " to " + request.method() + " "
                                                     + request.path() + " with a body that is not JSON",
                cause, request.retrySafe(), !request.retrySafe());
    }

    public String getMethod() {
        return method;
    }

    /** The request path, without the site. */
    public String getPath() {
        return path;
    }

    private static String describe(JiraqRequest request, IOException cause, boolean outcomeUnknown) {
        String what = cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return "No answer from Jira to " + request.method() + " " + request.path() + " (" + what + ")"
               + (outcomeUnknown ? "; Jira may have processed it" : "");
    }
}
