-- The GDPR account registry: every Atlassian account whose personal data the application holds, and when it fetched
-- or stored that data (the updatedAt reported to Atlassian's personal data reporting API).
CREATE TABLE jiraq_gdpr_account (
    account_id VARCHAR(255)             NOT NULL PRIMARY KEY,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The personal data reporting cycle, one row. cycle_id is null between cycles; last_reported is the last account id
-- reported in the cycle in progress (accounts go in id order). Only the holder of the lease moves it on, so replicas
-- sharing the database run each cycle once.
CREATE TABLE jiraq_gdpr_cycle (
    id              INTEGER                  NOT NULL PRIMARY KEY,
    cycle_id        VARCHAR(64),
    started_at      TIMESTAMP WITH TIME ZONE,
    last_reported   VARCHAR(255),
    cycle_period_ms BIGINT,
    next_due_at     TIMESTAMP WITH TIME ZONE,
    lease_owner     VARCHAR(255),
    lease_until     TIMESTAMP WITH TIME ZONE
);
INSERT INTO jiraq_gdpr_cycle (id) VALUES (1);

-- What Atlassian answered about accounts in the cycle in progress (status closed or updated) and how the route fared
-- with each (outcome PENDING, DONE or FAILED); the rows go when the cycle completes.
CREATE TABLE jiraq_gdpr_action (
    cycle_id   VARCHAR(64)  NOT NULL,
    account_id VARCHAR(255) NOT NULL,
    status     VARCHAR(16)  NOT NULL,
    outcome    VARCHAR(16)  NOT NULL,
    PRIMARY KEY (cycle_id, account_id)
);
