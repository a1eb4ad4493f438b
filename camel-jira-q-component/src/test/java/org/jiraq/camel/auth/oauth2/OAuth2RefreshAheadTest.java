package org.jiraq.camel.auth.oauth2;

import java.time.Duration;
import java.time.Instant;

import org.jiraq.camel.spi.OAuth2Grant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A grant another replica stored, whose token is close to expiry, is refreshed before a call would send it. */
class OAuth2RefreshAheadTest extends OAuth2TestSupport {

    @Override
    protected boolean connectsOnAnotherReplica() {
        return true;
    }

    @Test
    void aTokenCloseToExpiryIsRefreshedBeforeTheCallAndTheRotatedRefreshTokenIsStored() throws Exception {
        connect("default");
        OAuth2Grant connected = tokenStore().load("default").orElseThrow();
        tokenStore().save("default", new OAuth2Grant(connected.accessToken(), Instant.now().plusSeconds(30),
                connected.refreshToken(), connected.scopes(), connected.cloudId(), connected.siteUrl(), false));

        assertThat(createIssue(null).getException()).isNull();

        OAuth2Grant refreshed = tokenStore().load("default").orElseThrow();
        assertThat(oauth.tokenRequests("refresh_token")).isEqualTo(1);
        assertThat(oauth.refusedAccessTokens()).as("the old token was never sent").isZero();
        assertThat(refreshed.refreshToken()).isNotEqualTo(connected.refreshToken());
        assertThat(refreshed.accessToken()).isNotEqualTo(connected.accessToken());
        assertThat(refreshed.expiresAt()).isAfter(Instant.now().plus(Duration.ofMinutes(50)));
    }
}
