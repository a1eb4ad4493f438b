package org.jiraq.camel.store;

import java.nio.file.Path;
import java.util.Base64;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jiraq.camel.JiraqAuthStrategy;
import org.jiraq.camel.JiraqComponent;
import org.jiraq.camel.JiraqConfiguration;
import org.jiraq.camel.JiraqEndpoint;
import org.jiraq.camel.spi.OAuth2Grant;
import org.jiraq.camel.spi.TokenStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the component's store options decide where tokens go and what seals them. */
class JiraqStoreOptionsTest {

    @TempDir
    Path dir;
    final CamelContext context = new DefaultCamelContext();
    final JiraqComponent jiraq = new JiraqComponent();

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void aStoreWithoutAKeyRefusesToKeepTokensAndSaysWhatToSet() {
        jiraq.setStoreDataSource(database("nokey"));
        start();

        assertThatThrownBy(() -> jiraq.tokenStoreFor(jiraq.getConfiguration()))
                .hasMessageContaining("Option 'tokenStoreKey' is required")
                .hasMessageContaining("tokenStoreThrowaway=true");
    }

    @Test
    void anOAuth2EndpointOnSuchAStoreFailsWhenItStarts() {
        jiraq.setStoreDataSource(database("nokey2"));
        JiraqConfiguration config = jiraq.getConfiguration();
        config.setBaseUrl("https://acme.atlassian.net");
        config.setAuthStrategy(JiraqAuthStrategy.oauth2);
        config.setClientId("app");
        config.setClientSecret("secret");
        start();

        assertThatThrownBy(() -> context.getEndpoint("jiraq:getIssue").start())
                .hasMessageContaining("Option 'tokenStoreKey' is required");
    }

    @Test
    void aThrowawayStoreKeepsTokensSealedUnderAKeyThatDiesWithTheJvm() throws Exception {
        jiraq.setStoreUrl("jdbc:h2:mem:throwaway;MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
        jiraq.setTokenStoreThrowaway(true);
        start();

        TokenStore store = jiraq.tokenStoreFor(jiraq.getConfiguration());
        store.save("alice", OAuth2Grant.seed("refresh"));

        assertThat(store).isInstanceOf(JdbcTokenStore.class);
        assertThat(store.load("alice").orElseThrow().refreshToken()).isEqualTo("refresh");
    }

    @Test
    void aConfiguredKeySealsTokensWhateverTheDatabase() throws Exception {
        jiraq.setStoreUrl("jdbc:h2:mem:keyed;MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
        jiraq.setTokenStoreKey(Base64.getEncoder().encodeToString(new byte[32]));
        start();

        jiraq.tokenStoreFor(jiraq.getConfiguration()).save("alice", OAuth2Grant.seed("refresh"));

        assertThat(jiraq.tokenStoreFor(jiraq.getConfiguration()).load("alice")).isPresent();
    }

    @Test
    void anH2FileStoreGeneratesItsKeyBesideTheDatabase() throws Exception {
        jiraq.setStoreUrl("jdbc:h2:file:" + dir.resolve("jiraq"));
        start();

        jiraq.tokenStoreFor(jiraq.getConfiguration()).save("alice", OAuth2Grant.seed("refresh"));

        assertThat(dir.resolve("jiraq.key")).exists();
        assertThat(dir.resolve("jiraq.mv.db")).exists();
    }

    @Test
    void aRestartedComponentReopensTheStoreItsTokenStoresUse() throws Exception {
        jiraq.setStoreUrl("jdbc:h2:file:" + dir.resolve("jiraq"));
        start();
        TokenStore store = jiraq.tokenStoreFor(jiraq.getConfiguration());
        store.save("alice", OAuth2Grant.seed("refresh"));

        jiraq.stop();
        jiraq.start();

        assertThat(store.load("alice").orElseThrow().refreshToken()).isEqualTo("refresh");
    }

    @Test
    void anEndpointsOwnTokenStoreBeanWinsAndTheDatabaseIsNeverOpened() {
        InMemoryTokenStore own = new InMemoryTokenStore();
        context.getRegistry().bind("myTokens", own);
        start();

        JiraqEndpoint endpoint = context.getEndpoint("jiraq:getIssue?baseUrl=https://acme.atlassian.net"
                                                     + "&authStrategy=oauth2&clientId=app&clientSecret=s"
                                                     + "&tokenStore=#myTokens",
                JiraqEndpoint.class);

        assertThat(jiraq.tokenStoreFor(endpoint.getConfiguration())).isSameAs(own);
        assertThat(dir).isEmptyDirectory();
    }

    /** A database the application pools, like a PostgreSQL one: no key file beside it, and it outlives the store. */
    private static DataSource database(String name) {
        return JdbcConnectionPool.create("jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1", "", "");
    }

    private void start() {
        context.addComponent("jiraq", jiraq);
        context.start();
    }
}
