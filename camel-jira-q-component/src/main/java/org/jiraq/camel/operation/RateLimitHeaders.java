package org.jiraq.camel.operation;

import org.apache.camel.Message;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.client.JiraqClient;
import org.jiraq.camel.client.RateLimitState;

/** Shows a route the rate-limit state of the site it just called, as headers on the message. */
public final class RateLimitHeaders {

    private RateLimitHeaders() {
    }

    public static void set(Message message, JiraqClient client) {
        if (client == null) {
            return;
        }
        RateLimitState state = client.rateLimitGovernor().state();
        if (state.remaining() != null) {
            message.setHeader(JiraqConstants.RATE_LIMIT_REMAINING, state.remaining());
        }
        message.setHeader(JiraqConstants.RATE_LIMIT_NEAR_LIMIT, state.nearLimit() || state.heldUntil() != null);
    }
}
