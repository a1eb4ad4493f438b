package org.jiraq.camel.client;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A path below one of Jira's REST roots, as a route names it for the generic request operations (from an option, a
 * header or a Camel expression). It is checked before anything is sent: the path can only add to the site's REST
 * root, never replace the host or climb out of the root, so the credentials the client adds go to the site alone.
 *
 * @param path  the path from the site root, percent-encoded, for example {@code /rest/api/3/issue/DEMO-1}
 * @param query the decoded query parameters the path carried after a {@code ?}, in order
 */
public record RestPath(String path, Map<String, List<String>> query) {

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");

    /**
     * Checks and resolves {@code raw} below {@code root} ({@code /rest} or {@code /rest/servicedeskapi}). The root may
     * be written out or left off: {@code /api/3/myself} and {@code /rest/api/3/myself} name the same resource. Each
     * segment is checked as servlet containers and proxies may read it ({@link PathSegment}) and sent in one
     * unambiguous encoding.
     *
     * @param source what to name in error messages, for example "option 'path' or header CamelJiraqPath"
     */
    public static RestPath below(String root, String raw, String source) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("A path is required: set " + source + ", for example "
                                               + ("/rest".equals(root) ? "/api/3/myself" : "/servicedesk"));
        }
        String text = raw.trim();
        refuseForeignTargets(text, source);
        int question = text.indexOf('?');
        String pathPart = question < 0 ? text : text.substring(0, question);
        Map<String, List<String>> query = question < 0 ? Map.of() : parseQuery(text.substring(question + 1), source);
        String path = canonical(pathPart.startsWith("/") ? pathPart.substring(1) : pathPart, root, raw, source);
        if (!path.equals(root) && !path.startsWith(root + "/")) {
            path = root + path;
        }
        return new RestPath(path, query);
    }

    private static void refuseForeignTargets(String text, String source) {
        for (char c : text.toCharArray()) {
            if (c < 0x20 || c == 0x7f) {
                throw refused(text, source, "it contains control characters");
            }
        }
        if (text.indexOf('\\') >= 0) {
            throw refused(text, source, "backslashes are not allowed: some servers read them as '/'");
        }
        if (text.startsWith("//")) {
            throw refused(text, source, "a scheme-relative URL would leave the site; give a path below the REST root");
        }
        if (SCHEME.matcher(text).matches() && text.indexOf(':') < slashOrEnd(text)) {
            throw refused(text, source,
                    "absolute URLs are not allowed; give a path below the REST root, the site comes from option 'baseUrl'");
        }
        if (text.indexOf('#') >= 0) {
            throw refused(text, source, "fragments ('#') are not allowed");
        }
    }

    /** The path from the site root, each segment in its one checked encoding. */
    private static String canonical(String relative, String root, String raw, String source) {
        String[] segments = relative.split("/", -1);
        StringBuilder path = new StringBuilder(relative.length() + 8);
        for (int i = 0; i < segments.length; i++) {
            try {
                path.append('/').append(PathSegment.canonical(segments[i], i == segments.length - 1,
                        root.isEmpty() ? "the API's root" : root));
            } catch (IllegalArgumentException e) {
                throw refused(raw, source, e.getMessage());
            }
        }
        return path.toString();
    }

    private static Map<String, List<String>> parseQuery(String query, String source) {
        try {
            return decodeQuery(query);
        } catch (IllegalArgumentException e) {
            throw refused("?" + query, source, "its query holds a malformed percent-encoding");
        }
    }

    /** The parameters of a raw query string ({@code a=1&b=x%20y}), decoded, in order; a name may repeat. */
    static Map<String, List<String>> decodeQuery(String query) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (query == null) {
            return params;
        }
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        return params;
    }

    private static int slashOrEnd(String text) {
        int slash = text.indexOf('/');
        return slash < 0 ? text.length() : slash;
    }

    private static IllegalArgumentException refused(String path, String source, String why) {
        return new IllegalArgumentException("Path '" + path + "' from " + source + " is refused: " + why);
    }
}
