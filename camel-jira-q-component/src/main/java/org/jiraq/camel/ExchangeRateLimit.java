package org.jiraq.camel;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.SafeCopyProperty;
import org.jiraq.camel.client.JiraqClientListener;
import org.jiraq.camel.client.JiraqRequest;
import org.jiraq.camel.client.RateLimitHeaders;
import org.jiraq.camel.client.ResponseHeaders;

/**
 * The rate-limit headers of the answers Jira gave to one exchange's calls, so its CamelJiraqRateLimit* headers describe
 * its own last answer, not what other routes met meanwhile, and are not set when nothing was sent.
 */
final class ExchangeRateLimit implements JiraqClientListener, SafeCopyProperty {

    private static final String KEY = "jiraq.rateLimit";

    private volatile RateLimitHeaders last;
    private volatile boolean rateLimited;

    /** Starts listening for one exchange's answers; the exchange's client reports to it. */
    static ExchangeRateLimit listenTo(Exchange exchange) {
        ExchangeRateLimit answers = new ExchangeRateLimit();
        exchange.getExchangeExtension().setSafeCopyProperty(KEY, answers);
        return answers;
    }

    /** The listener of an exchange the producer is processing, else null. */
    static ExchangeRateLimit of(Exchange exchange) {
        return exchange.getExchangeExtension().getSafeCopyProperty(KEY, ExchangeRateLimit.class);
    }

    @Override
    public void answered(JiraqRequest request, int status, ResponseHeaders headers, long nanos) {
        RateLimitHeaders limits = RateLimitHeaders.of(headers);
        if (limits != null) {
            last = limits;
            rateLimited = status == 429;
        }
    }

    /** Sets the headers from the last answer that had rate-limit headers; none when no answer had any. */
    void applyTo(Message message) {
        RateLimitHeaders limits = last;
        if (limits == null) {
            return;
        }
        if (limits.remaining() != null) {
            message.setHeader(JiraqConstants.RATE_LIMIT_REMAINING, limits.remaining());
        }
        message.setHeader(JiraqConstants.RATE_LIMIT_NEAR_LIMIT, limits.nearLimit() || rateLimited);
    }

    @Override
    public SafeCopyProperty safeCopy() {
        return new ExchangeRateLimit(); // a copied exchange makes calls of its own
    }
}
