package org.jiraq.simulator;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user's browser at the simulator's consent screen ({@link AtlassianOAuth2#interactiveConsent()}), for tests that
 * play the user over real HTTP: it opens the URL an app sent the user to, following redirects the way a browser does
 * until the consent form, submits the user's decision, and follows the redirect back to the app's callback. It keeps
 * cookies, as a browser does, so an app can bind the consent to it.
 *
 * <pre>{@code
 * HttpResponse<String> page = ConsentBrowser.approve(connectUrl);   // the app's callback page, after consent
 * }</pre>
 */
public final class ConsentBrowser {

    static final String TICKET = "consent_ticket";
    static final String DECISION = "decision";
    static final String APPROVE = "approve";
    static final String DENY = "deny";
    private static final Pattern FORM = Pattern.compile(
            "<form method=\"post\" action=\"([^\"]+)\">.*?name=\"" + TICKET + "\" value=\"([0-9a-f]+)\"", Pattern.DOTALL);
    private static final int MAX_REDIRECTS = 10;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();

    /** A browser with no cookies yet. */
    public ConsentBrowser() {
    }

    /** In a new browser: opens {@code url}, approves on the consent screen, and returns the callback's page. */
    public static HttpResponse<String> approve(URI url) throws IOException, InterruptedException {
        return new ConsentBrowser().decide(url, APPROVE);
    }

    /** In a new browser: opens {@code url}, denies on the consent screen, and returns the callback's page. */
    public static HttpResponse<String> deny(URI url) throws IOException, InterruptedException {
        return new ConsentBrowser().decide(url, DENY);
    }

    /** Opens {@code url} in this browser, without following redirects, keeping the cookies it sets. */
    public HttpResponse<String> open(URI url) throws IOException, InterruptedException {
        return get(url);
    }

    /** In this browser: opens {@code url}, approves on the consent screen, and returns the callback's page. */
    public HttpResponse<String> approveAt(URI url) throws IOException, InterruptedException {
        return decide(url, APPROVE);
    }

    /** The consent screen: what the app asks for, and the form that sends the user's decision back. */
    static String page(String action, String ticket, String clientId, String scope) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Allow access to Jira?</title></head><body>"
               + "<p>" + escape(clientId) + " asks to access your Jira account with the scopes: " + escape(scope) + "</p>"
               + "<form method=\"post\" action=\"" + escape(action) + "\">"
               + "<input type=\"hidden\" name=\"" + TICKET + "\" value=\"" + ticket + "\">"
               + "<button name=\"" + DECISION + "\" value=\"" + APPROVE + "\">Accept</button>"
               + "<button name=\"" + DECISION + "\" value=\"" + DENY + "\">Cancel</button>"
               + "</form></body></html>";
    }

    private HttpResponse<String> decide(URI url, String decision) throws IOException, InterruptedException {
        HttpResponse<String> screen = follow(get(url));
        Matcher form = FORM.matcher(screen.body());
        if (screen.statusCode() != 200 || !form.find()) {
            throw new IllegalStateException("No consent screen at " + screen.uri() + " (HTTP " + screen.statusCode()
                                            + "): " + screen.body());
        }
        URI action = screen.uri().resolve(form.group(1));
        String body = TICKET + "=" + form.group(2) + "&" + DECISION + "=" + URLEncoder.encode(decision,
                StandardCharsets.UTF_8);
        return follow(http.send(HttpRequest.newBuilder(action).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    private HttpResponse<String> get(URI url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> follow(HttpResponse<String> response) throws IOException, InterruptedException {
        HttpResponse<String> current = response;
        for (int i = 0; i < MAX_REDIRECTS && current.statusCode() / 100 == 3; i++) {
            current = get(current.uri().resolve(current.headers().firstValue("Location").orElseThrow()));
        }
        return current;
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
