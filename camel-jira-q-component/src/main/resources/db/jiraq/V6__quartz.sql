-- Quartz's JDBC job store (Quartz 2.5 tables_postgres.sql, tables prefixed jiraq_qrtz_ so an application's own
-- Quartz tables are never touched). BYTEA and BOOL also run on H2 in MODE=PostgreSQL, so one script serves both and
-- Quartz reads them with its PostgreSQLDelegate on either. Clustered schedulers share these rows: each trigger
-- fires on one replica, and a replica that stops checking in has its jobs taken over by another.
CREATE TABLE jiraq_qrtz_job_details
(
  sched_name        VARCHAR(120) NOT NULL,
  job_name          VARCHAR(200) NOT NULL,
  job_group         VARCHAR(200) NOT NULL,
  description       VARCHAR(250) NULL,
  job_class_name    VARCHAR(250) NOT NULL,
  is_durable        BOOL         NOT NULL,
  is_nonconcurrent  BOOL         NOT NULL,
  is_update_data    BOOL         NOT NULL,
  requests_recovery BOOL         NOT NULL,
  job_data          BYTEA        NULL,
  PRIMARY KEY (sched_name, job_name, job_group)
);

CREATE TABLE jiraq_qrtz_triggers
(
  sched_name     VARCHAR(120) NOT NULL,
  trigger_name   VARCHAR(200) NOT NULL,
  trigger_group  VARCHAR(200) NOT NULL,
  job_name       VARCHAR(200) NOT NULL,
  job_group      VARCHAR(200) NOT NULL,
  description    VARCHAR(250) NULL,
  next_fire_time BIGINT       NULL,
  prev_fire_time BIGINT       NULL,
  priority       INTEGER      NULL,
  trigger_state  VARCHAR(16)  NOT NULL,
  trigger_type   VARCHAR(8)   NOT NULL,
  start_time     BIGINT       NOT NULL,
  end_time       BIGINT       NULL,
  calendar_name  VARCHAR(200) NULL,
  misfire_instr  SMALLINT     NULL,
  job_data       BYTEA        NULL,
  PRIMARY KEY (sched_name, trigger_name, trigger_group),
  FOREIGN KEY (sched_name, job_name, job_group)
  REFERENCES jiraq_qrtz_job_details (sched_name, job_name, job_group)
);

CREATE TABLE jiraq_qrtz_simple_triggers
(
  sched_name      VARCHAR(120) NOT NULL,
  trigger_name    VARCHAR(200) NOT NULL,
  trigger_group   VARCHAR(200) NOT NULL,
  repeat_count    BIGINT       NOT NULL,
  repeat_interval BIGINT       NOT NULL,
  times_triggered BIGINT       NOT NULL,
  PRIMARY KEY (sched_name, trigger_name, trigger_group),
  FOREIGN KEY (sched_name, trigger_name, trigger_group)
  REFERENCES jiraq_qrtz_triggers (sched_name, trigger_name, trigger_group)
);

CREATE TABLE jiraq_qrtz_cron_triggers
(
  sched_name      VARCHAR(120) NOT NULL,
  trigger_name    VARCHAR(200) NOT NULL,
  trigger_group   VARCHAR(200) NOT NULL,
  cron_expression VARCHAR(120) NOT NULL,
  time_zone_id    VARCHAR(80),
  PRIMARY KEY (sched_name, trigger_name, trigger_group),
  FOREIGN KEY (sched_name, trigger_name, trigger_group)
  REFERENCES jiraq_qrtz_triggers (sched_name, trigger_name, trigger_group)
);

CREATE TABLE jiraq_qrtz_simprop_triggers
(
  sched_name    VARCHAR(120)   NOT NULL,
  trigger_name  VARCHAR(200)   NOT NULL,
  trigger_group VARCHAR(200)   NOT NULL,
  str_prop_1    VARCHAR(512)   NULL,
  str_prop_2    VARCHAR(512)   NULL,
  str_prop_3    VARCHAR(512)   NULL,
  int_prop_1    INT            NULL,
  int_prop_2    INT            NULL,
  long_prop_1   BIGINT         NULL,
  long_prop_2   BIGINT         NULL,
  dec_prop_1    NUMERIC(13, 4) NULL,
  dec_prop_2    NUMERIC(13, 4) NULL,
  bool_prop_1   BOOL           NULL,
  bool_prop_2   BOOL           NULL,
  PRIMARY KEY (sched_name, trigger_name, trigger_group),
  FOREIGN KEY (sched_name, trigger_name, trigger_group)
  REFERENCES jiraq_qrtz_triggers (sched_name, trigger_name, trigger_group)
);

CREATE TABLE jiraq_qrtz_blob_triggers
(
  sched_name    VARCHAR(120) NOT NULL,
  trigger_name  VARCHAR(200) NOT NULL,
  trigger_group VARCHAR(200) NOT NULL,
  blob_data     BYTEA        NULL,
  PRIMARY KEY (sched_name, trigger_name, trigger_group),
  FOREIGN KEY (sched_name, trigger_name, trigger_group)
  REFERENCES jiraq_qrtz_triggers (sched_name, trigger_name, trigger_group)
);

CREATE TABLE jiraq_qrtz_calendars
(
  sched_name    VARCHAR(120) NOT NULL,
  calendar_name VARCHAR(200) NOT NULL,
  calendar      BYTEA        NOT NULL,
  PRIMARY KEY (sched_name, calendar_name)
);


CREATE TABLE jiraq_qrtz_paused_trigger_grps
(
  sched_name    VARCHAR(120) NOT NULL,
  trigger_group VARCHAR(200) NOT NULL,
  PRIMARY KEY (sched_name, trigger_group)
);

CREATE TABLE jiraq_qrtz_fired_triggers
(
  sched_name        VARCHAR(120) NOT NULL,
  entry_id          VARCHAR(95)  NOT NULL,
  trigger_name      VARCHAR(200) NOT NULL,
  trigger_group     VARCHAR(200) NOT NULL,
  instance_name     VARCHAR(200) NOT NULL,
  fired_time        BIGINT       NOT NULL,
  sched_time        BIGINT       NOT NULL,
  priority          INTEGER      NOT NULL,
  state             VARCHAR(16)  NOT NULL,
  job_name          VARCHAR(200) NULL,
  job_group         VARCHAR(200) NULL,
  is_nonconcurrent  BOOL         NULL,
  requests_recovery BOOL         NULL,
  PRIMARY KEY (sched_name, entry_id)
);

CREATE TABLE jiraq_qrtz_scheduler_state
(
  sched_name        VARCHAR(120) NOT NULL,
  instance_name     VARCHAR(200) NOT NULL,
  last_checkin_time BIGINT       NOT NULL,
  checkin_interval  BIGINT       NOT NULL,
  PRIMARY KEY (sched_name, instance_name)
);

CREATE TABLE jiraq_qrtz_locks
(
  sched_name VARCHAR(120) NOT NULL,
  lock_name  VARCHAR(40)  NOT NULL,
  PRIMARY KEY (sched_name, lock_name)
);

CREATE INDEX jiraq_qrtz_idx_j_req_recovery
  ON jiraq_qrtz_job_details (sched_name, requests_recovery);
CREATE INDEX jiraq_qrtz_idx_j_grp
  ON jiraq_qrtz_job_details (sched_name, job_group);

CREATE INDEX jiraq_qrtz_idx_t_j
  ON jiraq_qrtz_triggers (sched_name, job_name, job_group);
CREATE INDEX jiraq_qrtz_idx_t_jg
  ON jiraq_qrtz_triggers (sched_name, job_group);
CREATE INDEX jiraq_qrtz_idx_t_c
  ON jiraq_qrtz_triggers (sched_name, calendar_name);
CREATE INDEX jiraq_qrtz_idx_t_g
  ON jiraq_qrtz_triggers (sched_name, trigger_group);
CREATE INDEX jiraq_qrtz_idx_t_state
  ON jiraq_qrtz_triggers (sched_name, trigger_state);
CREATE INDEX jiraq_qrtz_idx_t_n_state
  ON jiraq_qrtz_triggers (sched_name, trigger_name, trigger_group, trigger_state);
CREATE INDEX jiraq_qrtz_idx_t_n_g_state
  ON jiraq_qrtz_triggers (sched_name, trigger_group, trigger_state);
CREATE INDEX jiraq_qrtz_idx_t_next_fire_time
  ON jiraq_qrtz_triggers (sched_name, next_fire_time);
CREATE INDEX jiraq_qrtz_idx_t_nft_st
  ON jiraq_qrtz_triggers (sched_name, trigger_state, next_fire_time);
CREATE INDEX jiraq_qrtz_idx_t_nft_misfire
  ON jiraq_qrtz_triggers (sched_name, misfire_instr, next_fire_time);
CREATE INDEX jiraq_qrtz_idx_t_nft_st_misfire
  ON jiraq_qrtz_triggers (sched_name, misfire_instr, next_fire_time, trigger_state);
CREATE INDEX jiraq_qrtz_idx_t_nft_st_misfire_grp
  ON jiraq_qrtz_triggers (sched_name, misfire_instr, next_fire_time, trigger_group, trigger_state);

CREATE INDEX jiraq_qrtz_idx_ft_trig_inst_name
  ON jiraq_qrtz_fired_triggers (sched_name, instance_name);
CREATE INDEX jiraq_qrtz_idx_ft_inst_job_req_rcvry
  ON jiraq_qrtz_fired_triggers (sched_name, instance_name, requests_recovery);
CREATE INDEX jiraq_qrtz_idx_ft_j_g
  ON jiraq_qrtz_fired_triggers (sched_name, job_name, job_group);
CREATE INDEX jiraq_qrtz_idx_ft_jg
  ON jiraq_qrtz_fired_triggers (sched_name, job_group);
CREATE INDEX jiraq_qrtz_idx_ft_t_g
  ON jiraq_qrtz_fired_triggers (sched_name, trigger_name, trigger_group);
CREATE INDEX jiraq_qrtz_idx_ft_tg
  ON jiraq_qrtz_fired_triggers (sched_name, trigger_group);
