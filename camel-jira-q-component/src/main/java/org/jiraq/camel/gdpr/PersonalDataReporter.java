package org.jiraq.camel.gdpr;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jiraq.camel.client.JiraqClient;
import org.jiraq.camel.client.JiraqRequest;
import org.jiraq.camel.client.JiraqResponse;
import org.jiraq.camel.client.Json;
import org.jiraq.camel.spi.AccountAction;
import org.jiraq.camel.spi.AccountStatus;
import org.jiraq.camel.spi.RegisteredAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call to Atlassian's personal data reporting API, {@code POST {apiGatewayUrl}/app/report-accounts/}, through the
 * endpoint's client: its credentials, its retries (429 waits for Retry-After). The call changes nothing at Atlassian,
 * so it is repeated after faults like a read.
 */
public final class PersonalDataReporter {

    /** The most accounts Atlassian takes in one call. */
    public static final int MAX_ACCOUNTS = 90;
    static final String PATH = "/app/report-accounts/";

    private static final Logger LOG = LoggerFactory.getLogger(PersonalDataReporter.class);

    /** What Atlassian answered: the accounts needing action (none on 204) and the Cycle-Period it sent, or null. */
    public record Answer(List<AccountAction> actions, Duration cyclePeriod) {
    }

    private final JiraqClient gateway;

    /**
     * @throws IllegalArgumentException when the endpoint's credentials would not be sent to the gateway, so every
     *                                  call would be refused
     */
    public PersonalDataReporter(JiraqClient client, String apiGatewayUrl) {
        URI gatewayUrl = URI.create(apiGatewayUrl.trim());
        if (!client.sendsCredentialsTo(gatewayUrl)) {
            throw new IllegalArgumentException(
                    "Option 'apiGatewayUrl' is " + gatewayUrl + ", a host the configured authStrategy sends no credentials"
                                               + " to: the personal data reporting API takes the app's OAuth 2.0"
                                               + " credentials (authStrategy=oauth2)");
        }
        this.gateway = client.atRoot(gatewayUrl);
    }

    /** Reports 1 to {@value #MAX_ACCOUNTS} accounts. */
    public Answer report(List<RegisteredAccount> accounts) throws IOException {
        if (accounts.isEmpty() || accounts.size() > MAX_ACCOUNTS) {
            throw new IllegalArgumentException(
                    "A personal data report takes 1 to " + MAX_ACCOUNTS + " accounts, not " + accounts.size());
        }
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("accounts");
        accounts.forEach(account -> list.addObject()
                .put("accountId", account.accountId())
                .put("updatedAt", account.updatedAt().toString()));
        JiraqResponse response = gateway.execute(JiraqRequest.post(PATH).json(body).retrySafe(true).build());
        return new Answer(actions(response.json()), CyclePeriod.parse(response.header("Cycle-Period")));
    }

    private static List<AccountAction> actions(JsonNode body) {
        List<AccountAction> actions = new ArrayList<>();
        for (JsonNode account : body.path("accounts")) {
            String accountId = account.path("accountId").asText(null);
            String status = account.path("status").asText("");
            if (accountId == null) {
                LOG.warn("Atlassian reported an account without accountId (status '{}'); it is ignored", status);
                continue;
            }
            switch (status) {
                case "closed" -> actions.add(new AccountAction(accountId, AccountStatus.closed));
                case "updated" -> actions.add(new AccountAction(accountId, AccountStatus.updated));
                default -> LOG.warn("Atlassian reported account {} with status '{}', which this version does not know;"
                                    + " it is left as it is", accountId, status);
            }
        }
        return actions;
    }
}
