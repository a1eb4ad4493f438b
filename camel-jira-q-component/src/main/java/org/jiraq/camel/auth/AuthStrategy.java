package org.jiraq.camel.auth;

import java.io.IOException;
import java.net.URI;
import java.util.Set;

/**
 * How the component proves who it is to Jira. One implementation per method Jira supports; the HTTP client calls
 * these hooks and nothing else, so a new method never touches the producer or the client.
 */
public interface AuthStrategy {

    /**
     * The REST root that request paths are appended to: the site itself, or a gateway route such as
     * {@code https://api.atlassian.com/ex/jira/{cloudId}} for OAuth 2.0.
     */
    default URI apiRoot(URI siteUrl, String credentialId) throws IOException {
        return siteUrl;
    }

    /** Adds credentials to a request that is about to be sent to a host this strategy trusts. */
    void authenticate(AuthRequest request) throws IOException;

    /**
     * Called once when Jira answered 401. Returns true when the credentials were renewed (a refreshed OAuth token)
     * and the same request may be sent again; false when repeating it would only fail the same way.
     */
    default boolean renewAfterUnauthorized(String credentialId, String rejectedAuthorization) throws IOException {
        return false;
    }

    /** Hosts besides the site that may receive this strategy's credentials (for example api.atlassian.com). */
    default Set<String> trustedHosts() {
        return Set.of();
    }
}
