package org.jiraq.camel.auth.oauth2;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.jiraq.camel.JiraqAuthorizationException;
import org.jiraq.camel.JiraqGrantType;
import org.jiraq.camel.spi.OAuth2Grant;
import org.jiraq.camel.store.InMemoryTokenStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The token manager against an independent authorization server (mock-oauth2-server, rotating refresh tokens), with a
 * clock the test moves: refresh ahead of expiry, rotation saved, invalid_grant failing fast.
 */
class OAuth2TokenManagerTest {

    final IndependentAuthorizationServer server = new IndependentAuthorizationServer();
    final MovableClock clock = new MovableClock();
    final InMemoryTokenStore store = new InMemoryTokenStore();

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void theConfiguredRefreshTokenIsUsedOnceAndTheRotatedOneIsStored() throws Exception {
        String seed = consentRefreshToken();
        OAuth2TokenManager tokens = manager(JiraqGrantType.authorizationCode, seed);

        OAuth2Grant grant = tokens.usableGrant("default");

        assertThat(grant.accessToken()).isNotBlank();
        assertThat(store.load("default").orElseThrow().refreshToken()).isNotBlank().isNotEqualTo(seed)
                .isEqualTo(grant.refreshToken());
        assertThat(tokens.usableGrant("default")).isSameAs(grant);
        server.nextRequest(); // the one refresh
        assertThat(server.receivedNothingMore()).isTrue();
    }

    @Test
    void aTokenIsReplacedAheadOfItsExpiry() throws Exception {
        OAuth2TokenManager tokens = manager(JiraqGrantType.authorizationCode, consentRefreshToken());
        OAuth2Grant first = tokens.usableGrant("default");

        clock.set(first.expiresAt().minus(OAuth2TokenManager.REFRESH_MARGIN).minusSeconds(5));
        assertThat(tokens.usableGrant("default")).isSameAs(first);
        clock.set(first.expiresAt().minusSeconds(30));
        OAuth2Grant second = tokens.usableGrant("default");

        assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(second.expiresAt()).isAfter(first.expiresAt());
        assertThat(store.load("default")).contains(second);
    }

    @Test
    void a401RenewsOnceAndALaterRejectionOfTheSameTokenFindsTheNewOne() throws Exception {
        OAuth2TokenManager tokens = manager(JiraqGrantType.authorizationCode, consentRefreshToken());
        String rejected = tokens.usableGrant("default").accessToken();

        assertThat(tokens.renewAfterRejection("default", rejected)).isTrue();
        String renewedRefreshToken = store.load("default").orElseThrow().refreshToken();
        assertThat(tokens.renewAfterRejection("default", rejected)).isTrue();

        assertThat(store.load("default").orElseThrow().refreshToken()).isEqualTo(renewedRefreshToken);
        assertThat(tokens.usableGrant("default").accessToken()).isNotEqualTo(rejected);
    }

    @Test
    void aRefusedGrantNeedsAReconnectAndLaterCallsFailWithoutAskingTheServer() {
        OAuth2TokenManager tokens = manager(JiraqGrantType.authorizationCode, "revoked-long-ago");

        assertThatThrownBy(() -> tokens.usableGrant("default")).isInstanceOf(JiraqAuthorizationException.class)
                .hasMessageContaining("'default'").hasMessageContaining("reconnect")
                .hasMessageNotContaining("revoked-long-ago");
        server.nextRequest(); // the refused refresh
        assertThat(store.load("default").orElseThrow().reconnectRequired()).isTrue();

        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> tokens.usableGrant("default")).isInstanceOf(JiraqAuthorizationException.class);
        }
        assertThat(server.receivedNothingMore()).isTrue();
    }

    @Test
    void aCredentialThatNeverConnectedIsNamedInTheError() {
        OAuth2TokenManager tokens = manager(JiraqGrantType.authorizationCode, null);

        assertThatThrownBy(() -> tokens.usableGrant("bob")).isInstanceOf(JiraqAuthorizationException.class)
                .hasMessageContaining("No OAuth 2.0 grant is stored for credentialId 'bob'");
    }

    @Test
    void clientCredentialsNeedNothingStoredFirst() throws Exception {
        OAuth2TokenManager tokens = manager(JiraqGrantType.clientCredentials, null);

        OAuth2Grant grant = tokens.usableGrant("service");

        assertThat(grant.accessToken()).isNotBlank();
        assertThat(grant.refreshToken()).isNull();
        assertThat(store.load("service")).contains(grant);
    }

    @Test
    void aConsentCodeBecomesTheStoredGrantOfItsCredential() throws Exception {
        store.save("alice", OAuth2Grant.seed("old").rejected());
        OAuth2TokenManager tokens = manager(JiraqGrantType.authorizationCode, null);

        OAuth2Grant grant = tokens.connect("alice", server.consentCode(), null);

        assertThat(grant.reconnectRequired()).isFalse();
        assertThat(grant.refreshToken()).isNotBlank();
        assertThat(tokens.usableGrant("alice")).isEqualTo(grant);
    }

    private OAuth2TokenManager manager(JiraqGrantType grantType, String refreshToken) {
        OAuth2Settings settings = server.settings(grantType, refreshToken);
        return new OAuth2TokenManager(settings, store, server.tokenClient(settings), clock);
    }

    private String consentRefreshToken() throws Exception {
        String refreshToken = server.tokenClient(server.settings(JiraqGrantType.authorizationCode, null))
                .exchangeCode(server.consentCode(), null).refreshToken();
        server.nextRequest(); // the code exchange
        return refreshToken;
    }

    /** A clock the test sets; it starts now. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.now();

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
