package org.jiraq.camel.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every migration of the store runs on H2 (MODE=PostgreSQL) and on a real PostgreSQL, and only once. */
class StoreMigrationsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SharedDatabase.class)
    void everyMigrationRunsOnceOnBothDatabases(SharedDatabase database) throws Exception {
        String url = database.createDatabase(dir);
        JiraqStore first = JiraqStore.url(url, null, null);
        first.start();
        first.stop();
        JiraqStore store = JiraqStore.url(url, null, null);
        store.start();
        try {
            assertThat(store.isH2()).isEqualTo(database == SharedDatabase.H2);
            assertThat(query(store, "SELECT version FROM jiraq_schema_history WHERE success AND version IS NOT NULL"))
                    .containsExactlyInAnyOrderElementsOf(migrationVersions());
            assertThat(query(store, "SELECT COUNT(*) FROM jiraq_qrtz_locks")).containsExactly("0");
        } finally {
            store.stop();
        }
    }

    private static List<String> migrationVersions() throws URISyntaxException {
        Path scripts = Path.of(JiraqStore.class.getResource("/db/jiraq").toURI());
        try (Stream<Path> files = Files.list(scripts)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.+\\.sql"))
                    .map(name -> name.substring(1, name.indexOf("__")))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> query(JiraqStore store, String sql) throws IOException {
        return store.withConnection(c -> {
            List<String> values = new ArrayList<>();
            try (Statement statement = c.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        });
    }
}
