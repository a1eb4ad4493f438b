package org.jiraq.camel;

/** The values of the {@code grantType} option: how an OAuth 2.0 client obtains its tokens. */
public enum JiraqGrantType {
    /** A user consents once (3LO); the app keeps and rotates the refresh token from then on. */
    authorizationCode,
    /** A service account: the client's own id and secret buy every access token (Cloud and Data Center). */
    clientCredentials
}
