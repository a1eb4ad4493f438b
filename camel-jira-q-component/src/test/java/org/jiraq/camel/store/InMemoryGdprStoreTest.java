package org.jiraq.camel.store;

import org.jiraq.camel.spi.GdprStore;

class InMemoryGdprStoreTest extends GdprStoreContract {

    @Override
    protected GdprStore createStore() {
        return new InMemoryGdprStore();
    }
}
