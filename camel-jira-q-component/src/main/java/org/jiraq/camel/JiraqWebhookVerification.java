package org.jiraq.camel;

/** How {@code jiraq:webhook} makes sure a request comes from Jira. There is no default: a choice must be made. */
public enum JiraqWebhookVerification {
    /** Admin webhooks with a secret: HMAC-SHA256 of the raw body in X-Hub-Signature. */
    hmac,
    /** App (OAuth 2.0) webhooks: the HS256 JWT in the Authorization header, signed with the app's client secret. */
    jwt,
    /** Accept unsigned requests, for webhooks behind a gateway that checks them already. */
    none
}
