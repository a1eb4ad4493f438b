package org.jiraq.camel.spi;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps OAuth 2.0 grants per credentialId, and the pending consents of the connect flow. Atlassian rotates the
 * refresh token on every refresh and kills the whole grant when an old one is reused, so a store must let exactly one
 * refresh per credential run at a time: in this JVM and in every other JVM that shares the store.
 * <p>
 * The component's default is {@code org.jiraq.camel.store.JdbcTokenStore} on the jiraq store; set option tokenStore
 * to plug in another (a vault, a cache with its own locks).
 */
public interface TokenStore {

    /** The grant stored for {@code credentialId}, if any. A plain read: it may be stale by the time it is used. */
    Optional<OAuth2Grant> load(String credentialId);

    /**
     * Runs {@code update} while holding the credential's exclusive lock, with the grant as stored at that moment (null
     * when there is none), and saves what it returns before the lock is released, so the next holder reads it. When
     * {@code update} returns the grant it was given, nothing is written; when it throws, nothing is written and the
     * exception passes through.
     *
     * @return the grant stored when the lock was released
     */
    OAuth2Grant update(String credentialId, GrantUpdate update) throws IOException;

    /** Replaces the grant of {@code credentialId}, under its lock. */
    default OAuth2Grant save(String credentialId, OAuth2Grant grant) throws IOException {
        return update(credentialId, current -> grant);
    }

    /** Remembers the {@code state} of a consent that was started for {@code credentialId}. */
    void saveState(String state, String credentialId, Instant expiresAt);

    /**
     * Removes the consent {@code state} and returns its credentialId when it was known and has not expired. A state
     * is taken once: a second call for it finds nothing.
     */
    Optional<String> takeState(String state);

    /** A change to a grant, made under its lock; it may call the authorization server. */
    @FunctionalInterface
    interface GrantUpdate {
        OAuth2Grant apply(OAuth2Grant current) throws IOException;
    }
}
