package org.jiraq.camel.store;

import org.jiraq.camel.spi.TokenStore;

class InMemoryTokenStoreTest extends TokenStoreContract {

    private final InMemoryTokenStore store = new InMemoryTokenStore();

    @Override
    protected TokenStore store() {
        return store;
    }
}
