-- the application's own schema, migrated by Spring Boot's Flyway on the application's DataSource
create table app_order (id bigint primary key, jira_key varchar(32));
