package org.jiraq.camel.store;

import java.time.Instant;

/**
 * Child program of {@link StoreDurabilityTest}: records accounts (or, with {@code inbox}, webhook inbox rows) in the
 * store of an H2 file, one commit each, and prints each one's id once its commit returned, until it is killed.
 */
public final class StoreWriterMain {

    private StoreWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        JiraqStore store = JiraqStore.url(args[0], null, null);
        store.start();
        if (args.length > 1 && args[1].equals("inbox")) {
            for (int i = 0; ; i++) {
                System.out.println("COMMITTED event-" + i + " id " + StoreDurabilityTest.storeInboxRow(store, "event-" + i));
            }
        }
        JdbcGdprStore accounts = new JdbcGdprStore(store);
        for (int i = 0; ; i++) {
            accounts.record("account-" + i, Instant.now());
            System.out.println("COMMITTED account-" + i);
        }
    }
}
