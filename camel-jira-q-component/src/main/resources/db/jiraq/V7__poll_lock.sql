-- One row per jiraq:issues position key, row-locked by the replica polling it (SELECT ... FOR UPDATE SKIP LOCKED), so
-- replicas sharing the store take turns and each change is delivered once.
CREATE TABLE jiraq_poll_lock (
    position_key VARCHAR(1000) NOT NULL PRIMARY KEY
);
