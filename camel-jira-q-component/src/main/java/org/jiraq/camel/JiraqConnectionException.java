package org.jiraq.camel;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;

import javax.net.ssl.SSLException;

import org.jiraq.camel.client.JiraqRequest;

/**
 * A call to Jira got no usable answer: the connection was refused, reset or closed, the answer took longer than the
 * request timeout, or it could not be read. Says whether the request may still have been processed.
 */
public class JiraqConnectionException extends JiraqException {

    private final String method;
    private final String path;

    /**
     * @param target where the request went (scheme, host and port are named in the message; no path, no query)
     */
    public JiraqConnectionException(JiraqRequest request, URI target, IOException cause, boolean retryable,
                                    boolean outcomeUnknown) {
        this(request, describe(request, target, cause, outcomeUnknown), cause, retryable, outcomeUnknown);
    }

    private JiraqConnectionException(JiraqRequest request, String message, IOException cause, boolean retryable,
                                     boolean outcomeUnknown) {
        super(message, cause, retryable, outcomeUnknown, null);
        this.method = request.method();
        this.path = request.path();
    }

    /**
     * The request could not be sent (interrupted, or no usable credential for it): a repeatable request may be sent
     * again, and Jira processed nothing.
     */
    public static JiraqConnectionException notSent(JiraqRequest request, IOException cause) {
        String what = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new JiraqConnectionException(request, request.method() + " " + request.path() + " was not sent to Jira ("
                                                     + what + ")",
                cause, request.retrySafe(), false);
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

    private static String describe(JiraqRequest request, URI target, IOException cause, boolean outcomeUnknown) {
        String what = cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return "No answer from Jira to " + request.method() + " " + request.path() + " (" + what + ")"
               + (outcomeUnknown ? "; Jira may have processed it" : "") + hint(target, cause);
    }

    /** What to check for the faults that are configuration mistakes more often than not. */
    private static String hint(URI target, IOException cause) {
        String server = target.getScheme() + "://" + target.getHost() + (target.getPort() < 0 ? "" : ":" + target.getPort());
        if (cause instanceof SSLException) {
            return ". TLS with " + server + " failed: if that port serves plain http, the URL's scheme is wrong"
                   + " (http:// instead of https://) or its port is; if the certificate is not trusted, set"
                   + " sslContextParameters. Not retried";
        }
        if (cause instanceof ConnectException) {
            return ". Nothing accepts connections at " + server + ": check the host and port of baseUrl, and that"
                   + " Jira runs. Not retried here; Camel's redelivery may send it again";
        }
        if (cause instanceof UnknownHostException) {
            return ". The host " + target.getHost() + " is unknown: check baseUrl. Not retried here; Camel's"
                   + " redelivery may send it again";
        }
        return "";
    }
}
