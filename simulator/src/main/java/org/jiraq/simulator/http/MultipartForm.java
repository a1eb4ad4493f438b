package org.jiraq.simulator.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code multipart/form-data} body part by part, the way Jira's upload handler does. A part's content is
 * measured and hashed where it lies in the request, never copied, so large uploads cost no extra memory.
 */
public final class MultipartForm {

    /** One part: its form field, file name and type, and what its content amounted to. */
    public record Part(String field, String filename, String contentType, long size, String sha256) {
    }

    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=(\"([^\"]+)\"|[^;\\s]+)");
    private static final Pattern DISPOSITION_PARAM = Pattern.compile("(?i);\\s*(name|filename)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final byte[] CRLF_CRLF = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private MultipartForm() {
    }

    /** The parts of {@code body}; a body that is not well-formed multipart is Jira's 400. */
    public static List<Part> parse(String contentType, byte[] body) {
        String boundary = boundary(contentType);
        byte[] first = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
        int position = indexOf(body, first, 0);
        if (position < 0) {
            throw ApiException.badRequest("The multipart body has no part boundary.");
        }
        position += first.length;
        List<Part> parts = new ArrayList<>();
        while (true) {
            if (startsWith(body, position, "--")) {
                return parts;
            }
            if (!startsWith(body, position, "\r\n")) {
                throw ApiException.badRequest("The multipart body is malformed after a boundary.");
            }
            int headersEnd = indexOf(body, CRLF_CRLF, position + 2);
            if (headersEnd < 0) {
                throw ApiException.badRequest("A multipart part has no end of headers.");
            }
            String headers = new String(body, position + 2, headersEnd - position - 2, StandardCharsets.UTF_8);
            int contentStart = headersEnd + CRLF_CRLF.length;
            int contentEnd = indexOf(body, delimiter, contentStart);
            if (contentEnd < 0) {
                throw ApiException.badRequest("The multipart body ends before its closing boundary.");
            }
            parts.add(part(headers, body, contentStart, contentEnd));
            position = contentEnd + delimiter.length;
        }
    }

    private static Part part(String headers, byte[] body, int from, int to) {
        String field = null;
        String filename = null;
        String type = "application/octet-stream";
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            String name = colon < 0 ? "" : line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = colon < 0 ? "" : line.substring(colon + 1).trim();
            if (name.equals("content-disposition")) {
                Matcher param = DISPOSITION_PARAM.matcher(value);
                while (param.find()) {
                    if (param.group(1).equalsIgnoreCase("name")) {
                        field = param.group(2);
                    } else {
                        filename = param.group(2);
                    }
                }
            } else if (name.equals("content-type")) {
                type = value;
            }
        }
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        sha256.update(body, from, to - from);
        return new Part(field, filename, type, to - from, HexFormat.of().formatHex(sha256.digest()));
    }

    private static String boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw new ApiException(ApiResponse.error(415, "Attachments must be sent as multipart/form-data."));
        }
        Matcher matcher = BOUNDARY.matcher(contentType);
        if (!matcher.find()) {
            throw ApiException.badRequest("The multipart content type names no boundary.");
        }
        return matcher.group(2) != null ? matcher.group(2) : matcher.group(1);
    }

    private static boolean startsWith(byte[] body, int at, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        if (at + bytes.length > body.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if (body[at + i] != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] body, byte[] target, int from) {
        byte head = target[0];
        int last = body.length - target.length;
        outer:
        for (int i = from; i <= last; i++) {
            if (body[i] != head) {
                continue;
            }
            for (int j = 1; j < target.length; j++) {
                if (body[i + j] != target[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
