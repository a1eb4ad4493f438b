package org.jiraq.camel.client;

import java.io.IOException;
import java.time.Duration;

/**
 * What the {@link JiraqClient} reports about each call: the hook for metrics, health checks and the dev console.
 * Called on the calling thread, so implementations must be quick and must not throw.
 */
public interface JiraqClientListener {

    /** Listens to nothing; the client's default. */
    JiraqClientListener NONE = new JiraqClientListener() {
    };

    /** Tells {@code first}, then {@code second}. */
    static JiraqClientListener both(JiraqClientListener first, JiraqClientListener second) {
        if (first == NONE) {
            return second;
        }
        return new JiraqClientListener() {
            @Override
            public void answered(JiraqRequest request, int status, ResponseHeaders headers, long nanos) {
                first.answered(request, status, headers, nanos);
                second.answered(request, status, headers, nanos);
            }

            @Override
            public void paced(JiraqRequest request, Duration waited) {
                first.paced(request, waited);
                second.paced(request, waited);
            }

            @Override
            public void failed(JiraqRequest request, IOException error, long nanos) {
                first.failed(request, error, nanos);
                second.failed(request, error, nanos);
            }

            @Override
            public void retrying(JiraqRequest request, int retry, Duration delay, String cause) {
                first.retrying(request, retry, delay, cause);
                second.retrying(request, retry, delay, cause);
            }
        };
    }

    /**
     * Jira answered one HTTP exchange (a redirect hop, a success or an error answer, retried or not).
     *
     * @param nanos the time from sending the request to reading the whole answer
     */
    default void answered(JiraqRequest request, int status, ResponseHeaders headers, long nanos) {
    }

    /** The request waited in the {@link RateLimitGovernor} (pacing, a hold after a 429) before it was sent. */
    default void paced(JiraqRequest request, Duration waited) {
    }

    /** One HTTP exchange got no answer: refused, reset, timed out. */
    default void failed(JiraqRequest request, IOException error, long nanos) {
    }

    /**
     * The client is about to wait and send the request again.
     *
     * @param retry the number of this retry, from 1
     * @param cause why: {@code status 429}, {@code status 503}, or the class name of the I/O error
     */
    default void retrying(JiraqRequest request, int retry, Duration delay, String cause) {
    }
}
