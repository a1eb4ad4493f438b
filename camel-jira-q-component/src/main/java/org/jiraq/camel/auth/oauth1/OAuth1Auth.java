package org.jiraq.camel.auth.oauth1;

import java.util.Map;

import org.jiraq.camel.auth.AuthRequest;
import org.jiraq.camel.auth.AuthStrategy;

/**
 * OAuth 1.0a RSA-SHA1, the way Jira Data Center application links authenticate: every request is signed anew with
 * the consumer's private key, carrying the access token the user granted once through {@link OAuth1Dance}.
 */
public final class OAuth1Auth implements AuthStrategy {

    private final OAuth1Signer signer;
    private final Map<String, String> protocolParameters;

    /** Signs API calls with the access token of a completed dance. */
    public OAuth1Auth(OAuth1Signer signer, String accessToken) {
        this(signer, Map.of("oauth_token", accessToken));
    }

    /** Signs with the given oauth_* parameters besides the consumer's own, as the steps of the dance need. */
    OAuth1Auth(OAuth1Signer signer, Map<String, String> protocolParameters) {
        this.signer = signer;
        this.protocolParameters = Map.copyOf(protocolParameters);
    }

    @Override
    public void authenticate(AuthRequest request) {
        request.setHeader("Authorization",
                signer.authorization(request.method(), request.uri(), request.formParameters(), protocolParameters));
    }
}
