-- Jira's rate limits shared by the replicas of an application (spi.RateLimitStore): budgets booked in advance on a
-- virtual schedule (next_free_us: when the next booking may start), and holds every replica keeps. Times are
-- microseconds since the epoch.
CREATE TABLE jiraq_rate_budget (
    budget_key   VARCHAR(1000) NOT NULL PRIMARY KEY,
    next_free_us BIGINT        NOT NULL
);

CREATE TABLE jiraq_rate_hold (
    site     VARCHAR(1000) NOT NULL,
    scope    VARCHAR(1000) NOT NULL,
    until_us BIGINT        NOT NULL,
    reason   VARCHAR(200),
    PRIMARY KEY (site, scope)
);
