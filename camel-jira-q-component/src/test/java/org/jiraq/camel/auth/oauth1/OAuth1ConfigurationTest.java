package org.jiraq.camel.auth.oauth1;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.jiraq.camel.JiraqComponent;
import org.jiraq.camel.JiraqEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** authStrategy=oauth1 options: what is missing or wrong is named when the endpoint is created. */
class OAuth1ConfigurationTest {

    private static final KeyPair KEYS = TestKeys.rsa();

    @TempDir
    Path dir;
    private CamelContext context;
    private Path keyFile;

    @BeforeEach
    void start() throws Exception {
        keyFile = Files.writeString(dir.resolve("consumer.pem"), TestKeys.pkcs1Pem(KEYS.getPrivate()));
        context = new DefaultCamelContext();
        context.start();
        context.getComponent("jiraq", JiraqComponent.class).getConfiguration().setBaseUrl("https://jira.acme.internal/jira");
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    private JiraqEndpoint endpoint(String options) {
        return context.getEndpoint("jiraq:getIssue?authStrategy=oauth1&" + options, JiraqEndpoint.class);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    @Test
    void aCompleteConfigurationWithAKeyFileCreatesTheEndpoint() {
        JiraqEndpoint ep = endpoint("consumerKey=jiraq&privateKeyFile=" + keyFile + "&accessToken=RAW(tok-secret-1)");

        assertThat(ep.getServiceMetadata()).containsEntry("authStrategy", "oauth1");
        assertThat(ep.toString()).doesNotContain("tok-secret-1");
    }

    @Test
    void theKeyCanBeGivenAsPemTextOnTheComponent() {
        context.getComponent("jiraq", JiraqComponent.class).getConfiguration()
                .setPrivateKey(TestKeys.pkcs8Pem(KEYS.getPrivate()));

        assertThat(endpoint("consumerKey=jiraq&accessToken=t").getConfiguration().getPrivateKey())
                .startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void aMissingConsumerKeyIsNamed() {
        assertThatThrownBy(() -> endpoint("privateKeyFile=" + keyFile + "&accessToken=t"))
                .satisfies(e -> assertThat(rootMessage(e)).isEqualTo(
                        "Option 'consumerKey' is required with authStrategy=oauth1 (the consumer key of the Jira"
                                                                     + " application link)"));
    }

    @Test
    void aMissingAccessTokenIsNamed() {
        assertThatThrownBy(() -> endpoint("consumerKey=jiraq&privateKeyFile=" + keyFile))
                .satisfies(e -> assertThat(rootMessage(e)).startsWith(
                        "Option 'accessToken' is required with authStrategy=oauth1"));
    }

    @Test
    void exactlyOneKeyOptionIsAccepted() {
        context.getComponent("jiraq", JiraqComponent.class).getConfiguration()
                .setPrivateKey(TestKeys.pkcs8Pem(KEYS.getPrivate()));

        assertThatThrownBy(() -> endpoint("consumerKey=jiraq&accessToken=t&privateKeyFile=" + keyFile))
                .satisfies(e -> assertThat(rootMessage(e)).contains("exactly one of the options 'privateKey'")
                        .contains("'privateKeyFile'").endsWith("both are set"));
        context.getComponent("jiraq", JiraqComponent.class).getConfiguration().setPrivateKey(null);
        assertThatThrownBy(() -> endpoint("consumerKey=jiraq&accessToken=t"))
                .satisfies(e -> assertThat(rootMessage(e)).endsWith("neither is set"));
    }

    @Test
    void anUnreadableKeyIsNamedButNotPrinted() {
        String pem = TestKeys.pkcs8Pem(KEYS.getPrivate());
        String broken = pem.replace("MII", "M*I");
        context.getComponent("jiraq", JiraqComponent.class).getConfiguration().setPrivateKey(broken);

        assertThatThrownBy(() -> endpoint("consumerKey=jiraq&accessToken=t"))
                .satisfies(e -> {
                    assertThat(rootMessage(e)).startsWith("Option 'privateKey' does not hold a readable private key");
                    assertThat(stackTrace(e)).doesNotContain(TestKeys.pemBody(broken).substring(8, 48));
                });
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
