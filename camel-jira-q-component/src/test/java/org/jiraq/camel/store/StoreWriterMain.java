package org.jiraq.camel.store;

import java.time.Instant;

/**
 * Child program of {@link StoreDurabilityTest}: records accounts in the store of an H2 file, one commit each, and
 * prints each one's id once its commit returned, until it is killed.
 */
public final class StoreWriterMain {

    private StoreWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        JiraqStore store = JiraqStore.url(args[0], null, null);
        store.start();
        JdbcGdprStore accounts = new JdbcGdprStore(store);
        for (int i = 0; ; i++) {
            accounts.record("account-" + i, Instant.now());
            System.out.println("COMMITTED account-" + i);
        }
    }
}
