package org.jiraq.camel;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * Every option of the component. Set once on the component (camel.component.jiraq.*) and overridden per
 * endpoint: each endpoint works on its own copy.
 */
@UriParams
public class JiraqConfiguration implements Cloneable {

    static final String DEFAULT_SEARCH_FIELDS
            = "summary,status,issuetype,project,assignee,reporter,priority,labels,created,updated";

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
    private JiraqAuthMethod authStrategy;
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
    @UriParam(label = "proxy")
    private String proxyHost;
    @UriParam(label = "proxy")
    private Integer proxyPort;

    // retries
    @UriParam(label = "advanced", defaultValue = "4")
    private int maxRetries = 4;
    @UriParam(label = "advanced", defaultValue = "2000", javaType = "java.time.Duration")
    private long retryDelay = 2_000;
    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration")
    private long maxRetryDelay = 30_000;

    // producer
    @UriParam(label = "producer")
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
    @UriParam(label = "producer", defaultValue = "true")
    private boolean notifyUsers = true;
    @UriParam(label = "producer", defaultValue = "false")
    private boolean deleteSubtasks;
    @UriParam(label = "producer", defaultValue = "false")
    private boolean adfAsText;

    // oauth1
    @UriParam(label = "security")
    private String consumerKey;
    @UriParam(label = "security", secret = true)
    private String privateKey;
    @UriParam(label = "security")
    private String privateKeyFile;
    @UriParam(label = "security", secret = true)
    private String accessToken;

    public String getBaseUrl() {
        return baseUrl;
    }

    /**
     * The Jira site URL: https://acme.atlassian.net for Cloud, or the Data Center base URL including any
     * context path (https://jira.acme.internal/jira).
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

    public JiraqAuthMethod getAuthStrategy() {
        return authStrategy;
    }

    /**
     * How to authenticate. When not set it is inferred from the credentials given: username and apiToken mean
     * apiToken, a personalAccessToken alone means pat.
     */
    public void setAuthStrategy(JiraqAuthMethod authStrategy) {
        this.authStrategy = authStrategy;
    }

    public String getUsername() {
        return username;
    }

    /** The Atlassian account e-mail (Cloud) or user name (Data Center) for authStrategy=apiToken. */
    public void setUsername(String username) {
        this.username = username;
    }

    public String getApiToken() {
        return apiToken;
    }

    /** The API token (Cloud) or password (Data Center) for authStrategy=apiToken. */
    public void setApiToken(String apiToken) {
        this.apiToken = apiToken;
    }

    public String getPersonalAccessToken() {
        return personalAccessToken;
    }

    /** The personal access token for authStrategy=pat (Data Center 8.14 and later). */
    public void setPersonalAccessToken(String personalAccessToken) {
        this.personalAccessToken = personalAccessToken;
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

    /** How long to wait for Jira's answer to one request, in milliseconds. */
    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
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

    /** The longest delay between two retries, in milliseconds, unless Jira's Retry-After asks for longer. */
    public void setMaxRetryDelay(long maxRetryDelay) {
        this.maxRetryDelay = maxRetryDelay;
    }

    public String getJql() {
        return jql;
    }

    /** The JQL of searchIssues when the message carries none (header CamelJiraqJql or a String body). */
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

    /** Comma-separated expansions for getIssue and searchIssues, for example renderedFields,changelog. */
    public void setExpand(String expand) {
        this.expand = expand;
    }

    public int getMaxResults() {
        return maxResults;
    }

    /** The most issues searchIssues returns in list mode; paging stops there. */
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
     * stream (a lazy iterator for split().streaming()).
     */
    public void setSearchMode(JiraqSearchMode searchMode) {
        this.searchMode = searchMode;
    }

    public boolean isNotifyUsers() {
        return notifyUsers;
    }

    /** Whether updateIssue lets Jira send notifications (turning them off needs admin rights). */
    public void setNotifyUsers(boolean notifyUsers) {
        this.notifyUsers = notifyUsers;
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
     * (org.jiraq.camel.auth.OAuth1Dance).
     */
    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public JiraqConfiguration copy() {
        try {
            return (JiraqConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
