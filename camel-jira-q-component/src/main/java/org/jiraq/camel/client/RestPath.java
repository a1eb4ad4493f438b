package org.jiraq.camel.client;

import java.io.ByteArrayOutputStream;
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
    /** Characters a path may hold as they are (RFC 3986 pchar and '/'); everything else is percent-encoded. */
    private static final String PATH_CHARS = "-._~!$&'()*+,;=:@/";

    /**
     * Checks and resolves {@code raw} below {@code root} ({@code /rest} or {@code /rest/servicedeskapi}). The root may
     * be written out or left off: {@code /api/3/myself} and {@code /rest/api/3/myself} name the same resource.
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
        String path = pathPart.startsWith("/") ? pathPart : "/" + pathPart;
        if (!path.equals(root) && !path.startsWith(root + "/")) {
            path = root + path;
        }
        refuseDotSegments(root, path, raw, source);
        return new RestPath(encodeIllegal(path), query);
    }

    private static void refuseForeignTargets(String text, String source) {
        for (char c : text.toCharArray()) {
            if (c < 0x20 || c == 0x7f) {
                throw refused(text, source, "it contains control characters");
            }
        }
        if (text.indexOf('\\') >= 0) {
            throw refused(text, source, "backslashes are not allowed");
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

    /** Dot segments, plain or percent-encoded, could climb out of the root once a server decodes them. */
    private static void refuseDotSegments(String root, String path, String raw, String source) {
        if (path.toLowerCase(java.util.Locale.ROOT).contains("%25")) {
            throw refused(raw, source, "double percent-encoding ('%25') is not allowed");
        }
        String decoded = decode(path, raw, source);
        if (decoded.indexOf('\\') >= 0 || decoded.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw refused(raw, source, "encoded backslashes or control characters are not allowed");
        }
        for (String segment : decoded.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                throw refused(raw, source, "'.' and '..' segments (also percent-encoded) are not allowed: the path must"
                                           + " stay below " + root);
            }
        }
    }

    private static String decode(String path, String raw, String source) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%') {
                if (i + 2 >= path.length() || Character.digit(path.charAt(i + 1), 16) < 0
                        || Character.digit(path.charAt(i + 2), 16) < 0) {
                    throw refused(raw, source, "it holds a malformed percent-encoding");
                }
                bytes.write(Integer.parseInt(path.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Keeps what is already encoded and legal; encodes spaces, quotes and other characters a path may not hold. */
    private static String encodeIllegal(String path) {
        StringBuilder out = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || PATH_CHARS.indexOf(c) >= 0 || c == '%')) {
                out.append(c);
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < path.length() ? i + 2 : i + 1;
                for (byte b : path.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(String.format("%02X", b & 0xff));
                }
                i = end - 1;
            }
        }
        return out.toString();
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
