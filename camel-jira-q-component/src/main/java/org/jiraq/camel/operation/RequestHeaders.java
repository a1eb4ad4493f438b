package org.jiraq.camel.operation;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The HTTP headers, cookies and query parameters a route may add to a generic request. Credentials and the framing of
 * the message belong to the component: a header, cookie or query parameter that would replace them is refused with
 * an error naming it, never dropped silently.
 */
final class RequestHeaders {

    /** Headers the route may not set, and why. */
    private static final Map<String, String> REFUSED = Map.ofEntries(
            Map.entry("authorization", "credentials come from the security options only"),
            Map.entry("proxy-authorization", "credentials come from the security options only"),
            Map.entry("cookie", "give cookies in header CamelJiraqCookies or cookie.* options"),
            Map.entry("host", "the host comes from option 'baseUrl'"),
            Map.entry("content-length", "the component frames the message"),
            Map.entry("transfer-encoding", "the component frames the message"),
            Map.entry("content-type", "the component sends JSON bodies as application/json"),
            Map.entry("connection", "the component manages connections"),
            Map.entry("keep-alive", "the component manages connections"),
            Map.entry("upgrade", "the component manages connections"),
            Map.entry("expect", "the component frames the message"),
            Map.entry("te", "the component frames the message"),
            Map.entry("trailer", "the component frames the message"));

    /** Login cookies (Data Center, Cloud, Crowd single sign-on): a route-supplied one would act as someone's login. */
    private static final Map<String, String> LOGIN_COOKIES = Map.of(
            "jsessionid", "Jira's session cookie",
            "cloud.session.token", "Jira's session cookie",
            "tenant.session.token", "Jira's session cookie",
            "seraph.rememberme.cookie", "Jira's session cookie",
            "crowd.token_key", "Crowd's single sign-on cookie");

    /** Seraph's login by query string on Data Center ({@code ?os_username=...&os_password=...}). */
    private static final Set<String> LOGIN_PARAMETERS = Set.of("os_username", "os_password", "os_authtype", "os_cookie");

    private static final String TOKEN_CHARS = "!#$%&'*+-.^_`|~";

    private RequestHeaders() {
    }

    /** The headers to send, checked; later maps override earlier ones (names compared without case). */
    @SafeVarargs
    static Map<String, String> headers(Map<String, ?>... sources) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map<String, ?> source : sources) {
            if (source == null) {
                continue;
            }
            source.forEach((name, value) -> {
                String why = REFUSED.get(name.trim().toLowerCase(Locale.ROOT));
                if (why != null) {
                    throw new IllegalArgumentException(
                            "HTTP header '" + name + "' cannot be set on a request: " + why);
                }
                requireToken(name, "HTTP header name");
                String text = value == null ? "" : String.valueOf(value);
                if (text.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
                    throw new IllegalArgumentException("HTTP header '" + name + "' has a line break in its value");
                }
                headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
                headers.put(name, text);
            });
        }
        return headers;
    }

    /** The {@code Cookie} header value, or null for no cookies; later maps override earlier ones. */
    @SafeVarargs
    static String cookieHeader(Map<String, ?>... sources) {
        Map<String, String> cookies = new LinkedHashMap<>();
        for (Map<String, ?> source : sources) {
            if (source == null) {
                continue;
            }
            source.forEach((name, value) -> {
                String login = LOGIN_COOKIES.get(name.trim().toLowerCase(Locale.ROOT));
                if (login != null) {
                    throw new IllegalArgumentException("Cookie '" + name + "' cannot be set on a request: it is "
                                                       + login + ", and credentials come from the security options only");
                }
                requireToken(name, "Cookie name");
                String text = value == null ? "" : String.valueOf(value);
                if (!text.chars().allMatch(RequestHeaders::isCookieOctet)) {
                    throw new IllegalArgumentException("Cookie '" + name + "' has a value with characters a cookie"
                                                       + " cannot carry (spaces, quotes, commas, semicolons, backslashes or control characters)");
                }
                cookies.put(name, text);
            });
        }
        if (cookies.isEmpty()) {
            return null;
        }
        StringJoiner header = new StringJoiner("; ");
        cookies.forEach((name, value) -> header.add(name + "=" + value));
        return header.toString();
    }

    /** Refuses Seraph's login parameters (names compared without case), from wherever the query came. */
    static void refuseLoginParameters(Map<String, ?> query) {
        query.keySet().stream().filter(name -> LOGIN_PARAMETERS.contains(name.trim().toLowerCase(Locale.ROOT)))
                .findFirst().ifPresent(name -> {
                    throw new IllegalArgumentException("Query parameter '" + name + "' cannot be set on a request: it"
                                                       + " is Jira Data Center's login by query string, and credentials"
                                                       + " come from the security options only");
                });
    }

    private static void requireToken(String name, String what) {
        if (name.isEmpty() || !name.chars().allMatch(c -> c > 0x20 && c < 0x7f
                && (Character.isLetterOrDigit(c) || TOKEN_CHARS.indexOf(c) >= 0))) {
            throw new IllegalArgumentException(what + " '" + name + "' is not a valid HTTP token");
        }
    }

    /** RFC 6265 cookie-octet. */
    private static boolean isCookieOctet(int c) {
        return c == 0x21 || c >= 0x23 && c <= 0x2b || c >= 0x2d && c <= 0x3a || c >= 0x3c && c <= 0x5b
               || c >= 0x5d && c <= 0x7e;
    }
}
