package org.jiraq.camel.webhook;

/**
 * What a {@link WebhookVerifier} decided about a request, and why it refused it: the reason goes to the log (never
 * to the caller), so whoever sets up the webhook sees whether a header was missing, malformed, used another
 * algorithm or did not match.
 *
 * @param refusal why the request was refused; null when it passed
 */
public record Verdict(String refusal) {

    private static final Verdict PASSED = new Verdict(null);

    public static Verdict passed() {
        return PASSED;
    }

    public static Verdict refused(String why) {
        return new Verdict(why);
    }

    public boolean ok() {
        return refusal == null;
    }
}
