-- OAuth 2.0 grants, one row per credentialId. access_token and refresh_token hold AES-256-GCM ciphertext
-- (org.jiraq.camel.store.SecretCipher), never clear text. A refresh locks the row (SELECT ... FOR UPDATE) and
-- bumps version, so one replica at a time rotates a refresh token.
CREATE TABLE jiraq_oauth_grant (
    credential_id      VARCHAR(255)             NOT NULL PRIMARY KEY,
    access_token       VARCHAR,
    expires_at         TIMESTAMP WITH TIME ZONE,
    refresh_token      VARCHAR,
    scopes             VARCHAR(4000),
    cloud_id           VARCHAR(255),
    site_url           VARCHAR(2000),
    reconnect_required BOOLEAN                  NOT NULL DEFAULT FALSE,
    version            BIGINT                   NOT NULL DEFAULT 0,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The state of a pending 3LO consent: random, single use, expiring, bound to the credentialId that asked for it.
CREATE TABLE jiraq_oauth_state (
    state         VARCHAR(255)             NOT NULL PRIMARY KEY,
    credential_id VARCHAR(255)             NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX jiraq_oauth_state_expires_at ON jiraq_oauth_state (expires_at);
