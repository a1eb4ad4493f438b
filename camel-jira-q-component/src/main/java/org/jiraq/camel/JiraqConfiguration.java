package org.jiraq.camel;

import java.util.Map;

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

    // request, serviceDeskRequest
    @UriParam(label = "producer", defaultValue = "GET", enums = "GET,POST,PUT,PATCH,DELETE,HEAD")
    private String httpMethod = "GET";
    @UriParam(label = "producer")
    private String path;
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

    /**
     * The path of request, below /rest (for example /api/3/myself or /agile/1.0/board), or of serviceDeskRequest, below
     * /rest/servicedeskapi (for example /servicedesk); it may end in a query string, but in an endpoint URI give the
     * parameters as query.* options, since an ampersand ends the option. Header CamelJiraqPath overrides it. Absolute
     * URLs and paths that leave the REST root are refused.
     */
    public void setPath(String path) {
        this.path = path;
    }

    public Map<String, Object> getQueryParameters() {
        return queryParameters;
    }

    /**
     * Query parameters of request and serviceDeskRequest, as query.name=value options; header CamelJiraqQuery (a Map)
     * adds to and overrides them.
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
     * to and overrides them. Jira's session cookies are refused: the credentials come from the security options.
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

    public JiraqConfiguration copy() {
        try {
            return (JiraqConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
