package org.jiraq.camel.springboot;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.flywaydb.core.Flyway;
import org.jiraq.camel.JiraqComponent;
import org.jiraq.camel.JiraqConstants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with its own DataSource and its own Flyway migrations (db/migration) beside the jiraq component, whose
 * store keeps its state in its own database with its own migrations (db/jiraq): each stays its owner's. Spring Boot's
 * Flyway migrates only the application's schema on the application's DataSource; the component neither uses that
 * DataSource nor runs the application's migrations, and its tables never appear there.
 */
@SpringBootTest(classes = ApplicationDatabaseTest.Application.class)
class ApplicationDatabaseTest extends SimulatedJira {

    @SpringBootApplication
    static class Application {

        @Bean
        DataSource applicationDataSource() {
            return DataSourceBuilder.create().url("jdbc:h2:mem:application;DB_CLOSE_DELAY=-1").username("app").build();
        }

        @Bean
        RouteBuilder createOnce() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:create").to("jiraq:createIssue");
                }
            };
        }
    }

    @Autowired
    DataSource applicationDataSource;
    @Autowired
    Flyway applicationFlyway;
    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;

    @Test
    void theApplicationAndTheComponentEachKeepTheirOwnDatabaseAndMigrations() throws Exception {
        // a retry-safe create keeps its idempotency key in the component's store
        Exchange done = producer.request("direct:create", exchange -> {
            exchange.getMessage().setHeader(JiraqConstants.PROJECT_KEY, "DEMO");
            exchange.getMessage().setHeader(JiraqConstants.ISSUE_TYPE_NAME, "Task");
            exchange.getMessage().setHeader(JiraqConstants.SUMMARY, "Stored once");
            exchange.getMessage().setHeader(JiraqConstants.IDEMPOTENCY_KEY, "order-42");
        });
        assertThat(done.getException()).isNull();
        new JdbcTemplate(applicationDataSource).update("insert into app_order values (42, ?)",
                done.getMessage().getHeader(JiraqConstants.ISSUE_KEY, String.class));
        DataSource storeDataSource = camel.getComponent("jiraq", JiraqComponent.class).getStore().getDataSource();

        assertThat(storeDataSource).isNotSameAs(applicationDataSource);
        assertThat(applicationFlyway.getConfiguration().getDataSource()).isSameAs(applicationDataSource);
        assertThat(applicationFlyway.getConfiguration().getLocations()).extracting(Object::toString)
                .containsExactly("classpath:db/migration");
        assertThat(tables(applicationDataSource)).containsExactlyInAnyOrder("APP_ORDER", "flyway_schema_history");
        assertThat(new JdbcTemplate(applicationDataSource).queryForList(
                "select \"script\" from \"flyway_schema_history\" where \"type\" = 'SQL'", String.class))
                .containsExactly("V1__app_orders.sql");

        assertThat(tables(storeDataSource)).isNotEmpty().noneMatch(t -> t.equalsIgnoreCase("APP_ORDER"))
                .noneMatch(t -> t.equals("flyway_schema_history"))
                .anyMatch(t -> t.toUpperCase().startsWith("JIRAQ_"));
        assertThat(tables(applicationDataSource)).noneMatch(t -> t.toUpperCase().startsWith("JIRAQ"));
        assertThat(new JdbcTemplate(applicationDataSource).queryForObject("select jira_key from app_order", String.class))
                .startsWith("DEMO-");
    }

    private static List<String> tables(DataSource dataSource) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             ResultSet rs = connection.getMetaData().getTables(null, null, "%", new String[] { "TABLE" })) {
            while (rs.next()) {
                if (!"INFORMATION_SCHEMA".equalsIgnoreCase(rs.getString("TABLE_SCHEM"))) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
        }
        return tables;
    }
}
