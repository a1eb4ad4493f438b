package org.jiraq.camel.client;

import java.io.IOException;
import java.time.Instant;

/**
 * Keeps a write that is not safe to repeat (a create) from happening twice. After a fault that may have let the
 * write through (a reset, a timeout, a 5xx), {@link JiraqClient#execute(JiraqRequest, DuplicateGuard)} never resends
 * it blindly: it first asks {@link #findExisting} whether the write already took effect, returns that answer if so,
 * and otherwise resends what {@link #resend} says did not happen.
 */
public abstract class DuplicateGuard {

    private Instant outcomeUnknownSince;
    private boolean settled;

    /**
     * @param outcomeUnknownSince when an earlier attempt (a previous delivery of the same message) failed in a way
     *                            that may have let the write through, or null when there was none; the first send
     *                            then looks before it writes
     */
    protected DuplicateGuard(Instant outcomeUnknownSince) {
        this.outcomeUnknownSince = outcomeUnknownSince;
    }

    /** When the first attempt whose outcome is unknown was made, or null while every attempt is known to have failed. */
    public Instant outcomeUnknownSince() {
        return outcomeUnknownSince;
    }

    void outcomeUnknown(Instant attemptStart) {
        if (outcomeUnknownSince == null) {
            outcomeUnknownSince = attemptStart;
        }
        settled = false;
    }

    /**
     * Whether the last lookup found that the uncertain attempts did not write (what was left to send), and nothing was
     * sent since: the outcome is known after all.
     */
    public boolean settled() {
        return settled;
    }

    /** Asks {@link #findExisting}, and remembers when it settled that nothing happened. */
    final JiraqResponse lookUp(JiraqClient client) throws IOException {
        JiraqResponse existing = findExisting(client, outcomeUnknownSince);
        settled = existing == null;
        return existing;
    }

    /**
     * The answer Jira would have given if the write happened, built from what the lookup found; null when it did not
     * happen (the client then sends the write again).
     *
     * @param since when the first attempt whose outcome is unknown was sent: the write, if it happened, happened after
     */
    protected abstract JiraqResponse findExisting(JiraqClient client, Instant since) throws IOException;

    /**
     * The write to send again after {@link #findExisting} answered null: by default the same one; a write of several
     * items (a bulk create) sends only the items that did not happen.
     */
    protected JiraqRequest resend(JiraqRequest request) {
        return request;
    }
}
