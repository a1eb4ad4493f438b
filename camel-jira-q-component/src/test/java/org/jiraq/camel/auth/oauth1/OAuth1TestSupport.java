package org.jiraq.camel.auth.oauth1;

import java.security.KeyPair;

import org.apache.camel.Exchange;
import org.jiraq.camel.JiraqAuthStrategy;
import org.jiraq.camel.JiraqConfiguration;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqTestSupport;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.auth.OAuth1Provider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Data Center simulator whose application link holds the consumer's public key and has granted an access token to
 * the default user, and the component set to sign with the consumer's private key (PKCS#1 PEM text).
 */
public abstract class OAuth1TestSupport extends JiraqTestSupport {

    protected static final String CONSUMER = "jiraq-consumer";
    protected static final String ACCESS_TOKEN = "oauth1-access-token-7b1e2f";
    protected static final KeyPair CONSUMER_KEYS = TestKeys.rsa();

    @Override
    protected JiraSimulator.Flavour flavour() {
        return JiraSimulator.Flavour.DATA_CENTER;
    }

    @Override
    protected JiraSimulator.Builder simulator() {
        return super.simulator().feature(new OAuth1Provider()
                .consumer(CONSUMER, CONSUMER_KEYS.getPublic())
                .accessToken(ACCESS_TOKEN, CONSUMER, JiraSimulator.DEFAULT_USER));
    }

    @Override
    protected void configure(JiraqConfiguration config) {
        super.configure(config);
        config.setPersonalAccessToken(null);
        config.setAuthStrategy(JiraqAuthStrategy.oauth1);
        config.setConsumerKey(CONSUMER);
        config.setPrivateKey(TestKeys.pkcs1Pem(CONSUMER_KEYS.getPrivate()));
        config.setAccessToken(ACCESS_TOKEN);
    }

    /** Creates an issue through the given createIssue endpoint and returns its key. */
    protected String createIssue(String endpointUri, String summary) {
        Exchange created = template.request(endpointUri, e -> {
            e.getMessage().setHeader(JiraqConstants.PROJECT_KEY, "DEMO");
            e.getMessage().setHeader(JiraqConstants.ISSUE_TYPE_NAME, "Task");
            e.getMessage().setHeader(JiraqConstants.SUMMARY, summary);
        });
        assertThat(created.getException()).isNull();
        return created.getMessage().getHeader(JiraqConstants.ISSUE_KEY, String.class);
    }
}
