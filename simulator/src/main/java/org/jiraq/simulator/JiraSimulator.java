package org.jiraq.simulator;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Notifier;
import com.github.tomakehurst.wiremock.common.Urls;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.standalone.MappingsSource;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stateful Jira Cloud or Data Center look-alike over real HTTP, for tests, benchmarks and demos. It runs on
 * WireMock: each endpoint is a stub whose answer is computed from {@link SimulatorState}, and every exchange is
 * checked against Atlassian's OpenAPI documents.
 *
 * <pre>{@code
 * try (JiraSimulator sim = JiraSimulator.builder().flavour(JiraSimulator.Flavour.CLOUD).start()) {
 *     String site = sim.baseUrl();   // REST under site + "/rest/api/3"
 *     ...
 *     sim.assertNoContractViolations();
 * }
 * }</pre>
 */
public final class JiraSimulator implements AutoCloseable {

    public static final String DEFAULT_USER = "alice@example.com";
    public static final String DEFAULT_API_TOKEN = "sim-api-token-0123456789";
    public static final String DEFAULT_PAT = "sim-pat-abcdef0123456789";

    private static final Logger LOG = LoggerFactory.getLogger(JiraSimulator.class);

    /** Which Jira is simulated. */
    public enum Flavour {
        /** Jira Cloud: REST API v3, ADF rich text, token-paged search, basic auth with API tokens. */
        CLOUD("/rest/api/3"),
        /** Jira Data Center / Server: REST API v2, wiki-markup strings, offset-paged search, PATs. */
        DATA_CENTER("/rest/api/2");

        private final String restRoot;

        Flavour(String restRoot) {
            this.restRoot = restRoot;
        }

        /** The platform REST root path, e.g. {@code /rest/api/3}. */
        public String restRoot() {
            return restRoot;
        }
    }

    private final Flavour flavour;
    private final WireMockServer wireMock;
    private final SimulatorState state;
    private final SimulatorClock clock;
    private final ContractValidator contract;
    private final SimulatorWebhooks webhooks;
    private final String baseUrl;

    private JiraSimulator(Builder builder) {
        this.flavour = builder.flavour;
        this.clock = builder.clock;
        this.state = new SimulatorState(clock);
        this.webhooks = new SimulatorWebhooks(state, clock);
        builder.adminWebhooks.forEach(webhooks::configureAdmin);
        webhooks.appSecret(builder.webhookAppSecret);
        this.contract = builder.checkContract ? new ContractValidator(flavour, builder.rejectViolations) : null;
        RequestDispatcher dispatcher = new RequestDispatcher(state);
        RequestRewriter rewriter = new RequestRewriter();
        List<Extension> extensions = new ArrayList<>(List.of(dispatcher, rewriter));
        if (contract != null) {
            extensions.add(new ContractListener(contract, event -> {
                Route route = dispatcher.routeOf(event);
                return route != null && route.isContractExempt();
            }));
        }
        WireMockConfiguration options = wireMockConfig()
                .bindAddress(builder.bindAddress)
                .extensions(extensions.toArray(Extension[]::new))
                .notifier(new LogNotifier())
                .mappingSource(new NoStubFiles())
                .gzipDisabled(true)
                .stubRequestLoggingDisabled(true);
        options = builder.port == 0 ? options.dynamicPort() : options.port(builder.port);
        if (builder.requestJournalLimit > 0) {
            options = options.maxRequestJournalEntries(builder.requestJournalLimit);
        }
        this.wireMock = new WireMockServer(options);
        wireMock.start();
        try {
            this.baseUrl = "http://localhost:" + wireMock.port();
            registerFeatures(builder, dispatcher, rewriter);
        } catch (RuntimeException e) {
            wireMock.stop();
            throw e;
        }
        LOG.info("Jira simulator ({}) serving {}", flavour, baseUrl);
    }

    private void registerFeatures(Builder builder, RequestDispatcher dispatcher, RequestRewriter rewriter) {
        AuthInterceptor auth = new AuthInterceptor(flavour, baseUrl, state);
        SimulatorContext context = new SimulatorContext(flavour, baseUrl, state, clock, wireMock, dispatcher, auth,
                rewriter);
        if (contract != null) {
            context.interceptor(Interceptor.ORDER_CONTRACT, contract);
        }
        context.interceptor(Interceptor.ORDER_AUTHENTICATION, auth);

        BasicAuth basic = new BasicAuth();
        builder.users.forEach((email, secret) -> basic.add(SimulatorUser.ofEmail(email), secret));
        builder.users.keySet().forEach(state::addUser);
        context.authentication(basic);
        if (flavour == Flavour.DATA_CENTER) {
            PersonalAccessTokenAuth pats = new PersonalAccessTokenAuth();
            builder.personalAccessTokens.forEach((token, email) -> pats.add(token, SimulatorUser.ofEmail(email)));
            context.authentication(pats);
        }

        List<SimulatorFeature> features = new ArrayList<>(List.of(new ServerEndpoints(), new IssueEndpoints(),
                new CommentEndpoints(), new TransitionEndpoints(), new ProjectEndpoints(), new SearchEndpoints(),
                new WebhookEndpoints(webhooks), new BulkCreateEndpoints(), new AttachmentEndpoints(),
                new ServiceManagementEndpoints(), new IssuePropertyEndpoints(), new WatcherEndpoints(), new CloudRestV2()));
        features.addAll(builder.features);
        features.forEach(feature -> feature.register(context));
        context.fallback(request -> ApiResponse.error(404,
                "The simulator does not serve " + request.method() + " " + request.path() + "."));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The site URL, {@code http://localhost:<port>}; the REST API is under {@link Flavour#restRoot()}. */
    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return wireMock.port();
    }

    public Flavour flavour() {
        return flavour;
    }

    public SimulatorState state() {
        return state;
    }

    public SimulatorClock clock() {
        return clock;
    }

    /** The webhooks the site sends, and the knobs tests turn on them (copies, retries). */
    public SimulatorWebhooks webhooks() {
        return webhooks;
    }

    /**
     * The underlying WireMock server, to inspect requests or add stubs that take precedence over the simulator's
     * (use priorities 1-9). Do not {@code resetAll()} it: that removes the simulator's own endpoints.
     */
    public WireMockServer wireMock() {
        return wireMock;
    }

    /** Every request and response so far that broke the OpenAPI contract, oldest first. */
    public List<String> contractViolations() {
        return contract == null ? List.of() : contract.violations();
    }

    public void assertNoContractViolations() {
        List<String> violations = contractViolations();
        if (!violations.isEmpty()) {
            throw new AssertionError(violations.size() + " request(s)/response(s) broke the Jira OpenAPI contract:\n  "
                    + String.join("\n  ", violations));
        }
    }

    /**
     * The requests received so far, oldest first.
     *
     * @param method     HTTP method, or {@code null} for any
     * @param pathPrefix the path must start with this, e.g. {@code /rest/api/3/issue}
     */
    public List<RecordedRequest> requests(String method, String pathPrefix) {
        List<ServeEvent> events = new ArrayList<>(wireMock.getAllServeEvents());
        Collections.reverse(events);
        List<RecordedRequest> requests = new ArrayList<>();
        for (ServeEvent event : events) {
            LoggedRequest request = event.getRequest();
            String path = URI.create(request.getUrl()).getRawPath();
            if ((method == null || method.equalsIgnoreCase(request.getMethod().getName()))
                    && path.startsWith(pathPrefix)) {
                requests.add(record(request, path));
            }
        }
        return requests;
    }

    /**
     * Back to a fresh site: seed data only, no recorded requests or violations, only the webhooks configured on the
     * builder. The clock keeps its time.
     */
    public void reset() {
        state.reset();
        webhooks.reset();
        wireMock.resetRequests();
        if (contract != null) {
            contract.clear();
        }
    }

    @Override
    public void close() {
        webhooks.close();
        wireMock.stop();
    }

    private static RecordedRequest record(LoggedRequest request, String path) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        Urls.splitQueryFromUrl(request.getUrl()).forEach((name, parameter) -> query.put(name, parameter.values()));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpHeader header : request.getHeaders().all()) {
            headers.put(header.key(), header.values());
        }
        return new RecordedRequest(request.getMethod().getName(), path, Map.copyOf(query), Map.copyOf(headers),
                request.getBodyAsString());
    }

    /** Configures and starts a simulator. */
    public static final class Builder {

        private Flavour flavour = Flavour.CLOUD;
        private int port;
        private String bindAddress = "localhost";
        private boolean checkContract = true;
        private boolean rejectViolations = true;
        private SimulatorClock clock = SimulatorClock.system();
        private int requestJournalLimit;
        private final Map<String, String> users = new LinkedHashMap<>(Map.of(DEFAULT_USER, DEFAULT_API_TOKEN));
        private final Map<String, String> personalAccessTokens = new LinkedHashMap<>(Map.of(DEFAULT_PAT, DEFAULT_USER));
        private final List<SimulatorFeature> features = new ArrayList<>();
        private final List<AdminWebhook> adminWebhooks = new ArrayList<>();
        private String webhookAppSecret;

        private Builder() {
        }

        /** An admin webhook, as configured in Jira's administration: told about the changes it asks for. */
        public Builder adminWebhook(AdminWebhook webhook) {
            adminWebhooks.add(webhook);
            return this;
        }

        /**
         * The client secret of the OAuth 2.0 app whose dynamic webhooks the site signs (a bearer JWT, HS256); unsigned
         * when not set.
         */
        public Builder webhookAppSecret(String clientSecret) {
            this.webhookAppSecret = clientSecret;
            return this;
        }

        public Builder flavour(Flavour flavour) {
            this.flavour = flavour;
            return this;
        }

        /** The port to listen on; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The interface to listen on: {@code localhost} by default, {@code 0.0.0.0} to be reachable from outside. */
        public Builder bindAddress(String bindAddress) {
            this.bindAddress = bindAddress;
            return this;
        }

        /**
         * Whether a request that breaks the OpenAPI contract is refused with 400 (the default) so the calling test
         * fails, or served anyway. Either way it is recorded in {@link JiraSimulator#contractViolations()}.
         */
        public Builder validateContract(boolean reject) {
            this.rejectViolations = reject;
            return this;
        }

        /** Turns contract checking off altogether (no documents loaded, nothing recorded), e.g. for benchmarks. */
        public Builder checkContract(boolean check) {
            this.checkContract = check;
            return this;
        }

        /** Another basic-auth user: e-mail and API token (Cloud) or password (DC, also by username). */
        public Builder user(String email, String apiTokenOrPassword) {
            users.put(email, apiTokenOrPassword);
            return this;
        }

        /** Another personal access token, owned by the default user; accepted on Data Center only. */
        public Builder personalAccessToken(String token) {
            personalAccessTokens.put(token, DEFAULT_USER);
            return this;
        }

        public Builder clock(SimulatorClock clock) {
            this.clock = clock;
            return this;
        }

        /** Keep at most this many requests in WireMock's journal (unbounded by default); for long-running use. */
        public Builder requestJournalLimit(int entries) {
            this.requestJournalLimit = entries;
            return this;
        }

        /** Serves more of Jira: the feature registers its routes when the simulator starts. */
        public Builder feature(SimulatorFeature feature) {
            features.add(feature);
            return this;
        }

        public JiraSimulator start() {
            return new JiraSimulator(this);
        }
    }

    /** WireMock's notices, into our logs (its own slf4j is shaded and has no binding). */
    private static final class LogNotifier implements Notifier {

        private static final Logger WIREMOCK = LoggerFactory.getLogger("org.jiraq.simulator.wiremock");

        @Override
        public void info(String message) {
            WIREMOCK.debug(message);
        }

        @Override
        public void error(String message) {
            WIREMOCK.error(message);
        }

        @Override
        public void error(String message, Throwable t) {
            WIREMOCK.error(message, t);
        }
    }

    /** Keeps WireMock from loading stub files from the working directory: every stub here comes from code. */
    private static final class NoStubFiles implements MappingsSource {

        @Override
        public void loadMappingsInto(StubMappings stubMappings) {
            // nothing to load by design
        }

        @Override
        public void save(List<StubMapping> stubMappings) {
            // stubs are never persisted
        }

        @Override
        public void save(StubMapping stubMapping) {
            // stubs are never persisted
        }

        @Override
        public void remove(StubMapping stubMapping) {
            // stubs are never persisted
        }

        @Override
        public void removeAll() {
            // stubs are never persisted
        }
    }
}
