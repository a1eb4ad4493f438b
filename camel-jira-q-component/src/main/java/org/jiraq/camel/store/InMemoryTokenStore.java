package org.jiraq.camel.store;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.jiraq.camel.spi.OAuth2Grant;
import org.jiraq.camel.spi.TokenStore;

/**
 * Grants held in this JVM only: for tests, and for apps that connect at start and may lose their grants on restart.
 * The per-credential lock covers this JVM, which is all that shares it.
 */
public final class InMemoryTokenStore implements TokenStore {

    private final Map<String, OAuth2Grant> grants = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Map<String, PendingConsent> states = new ConcurrentHashMap<>();

    @Override
    public Optional<OAuth2Grant> load(String credentialId) {
        return Optional.ofNullable(grants.get(credentialId));
    }

    @Override
    public OAuth2Grant update(String credentialId, GrantUpdate update) throws IOException {
        ReentrantLock lock = locks.computeIfAbsent(credentialId, id -> new ReentrantLock());
        lock.lock();
        try {
            OAuth2Grant current = grants.get(credentialId);
            OAuth2Grant next = update.apply(current);
            if (next != current) {
                grants.put(credentialId, next);
            }
            return next;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void saveState(String state, String credentialId, Instant expiresAt) {
        Instant now = Instant.now();
        states.values().removeIf(pending -> !pending.expiresAt().isAfter(now));
        states.put(state, new PendingConsent(credentialId, expiresAt));
    }

    @Override
    public Optional<String> takeState(String state) {
        PendingConsent pending = states.remove(state);
        return pending != null && pending.expiresAt().isAfter(Instant.now()) ? Optional.of(pending.credentialId()) : Optional.empty();
    }

    private record PendingConsent(String credentialId, Instant expiresAt) {
    }
}
