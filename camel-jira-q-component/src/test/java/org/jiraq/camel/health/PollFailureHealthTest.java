package org.jiraq.camel.health;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import org.apache.camel.Processor;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.ScheduledPollConsumerHealthCheck;
import org.jiraq.camel.JiraqEndpoint;
import org.jiraq.camel.JiraqTestSupport;
import org.jiraq.camel.client.JiraqRequest;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A polling consumer built on Camel's ScheduledPollConsumer that lets the client's JiraqHttpException out of poll()
 * gets Camel's consumer health check for free: DOWN with Jira's status after a failed poll, UP after a good one.
 */
class PollFailureHealthTest extends JiraqTestSupport {

    @Test
    void aPollJiraRejectsTurnsTheConsumerCheckDownWithTheStatusAndAGoodPollTurnsItUp() throws Exception {
        MyselfPoller poller = new MyselfPoller(context.getEndpoint("jiraq:getIssue", JiraqEndpoint.class));
        poller.setStartScheduler(false);
        poller.start();
        ScheduledPollConsumerHealthCheck check = new ScheduledPollConsumerHealthCheck(poller, "consumer:poller");
        try {
            StubMapping reject = sim.wireMock().stubFor(get(urlPathEqualTo("/rest/api/3/myself")).atPriority(1)
                    .willReturn(aResponse().withStatus(401)));
            poller.run();
            HealthCheck.Result down = check.callReadiness();
            assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(down.getDetails()).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 401);

            sim.wireMock().removeStub(reject);
            poller.run();
            assertThat(check.callReadiness().getState()).isEqualTo(HealthCheck.State.UP);
        } finally {
            poller.stop();
        }
    }

    /** The smallest polling consumer: one authenticated call per poll. */
    private static final class MyselfPoller extends ScheduledPollConsumer {
        private final JiraqEndpoint endpoint;

        MyselfPoller(JiraqEndpoint endpoint) {
            super(endpoint, (Processor) exchange -> {
            });
            this.endpoint = endpoint;
        }

        @Override
        protected int poll() throws Exception {
            endpoint.getClient().execute(JiraqRequest.get(endpoint.apiPath() + "/myself").build());
            return 0;
        }
    }
}
