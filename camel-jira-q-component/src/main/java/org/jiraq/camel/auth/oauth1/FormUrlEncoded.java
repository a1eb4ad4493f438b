package org.jiraq.camel.auth.oauth1;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Decodes application/x-www-form-urlencoded text (a query string, or the token answers of the OAuth 1.0a dance). */
final class FormUrlEncoded {

    private FormUrlEncoded() {
    }

    /** The name-value pairs in order, repeated names kept, a + read as a space, a missing = as an empty value. */
    static List<Map.Entry<String, String>> parse(String text) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        if (text == null) {
            return pairs;
        }
        for (String pair : text.trim().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            pairs.add(Map.entry(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8)));
        }
        return pairs;
    }

    /** The first value of a name, or null. */
    static String first(List<Map.Entry<String, String>> pairs, String name) {
        return pairs.stream().filter(p -> p.getKey().equals(name)).map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
