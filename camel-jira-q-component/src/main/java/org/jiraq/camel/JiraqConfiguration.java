package org.jiraq.camel;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.camel.LoggingLevel;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.client5.http.classic.HttpClient;
import org.jiraq.camel.spi.JiraqHttpClientConfigurer;
import org.jiraq.camel.spi.PollingPositionStore;
import org.jiraq.camel.spi.TokenStore;

/**
 * Every option of the component. Set once on the component (camel.component.jiraq.*) and overridden per
 * endpoint: each endpoint works on its own copy.
 */
@UriParams
public class JiraqConfiguration implements Cloneable {

    /** A Jira Cloud site given by name alone: letters, digits and hyphens, as in acme.atlassian.net. */
    private static final Pattern CLOUD_SITE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*");

    static final String DEFAULT_SEARCH_FIELDS
            = "summary,status,issuetype,project,assignee,reporter,priority,labels,created,updated";
    // oauth2
    static final String DEFAULT_CREDENTIAL_ID = "default";
    public static final String DEFAULT_AUTHORIZATION_URL = "https://auth.atlassian.com/authorize";
    static final String DEFAULT_API_GATEWAY_URL = "https://api.atlassian.com";

    // connection
    // required, but may come from the component, so the check is done when the endpoint is created
    @UriParam(label = "common")
    private String baseUrl;
    @UriParam(label = "common", enums = "cloud,datacenter")
    private JiraqDeployment deployment;
    @UriParam(label = "common")
    private Integer apiVersion;

    // security
    @UriParam(label = "security", enums = "apiToken,pat,oauth1,oauth2")
    private JiraqAuthStrategy authStrategy;
    @UriParam(label = "security", secret = true)
    private String username;
    @UriParam(label = "security", secret = true)
    private String apiToken;
    @UriParam(label = "security", secret = true)
    private String personalAccessToken;
    @UriParam(label = "security")
    private SSLContextParameters sslContextParameters;

    // HTTP
    @UriParam(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration")
    private long connectTimeout = 10_000;
    @UriParam(label = "advanced", defaultValue = "60000", javaType = "java.time.Duration")
    private long requestTimeout = 60_000;
    @UriParam(label = "advanced", defaultValue = "50")
    private int maxConnections = 50;
    @UriParam(label = "proxy")
    private String proxyHost;
    @UriParam(label = "proxy")
    private Integer proxyPort;
    @UriParam(label = "advanced")
    private HttpClient httpClient;
    @UriParam(label = "advanced")
    private JiraqHttpClientConfigurer httpClientConfigurer;

    // retries
    @UriParam(label = "advanced", defaultValue = "4")
    private int maxRetries = 4;
    @UriParam(label = "advanced", defaultValue = "2000", javaType = "java.time.Duration")
    private long retryDelay = 2_000;
    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration")
    private long maxRetryDelay = 30_000;

    // faults: retry-safe creates and what is retried
    @UriParam(label = "advanced", defaultValue = "true")
    private boolean retryPostOn503 = true;
    @UriParam(label = "producer", defaultValue = "true")
    private boolean idempotentCreate = true;
    @UriParam(label = "producer,advanced", defaultValue = "recentCreates", enums = "recentCreates,propertyQuery")
    private JiraqIdempotencyLookup idempotencyLookup = JiraqIdempotencyLookup.recentCreates;
    @UriParam(label = "producer", defaultValue = "true")
    private boolean durableIdempotencyKeys = true;

    // producer
    @UriParam(label = "common")
    private String jql;
    @UriParam(label = "producer", defaultValue = DEFAULT_SEARCH_FIELDS)
    private String fields = DEFAULT_SEARCH_FIELDS;
    @UriParam(label = "producer")
    private String expand;
    @UriParam(label = "producer", defaultValue = "1000")
    private int maxResults = 1000;
    @UriParam(label = "producer", defaultValue = "50")
    private int pageSize = 50;
    @UriParam(label = "producer", defaultValue = "list", enums = "list,page,stream")
    private JiraqSearchMode searchMode = JiraqSearchMode.list;
    @UriParam(label = "producer", defaultValue = "1")
    private int prefetchPages = 1;
    @UriParam(label = "advanced", defaultValue = "0")
    private long quotaPoints;
    @UriParam(label = "advanced", defaultValue = "3600")
    private long quotaWindow = 3600;
    @UriParam(label = "producer", defaultValue = "normal", enums = "high,normal,low")
    private JiraqRateLimitPriority rateLimitPriority = JiraqRateLimitPriority.normal;
    @UriParam(label = "producer", defaultValue = "true")
    private boolean notifyUsers = true;
    @UriParam(label = "producer", defaultValue = "false")
    private boolean deleteSubtasks;
    @UriParam(label = "producer", defaultValue = "false")
    private boolean bodyAsFields;
    @UriParam(label = "producer", defaultValue = "false")
    private boolean adfAsText;

    // webhooks
    @UriParam(label = "consumer", defaultValue = "/jiraq/webhook")
    private String webhookPath = "/jiraq/webhook";
    @UriParam(label = "consumer")
    private String events;
    @UriParam(label = "consumer,security", enums = "hmac,jwt,none")
    private JiraqWebhookVerification webhookVerification;
    @UriParam(label = "consumer,security", secret = true)
    private String webhookSecret;
    @UriParam(label = "consumer,advanced", defaultValue = "10485760")
    private int webhookMaxBodySize = 10 * 1024 * 1024;
    @UriParam(label = "consumer", defaultValue = "INFO", enums = "TRACE,DEBUG,INFO,WARN,ERROR,OFF")
    private LoggingLevel webhookLogLevel = LoggingLevel.INFO;
    @UriParam(label = "consumer,security", defaultValue = "0", javaType = "java.time.Duration")
    private long webhookMaxAge;
    @UriParam(label = "consumer", defaultValue = "inbox", enums = "inbox,afterRoute")
    private JiraqWebhookAckMode webhookAckMode = JiraqWebhookAckMode.inbox;
    @UriParam(label = "consumer,advanced", defaultValue = "10000")
    private int inboxCapacity = 10_000;
    @UriParam(label = "consumer,advanced", defaultValue = "4")
    private int inboxConcurrency = 4;
    @UriParam(label = "consumer,advanced", defaultValue = "50")
    private int inboxMaximumRedeliveries = 50;
    @UriParam(label = "consumer,advanced", defaultValue = "1000", javaType = "java.time.Duration")
    private long inboxRedeliveryDelay = 1_000;
    @UriParam(label = "consumer,advanced", defaultValue = "300000", javaType = "java.time.Duration")
    private long inboxMaximumRedeliveryDelay = 300_000;
    @UriParam(label = "advanced", defaultValue = "60000", javaType = "java.time.Duration")
    private long leaseDuration = 60_000;
    @UriParam(label = "consumer", defaultValue = "none", enums = "none,dynamic,admin")
    private JiraqWebhookRegistration webhookRegistration = JiraqWebhookRegistration.none;
    @UriParam(label = "consumer")
    private String webhookUrl;
    @UriParam(label = "consumer,advanced", defaultValue = "0 0 3,15 * * ?")
    private String webhookRefreshCron = "0 0 3,15 * * ?";
    @UriParam(label = "consumer,advanced", defaultValue = "true")
    private boolean webhookReplayFailed = true;
    @UriParam(label = "consumer,security")
    private String webhookJwtIssuer;
    @UriParam(label = "consumer,security")
    private String webhookJwtAudience;
    @UriParam(label = "consumer,security")
    private String webhookAllowedSources;
    @UriParam(label = "consumer,security")
    private String webhookTrustedProxies;

    // polling
    @UriParam(label = "consumer", defaultValue = "600000", javaType = "java.time.Duration")
    private long lookback = 600_000;
    @UriParam(label = "consumer,advanced")
    private PollingPositionStore positionStore;
    @UriParam(label = "consumer,advanced")
    private String positionKey;
    // oauth1
    @UriParam(label = "security")
    private String consumerKey;
    @UriParam(label = "security", secret = true)
    private String privateKey;
    @UriParam(label = "security")
    private String privateKeyFile;
    @UriParam(label = "security", secret = true)
    private String accessToken;
    // oauth2
    @UriParam(label = "security")
    private String clientId;
    @UriParam(label = "security", secret = true)
    private String clientSecret;
    @UriParam(label = "security", defaultValue = "authorizationCode", enums = "authorizationCode,clientCredentials")
    private JiraqGrantType grantType = JiraqGrantType.authorizationCode;
    @UriParam(label = "security", secret = true)
    private String refreshToken;
    @UriParam(label = "security")
    private String scopes;
    @UriParam(label = "security")
    private String cloudId;
    @UriParam(label = "security", defaultValue = DEFAULT_CREDENTIAL_ID)
    private String credentialId = DEFAULT_CREDENTIAL_ID;
    @UriParam(label = "security", defaultValue = DEFAULT_AUTHORIZATION_URL)
    private String authorizationUrl = DEFAULT_AUTHORIZATION_URL;
    @UriParam(label = "security")
    private String tokenUrl;
    @UriParam(label = "security", defaultValue = DEFAULT_API_GATEWAY_URL)
    private String apiGatewayUrl = DEFAULT_API_GATEWAY_URL;
    @UriParam(label = "security")
    private String redirectUri;
    @UriParam(label = "security,advanced")
    private TokenStore tokenStore;

    // gdpr
    @UriParam(label = "consumer", defaultValue = "7d", javaType = "java.time.Duration")
    private long cyclePeriod = Duration.ofDays(7).toMillis();

    // request, serviceDeskRequest
    @UriParam(label = "producer", defaultValue = "GET", enums = "GET,POST,PUT,PATCH,DELETE,HEAD")
    private String httpMethod = "GET";
    @UriParam(label = "producer")
    private String path;
    @UriParam(label = "producer", defaultValue = "jira",
              enums = "jira,customerServiceManagement,assets,operations")
    private JiraqApi api = JiraqApi.jira;
    @UriParam(label = "producer")
    private String workspaceId;
    @UriParam(label = "producer", enums = "organization,customer,product,entitlement")
    private JiraqCsmResource csmResource;
    @UriParam(label = "producer", prefix = "query.", multiValue = true)
    private Map<String, Object> queryParameters;
    @UriParam(label = "producer", prefix = "httpHeader.", multiValue = true)
    private Map<String, Object> httpHeaders;
    @UriParam(label = "producer", prefix = "cookie.", multiValue = true)
    private Map<String, Object> cookies;
    @UriParam(label = "producer", defaultValue = "false")
    private boolean paginate;

    // Service Management
    @UriParam(label = "producer")
    private String serviceDeskId;
    @UriParam(label = "producer")
    private String requestTypeId;
    @UriParam(label = "producer", defaultValue = "true")
    private boolean publicComment = true;

    public String getBaseUrl() {
        return baseUrl;
    }

    /**
     * The site URL that baseUrl names, or null when it is not set. A bare name such as {@code acme} is the Jira Cloud
     * site {@code https://acme.atlassian.net}, as the guides write it; a host without a scheme is taken as https.
     *
     * @throws IllegalArgumentException when baseUrl is not a URL
     */
    public URI siteUrl() {
        String value = baseUrl == null ? "" : baseUrl.trim();
        if (value.isEmpty()) {
            return null;
        }
        if (!value.contains("://")) {
            value = "https://" + (CLOUD_SITE_NAME.matcher(value).matches() ? value + ".atlassian.net" : value);
        }
        return URI.create(value);
    }

    /**
     * The Jira site URL: https://acme.atlassian.net for Cloud (or just its name, acme), or the Data Center base URL
     * including any context path (https://jira.acme.internal/jira).
     */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public JiraqDeployment getDeployment() {
        return deployment;
    }

    /** Cloud or Data Center. Inferred from the host when not set: Atlassian's domains are Cloud. */
    public void setDeployment(JiraqDeployment deployment) {
        this.deployment = deployment;
    }

    public Integer getApiVersion() {
        return apiVersion;
    }

    /**
     * The REST API version: 3 (rich text as Atlassian Document Format) by default on Cloud, 2 on Data Center.
     */
    public void setApiVersion(Integer apiVersion) {
        this.apiVersion = apiVersion;
    }

    public JiraqAuthStrategy getAuthStrategy() {
        return authStrategy;
    }

    /**
     * How to authenticate. When not set it is inferred from the credentials given: username and apiToken mean
     * apiToken, a personalAccessToken alone means pat.
     */
    public void setAuthStrategy(JiraqAuthStrategy authStrategy) {
        this.authStrategy = authStrategy;
    }

    public String getUsername() {
        return username;
    }

    /** The Atlassian account e-mail (Cloud) or user name (Data Center) for authStrategy=apiToken. */
    public void setUsername(String username) {
        this.username = unsetIfBlank(username);
    }

    public String getApiToken() {
        return apiToken;
    }

    /** The API token (Cloud) or password (Data Center) for authStrategy=apiToken. */
    public void setApiToken(String apiToken) {
        this.apiToken = unsetIfBlank(apiToken);
    }

    public String getPersonalAccessToken() {
        return personalAccessToken;
    }

    /** The personal access token for authStrategy=pat (Data Center 8.14 and later). */
    public void setPersonalAccessToken(String personalAccessToken) {
        this.personalAccessToken = unsetIfBlank(personalAccessToken);
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /** TLS settings (trust store, key store, protocols) for the connection to Jira. */
    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    /** How long to wait for a connection to Jira, in milliseconds. */
    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    /**
     * How long to wait for Jira's answer to one request, in milliseconds: the longest silence allowed while the answer
     * is awaited or read.
     */
    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    /**
     * The most connections the endpoint keeps open to each host (the site, the OAuth token endpoint); calls beyond it
     * wait for a free connection, at most the request timeout.
     */
    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    /** An HTTP proxy host to reach Jira through. */
    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    /** The HTTP proxy port. */
    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public HttpClient getHttpClient() {
        return httpClient;
    }

    /**
     * An Apache HttpClient 5 client, built by the application, to call Jira with (its own TLS, proxy or tracing
     * set-up); the component never closes it. Build it with disableRedirectHandling() and disableAutomaticRetries(): the
     * component follows redirects itself, so credentials stay with the trusted hosts, and decides what is safe to send
     * again. With it, maxConnections, connectTimeout, proxyHost, proxyPort, sslContextParameters and
     * httpClientConfigurer do not apply.
     */
    public void setHttpClient(HttpClient httpClient) {
        this.httpClient = httpClient;
    }

    public JiraqHttpClientConfigurer getHttpClientConfigurer() {
        return httpClientConfigurer;
    }

    /**
     * Adjusts the HTTP client the component builds (interceptors for tracing, TLS or proxy settings of your own),
     * called once per Jira connection just before the client is built.
     */
    public void setHttpClientConfigurer(JiraqHttpClientConfigurer httpClientConfigurer) {
        this.httpClientConfigurer = httpClientConfigurer;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    /**
     * How many times a request is repeated after a 429, or after a 5xx or connection fault when repeating it is safe
     * (never a create that may have reached Jira). 0 turns retries off.
     */
    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryDelay() {
        return retryDelay;
    }

    /**
     * The first retry delay in milliseconds; it doubles on each retry, is never shorter than Jira's Retry-After and
     * is multiplied by a random jitter between 0.7 and 1.3.
     */
    public void setRetryDelay(long retryDelay) {
        this.retryDelay = retryDelay;
    }

    public long getMaxRetryDelay() {
        return maxRetryDelay;
    }

    /**
     * The longest delay between two retries, in milliseconds. A wait Jira asks for that is longer (a Retry-After, a
     * rate-limit quota reset) is not sat out in the calling thread: the call fails at once with a retryable
     * JiraqHttpException carrying the wait, for Camel's redelivery (see JiraqRetryAfterProcessor).
     */
    public void setMaxRetryDelay(long maxRetryDelay) {
        this.maxRetryDelay = maxRetryDelay;
    }

    public boolean isRetryPostOn503() {
        return retryPostOn503;
    }

    /**
     * Whether a POST that Jira answered 503 with a Retry-After header is sent again like a 429: Jira sheds load that
     * way before doing anything. When false, such an answer counts as a fault whose outcome is unknown.
     */
    public void setRetryPostOn503(boolean retryPostOn503) {
        this.retryPostOn503 = retryPostOn503;
    }

    public boolean isIdempotentCreate() {
        return idempotentCreate;
    }

    /**
     * Whether createIssue is made safe to retry: the issue is created with the entity property jiraq.idempotency
     * holding a key (header CamelJiraqIdempotencyKey, else the exchange id), and after a fault that may have let the
     * create through (a reset, a timeout, a 5xx) the issue carrying that key is looked up before the create is sent
     * again; if it exists, it is the result. When false, such a fault fails the exchange and the create is never
     * resent.
     */
    public void setIdempotentCreate(boolean idempotentCreate) {
        this.idempotentCreate = idempotentCreate;
    }

    public boolean isDurableIdempotencyKeys() {
        return durableIdempotencyKeys;
    }

    /**
     * createIssue: keep each idempotency key the message carries (CamelJiraqIdempotencyKey set by the route, or by
     * jiraq:webhook from the delivery identifier) and the issue it made in the component's store, so the same key
     * makes at most one issue across exchanges, redeliveries, dead-letter replays, restarts and replicas, for the
     * component's idempotencyKeyRetention: a repeated key answers with the existing issue (CamelJiraqExistingIssue
     * true) without calling Jira. Keys taken from the exchange id are never stored.
     */
    public void setDurableIdempotencyKeys(boolean durableIdempotencyKeys) {
        this.durableIdempotencyKeys = durableIdempotencyKeys;
    }

    public JiraqIdempotencyLookup getIdempotencyLookup() {
        return idempotencyLookup;
    }

    /**
     * How createIssue looks for an issue carrying its idempotency key: recentCreates searches the issues the same
     * user created in the project since the first uncertain attempt (works on every site), propertyQuery searches
     * issue.property[jiraq.idempotency].key with JQL (only where an installed app indexes that property).
     */
    public void setIdempotencyLookup(JiraqIdempotencyLookup idempotencyLookup) {
        this.idempotencyLookup = idempotencyLookup;
    }

    public String getJql() {
        return jql;
    }

    /**
     * The JQL of searchIssues when the message carries none (header CamelJiraqJql or a String body); the issues
     * jiraq:issues polls; the filter of a webhook that jiraq:webhook registers.
     */
    public void setJql(String jql) {
        this.jql = jql;
    }

    public String getFields() {
        return fields;
    }

    /**
     * The comma-separated issue fields that searchIssues and getIssue ask for (*all, *navigable,
     * field ids, -field to exclude). Jira Cloud's search returns only ids unless fields are asked for.
     */
    public void setFields(String fields) {
        this.fields = fields;
    }

    public String getExpand() {
        return expand;
    }

    /**
     * Comma-separated expansions for getIssue and searchIssues (for example renderedFields,changelog) and for
     * getCustomerRequest (for example status,participant,sla).
     */
    public void setExpand(String expand) {
        this.expand = expand;
    }

    public int getMaxResults() {
        return maxResults;
    }

    /** The most items searchIssues, or a request with paginate, returns in list mode; paging stops there. */
    public void setMaxResults(int maxResults) {
        this.maxResults = maxResults;
    }

    public int getPageSize() {
        return pageSize;
    }

    /** How many items to ask Jira for per page (Jira may return fewer). */
    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public JiraqSearchMode getSearchMode() {
        return searchMode;
    }

    /**
     * How searchIssues returns results: list (all, up to maxResults), page (one page, with CamelJiraqNextPage) or
     * stream (a lazy iterator for split().streaming()). A request with paginate uses list or stream.
     */
    public void setSearchMode(JiraqSearchMode searchMode) {
        this.searchMode = searchMode;
    }

    public int getPrefetchPages() {
        return prefetchPages;
    }

    /**
     * With searchMode=stream, how many pages to fetch ahead while the route works on the current one, so a long
     * export runs at the rate Jira serves pages; memory holds this many pages more. 0 fetches a page only when the
     * previous one is used up.
     */
    public void setPrefetchPages(int prefetchPages) {
        this.prefetchPages = prefetchPages;
    }

    public long getQuotaPoints() {
        return quotaPoints;
    }

    /**
     * Jira's points quota per quotaWindow for this site and credential, spent evenly across the window, when Jira
     * does not announce it in its RateLimit-Policy header (which wins once seen). 0: only what Jira announces.
     */
    public void setQuotaPoints(long quotaPoints) {
        this.quotaPoints = quotaPoints;
    }

    public long getQuotaWindow() {
        return quotaWindow;
    }

    /** The window of quotaPoints in seconds (Jira: an hour, 3600). */
    public void setQuotaWindow(long quotaWindow) {
        this.quotaWindow = quotaWindow;
    }

    public JiraqRateLimitPriority getRateLimitPriority() {
        return rateLimitPriority;
    }

    /**
     * Who waits first when Jira's points quota runs short: high books the next free points however far ahead, normal
     * holds back while the quota is booked more than a second ahead, low while it is booked ahead at all. For example
     * webhook-driven writes high, a bulk export low.
     */
    public void setRateLimitPriority(JiraqRateLimitPriority rateLimitPriority) {
        this.rateLimitPriority = rateLimitPriority;
    }

    public boolean isNotifyUsers() {
        return notifyUsers;
    }

    /** Whether updateIssue lets Jira send notifications (turning them off needs admin rights). */
    public void setNotifyUsers(boolean notifyUsers) {
        this.notifyUsers = notifyUsers;
    }

    public boolean isBodyAsFields() {
        return bodyAsFields;
    }

    /**
     * Whether createIssue, updateIssue and bulkCreateIssues read a Map or JSON body that is not in Jira's own shape
     * ({"fields":{...},"update":{...}}) as a flat map of field ids to values. Off by default, so a message that
     * still carries another system's data is refused with a clear error instead of being sent to Jira as fields.
     */
    public void setBodyAsFields(boolean bodyAsFields) {
        this.bodyAsFields = bodyAsFields;
    }

    public boolean isDeleteSubtasks() {
        return deleteSubtasks;
    }

    /** Whether deleteIssue also deletes the subtasks (Jira refuses to delete an issue with subtasks otherwise). */
    public void setDeleteSubtasks(boolean deleteSubtasks) {
        this.deleteSubtasks = deleteSubtasks;
    }

    public boolean isAdfAsText() {
        return adfAsText;
    }

    /** Return rich-text values (description, comment bodies) as plain text instead of ADF documents. */
    public void setAdfAsText(boolean adfAsText) {
        this.adfAsText = adfAsText;
    }

    public String getWebhookPath() {
        return webhookPath;
    }

    /**
     * jiraq:webhook: the HTTP path, served by Camel's platform-http (the embedded server of Camel Main, Quarkus,
     * Spring Boot or Camel K), where Jira posts events.
     */
    public void setWebhookPath(String webhookPath) {
        this.webhookPath = webhookPath;
    }

    public String getEvents() {
        return events;
    }

    /**
     * jiraq:webhook: the comma-separated events to deliver, by Jira's webhookEvent name (jira:issue_created,
     * comment_created, project_updated...) or its alias (issueCreated, commentCreated, projectUpdated...); all
     * when not set. Other events are answered 2xx and dropped. Also the events a registered webhook asks for.
     */
    public void setEvents(String events) {
        this.events = events;
    }

    public JiraqWebhookVerification getWebhookVerification() {
        return webhookVerification;
    }

    /**
     * jiraq:webhook: how each request is checked before anything else, required: hmac (X-Hub-Signature of admin
     * webhooks with a secret), jwt (the bearer token of app webhooks) or none (only behind a gateway that checks).
     * A request that fails the check is answered 401 and delivers nothing.
     */
    public void setWebhookVerification(JiraqWebhookVerification webhookVerification) {
        this.webhookVerification = webhookVerification;
    }

    public String getWebhookSecret() {
        return webhookSecret;
    }

    /**
     * jiraq:webhook: the secret shared with Jira: the admin webhook's secret for hmac, the OAuth 2.0 app's client
     * secret for jwt (default: the clientSecret option).
     */
    public void setWebhookSecret(String webhookSecret) {
        this.webhookSecret = webhookSecret;
    }

    public String getWebhookJwtIssuer() {
        return webhookJwtIssuer;
    }

    /**
     * jiraq:webhook with webhookVerification=jwt: the iss claim the token must carry. Atlassian does not document the
     * claim, so it is checked only when set.
     */
    public void setWebhookJwtIssuer(String webhookJwtIssuer) {
        this.webhookJwtIssuer = webhookJwtIssuer;
    }

    public String getWebhookJwtAudience() {
        return webhookJwtAudience;
    }

    /**
     * jiraq:webhook with webhookVerification=jwt: the audience a token that names one (aud claim) must name; by default
     * the clientId option. Set, it is also required to be present.
     */
    public void setWebhookJwtAudience(String webhookJwtAudience) {
        this.webhookJwtAudience = webhookJwtAudience;
    }

    public String getWebhookAllowedSources() {
        return webhookAllowedSources;
    }

    /**
     * jiraq:webhook: the addresses Jira's deliveries may come from, as comma-separated CIDR ranges (Atlassian publishes
     * its egress ranges at https://ip-ranges.atlassian.com); requests from elsewhere are answered 403. All sources
     * when empty.
     */
    public void setWebhookAllowedSources(String webhookAllowedSources) {
        this.webhookAllowedSources = webhookAllowedSources;
    }

    public String getWebhookTrustedProxies() {
        return webhookTrustedProxies;
    }

    /**
     * jiraq:webhook with webhookAllowedSources: the proxies or load balancers in front of the application, as
     * comma-separated CIDR ranges. Only a request that arrives from one of them has its X-Forwarded-For read (the
     * nearest address not itself a trusted proxy is the source); from anywhere else the header is ignored.
     */
    public void setWebhookTrustedProxies(String webhookTrustedProxies) {
        this.webhookTrustedProxies = webhookTrustedProxies;
    }

    public int getWebhookMaxBodySize() {
        return webhookMaxBodySize;
    }

    /** jiraq:webhook: the largest request body accepted, in bytes; larger ones are answered 413. */
    public void setWebhookMaxBodySize(int webhookMaxBodySize) {
        this.webhookMaxBodySize = webhookMaxBodySize;
    }

    public LoggingLevel getWebhookLogLevel() {
        return webhookLogLevel;
    }

    /**
     * jiraq:webhook: the level at which each delivery is logged with what became of it: delivered to the route, a
     * duplicate (its identifier was delivered before), or filtered (not among events). Refused requests are logged at
     * WARN with the reason (signature header missing, malformed, another algorithm, or not matching), unless this is
     * OFF.
     */
    public void setWebhookLogLevel(LoggingLevel webhookLogLevel) {
        this.webhookLogLevel = webhookLogLevel;
    }

    public long getWebhookMaxAge() {
        return webhookMaxAge;
    }

    /**
     * jiraq:webhook: refuses (400) a verified event whose payload timestamp is older than this, so a signed body
     * replayed later under a new delivery identifier is not delivered again; 0 (default) turns the check off. A retry
     * carries the event's original timestamp and Jira Cloud retries for about 30 minutes, so keep it well above that,
     * for example 1h. Deliveries replayed from Jira's failed-webhook list (webhookReplayFailed) are fetched from Jira,
     * not received, and are not checked.
     */
    public void setWebhookMaxAge(long webhookMaxAge) {
        this.webhookMaxAge = webhookMaxAge;
    }

    public JiraqWebhookAckMode getWebhookAckMode() {
        return webhookAckMode;
    }

    /**
     * jiraq:webhook: when Jira is answered. inbox: 2xx as soon as the event is stored in the inbox (the component's
     * store), as Atlassian advises; a worker then hands it to the route and redelivers it until the route completes,
     * also after a crash, a restart or on another replica. afterRoute: only once the route has processed it, 5xx when
     * the route failed, so Jira retries and shows the failure; Jira gives up after about 5 retries in 30 minutes.
     */
    public void setWebhookAckMode(JiraqWebhookAckMode webhookAckMode) {
        this.webhookAckMode = webhookAckMode;
    }

    public int getInboxCapacity() {
        return inboxCapacity;
    }

    /**
     * jiraq:webhook with webhookAckMode=inbox: how many events may wait in the inbox (all replicas together); while
     * it holds that many, deliveries are answered 503 with Retry-After, so Jira sends them again later.
     */
    public void setInboxCapacity(int inboxCapacity) {
        this.inboxCapacity = inboxCapacity;
    }

    public int getInboxConcurrency() {
        return inboxConcurrency;
    }

    /**
     * jiraq:webhook with webhookAckMode=inbox: how many events this process hands to the route at once. With more
     * than one, events may reach the route in another order than Jira sent them (Jira does not promise an order
     * either).
     */
    public void setInboxConcurrency(int inboxConcurrency) {
        this.inboxConcurrency = inboxConcurrency;
    }

    public int getInboxMaximumRedeliveries() {
        return inboxMaximumRedeliveries;
    }

    /**
     * jiraq:webhook with webhookAckMode=inbox: how often an event whose route failed is delivered again before it
     * goes to the dead letters (jiraqDeadLetterStore, by default the table jiraq_dead_letter) with its reason; -1
     * for ever. With the default delays 50 redeliveries span about 3.5 hours, far longer than Jira's own retries.
     */
    public void setInboxMaximumRedeliveries(int inboxMaximumRedeliveries) {
        this.inboxMaximumRedeliveries = inboxMaximumRedeliveries;
    }

    public long getInboxRedeliveryDelay() {
        return inboxRedeliveryDelay;
    }

    /**
     * jiraq:webhook with webhookAckMode=inbox: the wait before the first redelivery of an event whose route failed;
     * it doubles with each further one (with 15 % jitter), up to inboxMaximumRedeliveryDelay.
     */
    public void setInboxRedeliveryDelay(long inboxRedeliveryDelay) {
        this.inboxRedeliveryDelay = inboxRedeliveryDelay;
    }

    public long getInboxMaximumRedeliveryDelay() {
        return inboxMaximumRedeliveryDelay;
    }

    /** jiraq:webhook with webhookAckMode=inbox: the longest wait between two redeliveries of an event. */
    public void setInboxMaximumRedeliveryDelay(long inboxMaximumRedeliveryDelay) {
        this.inboxMaximumRedeliveryDelay = inboxMaximumRedeliveryDelay;
    }

    public long getLeaseDuration() {
        return leaseDuration;
    }

    /**
     * How long a process holds work it took (a webhook event it delivers, the personal data reporting cycle, an
     * idempotency key it creates an issue for) without renewing the hold; a live process renews it every third of
     * it. When a process dies, a restart or another replica takes its work over once this has passed. Longer than
     * the longest pause a process may make (GC), shorter than you are willing to wait after a crash. For
     * idempotency keys the component's value counts.
     */
    public void setLeaseDuration(long leaseDuration) {
        this.leaseDuration = leaseDuration;
    }

    public JiraqWebhookRegistration getWebhookRegistration() {
        return webhookRegistration;
    }

    /**
     * jiraq:webhook: whether the consumer registers its webhook with Jira on start: none (set up in Jira's
     * administration), dynamic (Jira Cloud apps: a dynamic webhook with the jql filter, reused across restarts,
     * refreshed before its 30-day expiry, failed deliveries replayed) or admin (an admin webhook through
     * /rest/webhooks/1.0/webhook, for Data Center; needs admin rights).
     */
    public void setWebhookRegistration(JiraqWebhookRegistration webhookRegistration) {
        this.webhookRegistration = webhookRegistration;
    }

    public String getWebhookUrl() {
        return webhookUrl;
    }

    /**
     * jiraq:webhook: the public URL at which Jira reaches webhookPath (https://app.example.com/jiraq/webhook);
     * required when webhookRegistration is dynamic or admin.
     */
    public void setWebhookUrl(String webhookUrl) {
        this.webhookUrl = webhookUrl;
    }

    public String getWebhookRefreshCron() {
        return webhookRefreshCron;
    }

    /**
     * jiraq:webhook with webhookRegistration=dynamic: the Quartz cron expression on which the dynamic webhook is
     * refreshed (Jira drops it 30 days after the last refresh) and failed deliveries are replayed. Twice a day by
     * default.
     */
    public void setWebhookRefreshCron(String webhookRefreshCron) {
        this.webhookRefreshCron = webhookRefreshCron;
    }

    public boolean isWebhookReplayFailed() {
        return webhookReplayFailed;
    }

    /**
     * jiraq:webhook with webhookRegistration=dynamic: whether deliveries Jira gave up on (GET
     * /rest/api/3/webhook/failed) are fetched on start and on each refresh, and passed to the route through the
     * same de-duplication.
     */
    public void setWebhookReplayFailed(boolean webhookReplayFailed) {
        this.webhookReplayFailed = webhookReplayFailed;
    }

    public long getLookback() {
        return lookback;
    }

    /**
     * jiraq:issues: how far behind the last change seen each poll looks again, in milliseconds, so a change that
     * reaches Jira's search index late is still delivered (once). Make it longer than the index can lag.
     */
    public void setLookback(long lookback) {
        this.lookback = lookback;
    }

    public PollingPositionStore getPositionStore() {
        return positionStore;
    }

    /**
     * jiraq:issues: where the polling position (the last change delivered, and the changes seen within the
     * lookback) is kept, so a restart neither repeats nor skips a change. Default: tables in the component's store
     * (the jiraq database).
     */
    public void setPositionStore(PollingPositionStore positionStore) {
        this.positionStore = positionStore;
    }

    public String getPositionKey() {
        return positionKey;
    }

    /**
     * jiraq:issues: the name under which the polling position is stored; by default made of the site and the JQL,
     * so changing the JQL starts afresh.
     */
    public void setPositionKey(String positionKey) {
        this.positionKey = positionKey;
    }

    // oauth1
    public String getConsumerKey() {
        return consumerKey;
    }

    /**
     * The consumer key of the Jira application link (Incoming Authentication) for authStrategy=oauth1.
     */
    public void setConsumerKey(String consumerKey) {
        this.consumerKey = consumerKey;
    }

    public String getPrivateKey() {
        return privateKey;
    }

    /**
     * The consumer's RSA private key as PEM text (PKCS#1 BEGIN RSA PRIVATE KEY or PKCS#8 BEGIN PRIVATE KEY, not
     * encrypted) for authStrategy=oauth1; the application link holds its public key. Use either this or
     * privateKeyFile.
     */
    public void setPrivateKey(String privateKey) {
        this.privateKey = privateKey;
    }

    public String getPrivateKeyFile() {
        return privateKeyFile;
    }

    /**
     * The path of a PEM file holding the consumer's RSA private key (PKCS#1 or PKCS#8, not encrypted) for
     * authStrategy=oauth1. Use either this or privateKey.
     */
    public void setPrivateKeyFile(String privateKeyFile) {
        this.privateKeyFile = privateKeyFile;
    }

    public String getAccessToken() {
        return accessToken;
    }

    /**
     * The OAuth 1.0a access token for authStrategy=oauth1, obtained once with the three-legged dance
     * (org.jiraq.camel.auth.oauth1.OAuth1Dance).
     */
    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    // oauth2

    public String getClientId() {
        return clientId;
    }

    /** The OAuth 2.0 client id (authStrategy=oauth2): of the app in the Atlassian developer console, or of the service account. */
    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    /** The OAuth 2.0 client secret (authStrategy=oauth2). Sent only to the token URL. */
    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public JiraqGrantType getGrantType() {
        return grantType;
    }

    /**
     * How authStrategy=oauth2 obtains tokens: authorizationCode (3LO: a user consents once through the connect
     * processors, or a refresh token is configured; Cloud only) or clientCredentials (a service account, on Cloud or
     * with Data Center's own OAuth 2.0 provider).
     */
    public void setGrantType(JiraqGrantType grantType) {
        this.grantType = grantType;
    }

    public String getRefreshToken() {
        return refreshToken;
    }

    /**
     * A refresh token obtained elsewhere, to start from when the token store holds no grant for the credentialId. It
     * is used once: Atlassian rotates refresh tokens, and every later one lives only in the token store.
     */
    public void setRefreshToken(String refreshToken) {
        this.refreshToken = refreshToken;
    }

    public String getScopes() {
        return scopes;
    }

    /**
     * The OAuth 2.0 scopes to ask for, separated by spaces or commas, for example read:jira-work write:jira-work.
     * offline_access is added to the consent request, so a refresh token is granted.
     */
    public void setScopes(String scopes) {
        this.scopes = scopes;
    }

    public String getCloudId() {
        return cloudId;
    }

    /**
     * The id of the Jira Cloud site that OAuth 2.0 calls go to. When not set it is discovered once per grant from
     * the accessible resources, choosing the site whose URL is the baseUrl when the grant reaches several.
     */
    public void setCloudId(String cloudId) {
        this.cloudId = cloudId;
    }

    public String getCredentialId() {
        return credentialId;
    }

    /**
     * Which stored OAuth 2.0 grant to use. The header CamelJiraqCredentialId overrides it per exchange, so one route
     * can act for many connected users.
     */
    public void setCredentialId(String credentialId) {
        this.credentialId = credentialId;
    }

    public String getAuthorizationUrl() {
        return authorizationUrl;
    }

    /** Where the connect flow sends a user to consent (OAuth 2.0 authorization code). */
    public void setAuthorizationUrl(String authorizationUrl) {
        this.authorizationUrl = authorizationUrl;
    }

    public String getTokenUrl() {
        return tokenUrl;
    }

    /**
     * The OAuth 2.0 token endpoint. Default: https://auth.atlassian.com/oauth/token on Cloud; the site's own
     * /rest/oauth2/latest/token on Data Center.
     */
    public void setTokenUrl(String tokenUrl) {
        this.tokenUrl = tokenUrl;
    }

    public String getApiGatewayUrl() {
        return apiGatewayUrl;
    }

    /**
     * Atlassian's API gateway for OAuth 2.0 on Cloud: the accessible resources are listed under it, Jira is called
     * through its /ex/jira/{cloudId} routes, and the personal data reporting API (reportAccounts, gdpr) is its
     * /app/report-accounts/.
     */
    public void setApiGatewayUrl(String apiGatewayUrl) {
        this.apiGatewayUrl = apiGatewayUrl;
    }

    public String getRedirectUri() {
        return redirectUri;
    }

    /**
     * The public URL of the route running the OAuth 2.0 callback processor, exactly as registered as callback URL of
     * the app in the Atlassian developer console. Needed by the connect flow only.
     */
    public void setRedirectUri(String redirectUri) {
        this.redirectUri = redirectUri;
    }

    public TokenStore getTokenStore() {
        return tokenStore;
    }

    /**
     * Where OAuth 2.0 grants are kept. Default: the component's store (an encrypted table in the jiraq database),
     * shared by every endpoint of the component and by replicas that share the database.
     */
    public void setTokenStore(TokenStore tokenStore) {
        this.tokenStore = tokenStore;
    }

    // gdpr

    public long getCyclePeriod() {
        return cyclePeriod;
    }

    /**
     * How often jiraq:gdpr reports every registered account (7d by default), counted from the start of the previous
     * cycle. A Cycle-Period that Atlassian sends replaces it.
     */
    public void setCyclePeriod(long cyclePeriod) {
        this.cyclePeriod = cyclePeriod;
    }

    public String getHttpMethod() {
        return httpMethod;
    }

    /** The HTTP method of request and serviceDeskRequest (header CamelJiraqHttpMethod overrides it). */
    public void setHttpMethod(String httpMethod) {
        this.httpMethod = httpMethod;
    }

    public String getPath() {
        return path;
    }

    public JiraqApi getApi() {
        return api;
    }

    /**
     * request: which API the path is below: jira, the site's REST API (below /rest); or, on Jira Cloud, one that
     * Atlassian serves on its gateway (apiGatewayUrl) for the site: customerServiceManagement (below
     * /jsm/csm/cloudid/{cloudId}/api/v1), assets (below /jsm/assets/workspace/{workspaceId}/v1) or operations (below
     * /jsm/ops/api/{cloudId}/v1). The credentials go to the gateway's host for these, and the path stays below the
     * API's root.
     */
    public void setApi(JiraqApi api) {
        this.api = api;
    }

    public String getWorkspaceId() {
        return workspaceId;
    }

    /**
     * request with api=assets: the Assets workspace id; by default read from the site (GET
     * /rest/servicedeskapi/assets/workspace).
     */
    public void setWorkspaceId(String workspaceId) {
        this.workspaceId = workspaceId;
    }

    public JiraqCsmResource getCsmResource() {
        return csmResource;
    }

    /** csmList, csmGet, csmCreate, csmUpdate: the Customer Service Management resource to work on. */
    public void setCsmResource(JiraqCsmResource csmResource) {
        this.csmResource = csmResource;
    }

    /**
     * The path of request, below /rest (for example /api/3/myself or /agile/1.0/board), or of serviceDeskRequest, below
     * /rest/servicedeskapi (for example /servicedesk); it may end in a query string, but in an endpoint URI give the
     * parameters as query.* options, since an ampersand ends the option. Header CamelJiraqPath overrides it. Absolute
     * URLs and paths that could leave the REST root on some server (dot segments in any encoding, path parameters,
     * encoded slashes or backslashes) are refused.
     */
    public void setPath(String path) {
        this.path = path;
    }

    public Map<String, Object> getQueryParameters() {
        return queryParameters;
    }

    /**
     * Query parameters of request and serviceDeskRequest, as query.name=value options; header CamelJiraqQuery (a Map)
     * adds to and overrides them. Jira Data Center's login parameters (os_username, os_password, os_authType,
     * os_cookie) are refused.
     */
    public void setQueryParameters(Map<String, Object> queryParameters) {
        this.queryParameters = queryParameters;
    }

    public Map<String, Object> getHttpHeaders() {
        return httpHeaders;
    }

    /**
     * Extra HTTP headers of request and serviceDeskRequest, as httpHeader.name=value options; header
     * CamelJiraqHttpHeaders (a Map) adds to and overrides them. Authorization, Cookie, Host and the headers that frame
     * the message are refused. No other message header is ever sent to Jira.
     */
    public void setHttpHeaders(Map<String, Object> httpHeaders) {
        this.httpHeaders = httpHeaders;
    }

    public Map<String, Object> getCookies() {
        return cookies;
    }

    /**
     * Cookies for request and serviceDeskRequest, as cookie.name=value options; header CamelJiraqCookies (a Map) adds
     * to and overrides them. Login cookies (Jira's session cookies, Crowd's crowd.token_key) are refused: the
     * credentials come from the security options.
     */
    public void setCookies(Map<String, Object> cookies) {
        this.cookies = cookies;
    }

    public boolean isPaginate() {
        return paginate;
    }

    /**
     * Whether request and serviceDeskRequest follow Jira's paging (startAt, nextPageToken, start/limit or a next
     * link, recognised from the first page) and return the items of all pages: a list of at most maxResults, or a
     * lazy iterator with searchMode=stream. Header CamelJiraqPaginate overrides it.
     */
    public void setPaginate(boolean paginate) {
        this.paginate = paginate;
    }

    public String getServiceDeskId() {
        return serviceDeskId;
    }

    /**
     * The service desk of getRequestTypes and createCustomerRequest when header CamelJiraqServiceDeskId is not set.
     */
    public void setServiceDeskId(String serviceDeskId) {
        this.serviceDeskId = serviceDeskId;
    }

    public String getRequestTypeId() {
        return requestTypeId;
    }

    /** The request type of createCustomerRequest when header CamelJiraqRequestTypeId is not set. */
    public void setRequestTypeId(String requestTypeId) {
        this.requestTypeId = requestTypeId;
    }

    public boolean isPublicComment() {
        return publicComment;
    }

    /**
     * Whether addRequestComment adds a comment the customer sees (true) or an internal note for agents (false), when
     * header CamelJiraqPublicComment is not set.
     */
    public void setPublicComment(boolean publicComment) {
        this.publicComment = publicComment;
    }

    /** The auth strategy to use: the one configured, else the one the given credentials imply. */
    public JiraqAuthStrategy resolveAuthStrategy() {
        if (authStrategy != null) {
            return authStrategy;
        }
        if (personalAccessToken != null && username == null) {
            return JiraqAuthStrategy.pat;
        }
        if (username != null || apiToken != null) {
            return JiraqAuthStrategy.apiToken;
        }
        throw new IllegalArgumentException(
                "Option 'authStrategy' is required: one of apiToken (username + apiToken), pat (personalAccessToken),"
                                           + " oauth1 or oauth2");
    }

    /**
     * A credential option left empty, as a Kamelet or a properties file does when a value is not given, counts as not
     * set, so it does not decide the authStrategy inferred from the credentials.
     */
    private static String unsetIfBlank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    public JiraqConfiguration copy() {
        try {
            return (JiraqConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
