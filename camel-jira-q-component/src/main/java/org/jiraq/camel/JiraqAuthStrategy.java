package org.jiraq.camel;

/** The values of the {@code authStrategy} option. */
public enum JiraqAuthStrategy {
    /** Basic: e-mail and API token on Cloud, user and password on Data Center. */
    apiToken,
    /** Bearer personal access token (Data Center 8.14+). */
    pat,
    /** OAuth 1.0a RSA-SHA1 (Data Center application links). */
    oauth1,
    /** OAuth 2.0: authorization code (3LO) with rotating refresh tokens, or client credentials. */
    oauth2
}
