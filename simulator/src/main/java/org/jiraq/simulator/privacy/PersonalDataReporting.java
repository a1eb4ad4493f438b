package org.jiraq.simulator.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jiraq.simulator.SimulatorContext;
import org.jiraq.simulator.SimulatorFeature;
import org.jiraq.simulator.http.ApiException;
import org.jiraq.simulator.http.ApiRequest;
import org.jiraq.simulator.http.ApiResponse;
import org.jiraq.simulator.http.Json;

/**
 * Atlassian's personal data reporting API, {@code POST /app/report-accounts/} (trailing slash included), served at the
 * simulator's root as if it were the API gateway. It checks the request as Atlassian documents it (at most
 * {@value #LIMIT} accounts, each with an {@code accountId} and an RFC 3339 {@code updatedAt}; 400 otherwise), answers
 * 200 with only the accounts that need action or 204 when none do, sends {@code Cycle-Period}, can answer 429 on a
 * chosen call, and records every call for tests to count.
 * <p>
 * An account is {@code closed} once {@link #closed} names it, and {@code updated} when its profile changed after the
 * {@code updatedAt} the app reported. The path is not in Jira's OpenAPI documents, so it is exempt from contract
 * checks.
 *
 * <pre>{@code
 * PersonalDataReporting reporting = new PersonalDataReporting().closed("5be24ba3f91c106033269289");
 * JiraSimulator sim = JiraSimulator.builder().feature(reporting).start();
 * ... reporting.calls().size() ...
 * }</pre>
 */
public final class PersonalDataReporting implements SimulatorFeature {

    public static final String PATH = "/app/report-accounts/";
    public static final int LIMIT = 90;
    /** Seven days in seconds, Atlassian's default cycle. */
    public static final String DEFAULT_CYCLE_PERIOD = "604800";

    /**
     * One call as the simulator saw it: when (wall-clock time, to measure delays), what it answered, and the accounts
     * of an accepted report.
     */
    public record Call(Instant receivedAt, int status, List<String> accountIds) {
    }

    private final Set<String> closed = ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> profileChanges = new ConcurrentHashMap<>();
    private final Map<Integer, Duration> rateLimitedCalls = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile String cyclePeriod = DEFAULT_CYCLE_PERIOD;

    @Override
    public void register(SimulatorContext context) {
        context.route("POST", PATH, this::report).contractExempt();
    }

    /** These accounts are closed: every report that names them gets {@code closed} back. */
    public PersonalDataReporting closed(String... accountIds) {
        closed.addAll(List.of(accountIds));
        return this;
    }

    /** These accounts' profiles changed at {@code changedAt}: a report with an older updatedAt gets {@code updated}. */
    public PersonalDataReporting updated(Instant changedAt, String... accountIds) {
        for (String accountId : accountIds) {
            profileChanges.put(accountId, changedAt);
        }
        return this;
    }

    /** The Cycle-Period header to send (seconds, or ISO-8601 such as P7D); null sends none. */
    public PersonalDataReporting cyclePeriod(String headerValue) {
        this.cyclePeriod = headerValue;
        return this;
    }

    /** The {@code n}th call (1 for the first) answers 429 with {@code Retry-After} instead of reporting. */
    public PersonalDataReporting rateLimitCall(int n, Duration retryAfter) {
        rateLimitedCalls.put(n, retryAfter);
        return this;
    }

    /** Every call so far, oldest first, whatever it was answered. */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The account ids of every accepted report, in the order they arrived; an id reported twice appears twice. */
    public List<String> reportedAccountIds() {
        List<String> ids = new ArrayList<>();
        calls.forEach(call -> ids.addAll(call.accountIds()));
        return ids;
    }

    private ApiResponse report(ApiRequest request) {
        int number = calls.size() + 1;
        Duration retryAfter = rateLimitedCalls.get(number);
        if (retryAfter != null) {
            return record(ApiResponse.error(429, "Rate limit exceeded.")
                    .withHeader("Retry-After", String.valueOf(retryAfter.toSeconds())), List.of());
        }
        List<String> accountIds = new ArrayList<>();
        ArrayNode needingAction = Json.array();
        try {
            for (JsonNode account : accounts(request.json())) {
                String accountId = account.path("accountId").asText("");
                Instant updatedAt = updatedAt(account, accountId);
                accountIds.add(accountId);
                String status = status(accountId, updatedAt);
                if (status != null) {
                    needingAction.add(Json.object().put("accountId", accountId).put("status", status));
                }
            }
        } catch (ApiException e) {
            return record(e.response(), List.of());
        }
        ApiResponse response = needingAction.isEmpty() ? ApiResponse.noContent()
                : ApiResponse.ok(Json.object().set("accounts", needingAction));
        return record(cyclePeriod == null ? response : response.withHeader("Cycle-Period", cyclePeriod), accountIds);
    }

    private static JsonNode accounts(JsonNode body) {
        JsonNode accounts = body.path("accounts");
        if (!accounts.isArray() || accounts.isEmpty()) {
            throw ApiException.badRequest("The body must be {\"accounts\":[{\"accountId\":...,\"updatedAt\":...}]}"
                    + " with at least one account.");
        }
        if (accounts.size() > LIMIT) {
            throw ApiException.badRequest("At most " + LIMIT + " accounts can be reported in one request, not "
                    + accounts.size() + ".");
        }
        return accounts;
    }

    private static Instant updatedAt(JsonNode account, String accountId) {
        if (accountId.isBlank()) {
            throw ApiException.badRequest("Every account needs an accountId.");
        }
        try {
            return OffsetDateTime.parse(account.path("updatedAt").asText("")).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("The updatedAt of account " + accountId
                    + " must be an RFC 3339 date-time, such as 2018-10-25T23:08:51.382Z.");
        }
    }

    private String status(String accountId, Instant updatedAt) {
        if (closed.contains(accountId)) {
            return "closed";
        }
        Instant changed = profileChanges.get(accountId);
        return changed != null && changed.isAfter(updatedAt) ? "updated" : null;
    }

    private ApiResponse record(ApiResponse response, List<String> accountIds) {
        calls.add(new Call(Instant.now(), response.status(), List.copyOf(accountIds)));
        return response;
    }
}
