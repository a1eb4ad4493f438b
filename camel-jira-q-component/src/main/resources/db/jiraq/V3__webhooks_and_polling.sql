-- Webhook de-duplication: one row per delivered X-Atlassian-Webhook-Identifier, per consumer (processor_name). The
-- primary key makes a second insert of the same identifier fail, which is how a duplicate is recognised, also
-- between replicas. Rows older than the retention (Jira retries for about 30 minutes and lists failures for 72 hours)
-- are deleted by the repository.
CREATE TABLE jiraq_webhook_delivery (
    processor_name VARCHAR(255)             NOT NULL,
    message_id     VARCHAR(255)             NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (processor_name, message_id)
);
CREATE INDEX jiraq_webhook_delivery_created_at ON jiraq_webhook_delivery (created_at);

-- Polling positions of jiraq:issues: the latest updated timestamp delivered, per position key ...
CREATE TABLE jiraq_poll_position (
    position_key   VARCHAR(1000)            NOT NULL PRIMARY KEY,
    latest_updated TIMESTAMP WITH TIME ZONE NOT NULL
);

-- ... and the (issue, updated) changes delivered within the lookback window behind it.
CREATE TABLE jiraq_poll_seen (
    position_key VARCHAR(1000)            NOT NULL,
    issue_id     VARCHAR(64)              NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (position_key, issue_id, updated_at)
);
