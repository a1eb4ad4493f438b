package org.jiraq.camel.client;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One segment of a path a route gives to the generic request, read the ways the servers between us and Jira may read
 * it, and written back in one unambiguous form. Servlet containers cut path parameters ({@code ;...}) off before they
 * resolve dot segments, decode percent-encodings (some twice, some {@code %u}-style, some overlong UTF-8), and take
 * backslashes or encoded slashes as separators (Tomcat when configured so, Jetty in legacy modes, proxies in front);
 * a segment that any of those readings turns into {@code .}, {@code ..} or a separator could climb out of the REST
 * root with the credentials, so it is refused, naming the reading. What remains is decoded once and re-encoded, so
 * every server sees the same segment the check saw.
 */
final class PathSegment {

    /** Characters a segment keeps as they are (RFC 3986 unreserved and the sub-delimiters but ';', plus ':' '@'). */
    private static final String KEPT = "-._~!$&'()*+,=:@";
    /** How many further decodings a segment is checked for, after the one every server does. */
    private static final int DEEPER_DECODINGS = 3;
    private static final Pattern UTF16_ESCAPE = Pattern.compile("%[uU][0-9a-fA-F]{4}");
    /**
     * Characters without a compatibility decomposition that Windows best-fit mappings and some proxies read as a
     * slash or a backslash: division slash, fraction slash, big solidus, big reverse solidus, set minus.
     */
    private static final String SEPARATOR_LOOKALIKES = "\u2215\u2044\u29F8\u29F9\u2216";

    private PathSegment() {
    }

    /**
     * The segment as it is sent: decoded once and re-encoded.
     *
     * @param  segment                  the segment as the route wrote it (between two '/'), possibly percent-encoded
     * @param  last                     whether it ends the path: only there may it be empty (a trailing slash)
     * @throws IllegalArgumentException naming the reading that would make it unsafe, without the path (the caller
     *                                  names it)
     */
    static String canonical(String segment, boolean last, String root) {
        if (segment.isEmpty() && !last) {
            throw new IllegalArgumentException("it has an empty segment ('//'): servers disagree on what it means;"
                                               + " check for a missing value between the slashes");
        }
        if (segment.indexOf(';') >= 0) {
            throw new IllegalArgumentException("path parameters (';') are not allowed: Jira's REST API takes none, and"
                                               + " servlet containers cut them off before they resolve '..' (so '..;'"
                                               + " climbs out of " + root + "); write a ';' that belongs to a name as %3B");
        }
        String decoded = decode(segment, true);
        check(decoded, root, false);
        String deeper = decoded;
        for (int i = 0; i < DEEPER_DECODINGS && deeper.indexOf('%') >= 0; i++) {
            deeper = decode(deeper, false);
            check(deeper, root, true);
        }
        return encode(decoded);
    }

    /**
     * Decodes the percent-encodings of one layer as UTF-8. The first layer must be well formed; a deeper layer that is
     * not a percent-encoding (a literal '%', as in "100%") is left as it is.
     */
    private static String decode(String text, boolean firstLayer) {
        if (UTF16_ESCAPE.matcher(text).find()) {
            throw new IllegalArgumentException((firstLayer ? "" : "once decoded, ") + "it holds a '%u' encoding, which"
                                               + " some servers decode to any character: write characters as UTF-8"
                                               + " percent-encodings (%XX)");
        }
        ByteBuffer bytes = ByteBuffer.allocate(text.length() * 4);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                int high = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(text.charAt(i + 2), 16);
                if (low >= 0) {
                    bytes.put((byte) (high << 4 | low));
                    i += 2;
                    continue;
                }
                if (firstLayer) {
                    throw new IllegalArgumentException("it holds a malformed percent-encoding: write a literal '%'"
                                                       + " as %25");
                }
            }
            int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
            bytes.put(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
            i = end - 1;
        }
        bytes.flip();
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException((firstLayer ? "" : "once decoded, ") + "it holds percent-encoded bytes"
                                               + " that are not valid UTF-8 (overlong forms such as %C0%AE are read as"
                                               + " '.' by some servers): encode characters as UTF-8");
        }
    }

    /** Refuses a reading of the segment that a server could take as a separator or a dot segment. */
    private static void check(String reading, String root, boolean deeper) {
        String layer = deeper ? "once decoded again (double percent-encoding), " : "";
        if (reading.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(layer + "it holds encoded control characters");
        }
        String compatible = Normalizer.normalize(reading, Normalizer.Form.NFKC);
        if (compatible.indexOf('/') >= 0 || reading.indexOf('/') >= 0) {
            throw new IllegalArgumentException(layer + "it holds an encoded slash ('%2F' or a look-alike such as"
                                               + " U+FF0F): servers disagree on whether it separates segments; pass"
                                               + " such a value as a query parameter");
        }
        if (compatible.indexOf('\\') >= 0 || compatible.chars().anyMatch(c -> SEPARATOR_LOOKALIKES.indexOf(c) >= 0)) {
            throw new IllegalArgumentException(layer + "it holds encoded backslashes ('%5C') or characters that some"
                                               + " servers read as a slash or a backslash");
        }
        if (isDots(compatible.split(";", -1)[0])) {
            throw new IllegalArgumentException(layer + "'.' and '..' segments (also percent-encoded, with path"
                                               + " parameters, or as Unicode dots such as U+FF0E) are not allowed: the"
                                               + " path must stay below " + root);
        }
    }

    /** Whether a segment is only dots (and the spaces Windows servers drop), which servers resolve as '.' or '..'. */
    private static boolean isDots(String text) {
        String trimmed = text.strip();
        return !trimmed.isEmpty() && trimmed.chars().allMatch(c -> c == '.' || Character.isWhitespace(c));
    }

    private static String encode(String decoded) {
        StringBuilder out = new StringBuilder(decoded.length() + 8);
        for (byte b : decoded.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || KEPT.indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
