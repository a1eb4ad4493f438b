package org.jiraq.camel.auth.oauth2;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import okhttp3.mockwebserver.RecordedRequest;
import org.jiraq.camel.JiraqGrantType;
import org.jiraq.camel.JiraqHttpException;
import org.jiraq.camel.store.InMemoryTokenStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The OAuth 2.0 client against an independent authorization server (NAV's mock-oauth2-server, built on Nimbus), in the
 * RFC 6749 form style the component uses for Data Center's provider: code exchange, refresh with rotation, client
 * credentials.
 */
class OAuth2TokenClientTest {

    final IndependentAuthorizationServer server = new IndependentAuthorizationServer();
    final OAuth2TokenClient client = server.tokenClient(server.settings(JiraqGrantType.authorizationCode, null));

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void exchangesTheCodeOfAConsentForAccessAndRefreshTokens() throws Exception {
        OAuth2TokenClient.Tokens tokens = client.exchangeCode(server.consentCode(), null);

        assertThat(tokens.accessToken()).isNotBlank();
        assertThat(tokens.refreshToken()).isNotBlank();
        assertThat(tokens.expiresInSeconds()).isPositive();
        RecordedRequest exchange = server.nextRequest();
        assertThat(exchange.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(exchange.getBody().readUtf8()).contains("grant_type=authorization_code", "client_secret=s3cr%3Dt",
                "redirect_uri=" + URLEncoder.encode(IndependentAuthorizationServer.REDIRECT_URI, StandardCharsets.UTF_8));
        assertThat(exchange.getRequestUrl().query()).isNull();
    }

    @Test
    void refreshGivesANewAccessTokenAndARotatedRefreshTokenWhileTheOldOneDies() throws Exception {
        OAuth2TokenClient.Tokens first = client.exchangeCode(server.consentCode(), null);

        OAuth2TokenClient.Tokens refreshed = client.refresh(first.refreshToken());

        assertThat(refreshed.accessToken()).isNotBlank().isNotEqualTo(first.accessToken());
        assertThat(refreshed.refreshToken()).isNotBlank().isNotEqualTo(first.refreshToken());
        assertThatThrownBy(() -> client.refresh(first.refreshToken()))
                .isInstanceOfSatisfying(JiraqHttpException.class,
                        e -> assertThat(OAuth2TokenClient.errorCode(e)).contains("invalid_grant"));
    }

    @Test
    void clientCredentialsBuyAnAccessTokenWithTheScopesAsked() throws Exception {
        OAuth2TokenClient serviceAccount = server.tokenClient(server.settings(JiraqGrantType.clientCredentials, null));

        OAuth2TokenClient.Tokens tokens = serviceAccount.clientCredentials();

        assertThat(tokens.accessToken()).isNotBlank();
        assertThat(tokens.refreshToken()).isNull();
        assertThat(server.nextRequest().getBody().readUtf8()).contains("grant_type=client_credentials",
                "scope=READ+WRITE");
    }

    @Test
    void anUnknownRefreshTokenIsRefusedAsInvalidGrant() {
        assertThatThrownBy(() -> client.refresh("never-issued"))
                .isInstanceOfSatisfying(JiraqHttpException.class, e -> {
                    assertThat(OAuth2TokenClient.errorCode(e)).contains("invalid_grant");
                    assertThat(e.getMessage()).doesNotContain("never-issued").doesNotContain("s3cr");
                });
    }

    @Test
    void tokensAndSecretsNeverShowInToString() throws Exception {
        OAuth2TokenClient.Tokens tokens = client.exchangeCode(server.consentCode(), null);

        assertThat(tokens.toString()).doesNotContain(tokens.accessToken()).doesNotContain(tokens.refreshToken());
        assertThat(server.settings(JiraqGrantType.authorizationCode, "seed").toString())
                .doesNotContain(IndependentAuthorizationServer.CLIENT_SECRET).doesNotContain("seed");
    }
}
