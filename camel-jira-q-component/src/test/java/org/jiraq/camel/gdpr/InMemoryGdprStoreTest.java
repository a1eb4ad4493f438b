package org.jiraq.camel.gdpr;

class InMemoryGdprStoreTest extends GdprStoreContract {

    @Override
    protected GdprStore createStore() {
        return new InMemoryGdprStore();
    }
}
