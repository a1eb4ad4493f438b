package org.jiraq.camel.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/**
 * A JVM that exits while its store is busy, without stopping it, as an application killed with Ctrl+C or a test
 * fork ending with a context still running: args[0] is the store's directory.
 */
public final class StoreInUseAtExitMain {

    private StoreInUseAtExitMain() {
    }

    public static void main(String[] args) throws Exception {
        JiraqStore store = JiraqStore.embedded(Path.of(args[0]).resolve("jiraq"));
        store.start();
        Thread worker = new Thread(() -> {
            while (true) {
                try (Connection c = store.getDataSource().getConnection(); Statement s = c.createStatement()) {
                    s.execute("SELECT COUNT(*) FROM jiraq_oauth_grant");
                } catch (Exception e) {
                    // the store may be closing under it, which is what the test is about
                }
            }
        });
        worker.setDaemon(true);
        worker.start();
        Thread.sleep(500);
        System.exit(0);
    }
}
