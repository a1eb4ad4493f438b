package org.jiraq.camel.operation;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqEndpoint;
import org.jiraq.camel.client.Json;
import org.jiraq.camel.gdpr.PersonalDataReporter;
import org.jiraq.camel.spi.AccountRegistry;
import org.jiraq.camel.spi.RegisteredAccount;

/**
 * reportAccounts: one call to the personal data reporting API. The body lists up to 90 accounts: account ids (their
 * updatedAt then comes from the account registry) or maps with accountId and updatedAt (an Instant, a date-time or
 * an RFC 3339 string), as a Java list or JSON. The result is the list of accounts needing action, each a map with
 * accountId and status (closed or updated), empty when Jira answers 204; header CamelJiraqCyclePeriod carries
 * Atlassian's Cycle-Period when it sends one. The unknown account is left out, and an empty list makes no call. The
 * call uses the app's OAuth 2.0 grant named by CamelJiraqCredentialId, else the endpoint's credentialId.
 */
public final class ReportAccountsOperation {

    private final JiraqEndpoint endpoint;

    public ReportAccountsOperation(JiraqEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    public void report(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        List<RegisteredAccount> accounts = accounts(message.getBody());
        List<Map<String, Object>> result = new ArrayList<>();
        if (!accounts.isEmpty()) {
            PersonalDataReporter reporter = new PersonalDataReporter(endpoint.getClient(exchange),
                    endpoint.getConfiguration().getApiGatewayUrl());
            PersonalDataReporter.Answer answer = reporter.report(accounts);
            answer.actions().forEach(action -> {
                Map<String, Object> account = new LinkedHashMap<>();
                account.put("accountId", action.accountId());
                account.put("status", action.status().name());
                result.add(account);
            });
            message.setHeader(JiraqConstants.CYCLE_PERIOD, answer.cyclePeriod());
        }
        message.setHeader(JiraqConstants.RESULT_COUNT, result.size());
        message.setBody(result);
    }

    private List<RegisteredAccount> accounts(Object body) throws IOException {
        Object value = body instanceof String || body instanceof JsonNode || body instanceof byte[]
                ? Json.toJava(Json.toNode(body)) : body;
        if (!(value instanceof Collection<?> items)) {
            throw new IllegalArgumentException("reportAccounts needs a list of account ids or of {accountId, updatedAt}"
                                               + " maps as the body, not "
                                               + (value == null ? "an empty body" : value.getClass().getName()));
        }
        List<RegisteredAccount> accounts = new ArrayList<>(items.size());
        for (Object item : items) {
            RegisteredAccount account = account(item);
            if (AccountRegistry.isRecordable(account.accountId())) {
                accounts.add(account);
            }
        }
        if (accounts.size() > PersonalDataReporter.MAX_ACCOUNTS) {
            throw new IllegalArgumentException("reportAccounts takes at most " + PersonalDataReporter.MAX_ACCOUNTS
                                               + " accounts a call, the body lists " + accounts.size()
                                               + "; split the list, or let jiraq:gdpr report the whole registry");
        }
        return accounts;
    }

    private RegisteredAccount account(Object item) throws IOException {
        if (item instanceof RegisteredAccount account) {
            return account;
        }
        if (item instanceof String accountId) {
            Instant updatedAt = AccountRegistry.isRecordable(accountId)
                    ? endpoint.getComponent().getAccountRegistry().updatedAt(accountId).orElseThrow(
                            () -> new IllegalArgumentException("reportAccounts: account " + accountId + " is not in the"
                                                               + " account registry, so its updatedAt is unknown; send"
                                                               + " {accountId, updatedAt} maps instead"))
                    : null;
            return new RegisteredAccount(accountId, updatedAt);
        }
        if (item instanceof Map<?, ?> map && map.get("accountId") instanceof String accountId) {
            return new RegisteredAccount(accountId, instant(map.get("updatedAt"), accountId));
        }
        throw new IllegalArgumentException("reportAccounts: every item of the body must be an account id or a map with"
                                           + " accountId and updatedAt, not " + item);
    }

    private static Instant instant(Object value, String accountId) {
        try {
            if (value instanceof Instant instant) {
                return instant;
            }
            if (value instanceof OffsetDateTime time) {
                return time.toInstant();
            }
            if (value instanceof ZonedDateTime time) {
                return time.toInstant();
            }
            if (value instanceof Date date) {
                return date.toInstant();
            }
            if (value instanceof String text) {
                return OffsetDateTime.parse(text.trim()).toInstant();
            }
        } catch (DateTimeParseException e) {
            // reported below with the account it belongs to
        }
        throw new IllegalArgumentException("reportAccounts: the updatedAt of account " + accountId + " must be an"
                                           + " RFC 3339 date-time such as 2018-10-25T23:08:51.382Z, not " + value);
    }
}
