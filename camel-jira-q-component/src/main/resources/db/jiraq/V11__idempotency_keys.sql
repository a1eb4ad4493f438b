-- Durable idempotency keys of createIssue (org.jiraq.camel.store.JdbcIdempotencyKeys): one row per
-- CamelJiraqIdempotencyKey per Jira site (scope). IN_FLIGHT: a process is creating the issue (lease_owner until
-- lease_until), or one whose create may have gone through gave up (uncertain_since, lease released): whoever takes the
-- key next looks for the issue before creating, reading the project's issues from preceding_key, the highest issue key
-- its first holder knew before it sent anything. DONE: the issue made for the key (issue_id, issue_key, issue_self);
-- a repeated key is answered with it. Rows settled longer ago than the retention are deleted.
CREATE TABLE jiraq_idempotency_key (
    scope           VARCHAR(255)             NOT NULL,
    idem_key        VARCHAR(255)             NOT NULL,
    state           VARCHAR(16)              NOT NULL,
    lease_owner     VARCHAR(255),
    lease_until     TIMESTAMP WITH TIME ZONE,
    claimed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    uncertain_since TIMESTAMP WITH TIME ZONE,
    preceding_key   VARCHAR(255),
    issue_id        VARCHAR(64),
    issue_key       VARCHAR(255),
    issue_self      VARCHAR(2000),
    settled_at      TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (scope, idem_key)
);
CREATE INDEX jiraq_idempotency_key_settled ON jiraq_idempotency_key (settled_at);
