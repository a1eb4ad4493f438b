package org.jiraq.camel.client;

import java.util.function.BiConsumer;

import org.apache.hc.core5.http.Header;

/** The headers of one of Jira's answers, in the order sent; names compare ignoring case. */
public final class ResponseHeaders {

    public static final ResponseHeaders NONE = new ResponseHeaders(new Header[0]);

    private final Header[] headers;

    private ResponseHeaders(Header[] headers) {
        this.headers = headers;
    }

    /** The headers as the HTTP client read them (kept, not copied: its headers are immutable). */
    public static ResponseHeaders of(Header[] headers) {
        return headers.length == 0 ? NONE : new ResponseHeaders(headers);
    }

    /** The first value of the header, or null when Jira did not send it. */
    public String first(String name) {
        for (Header header : headers) {
            if (header.getName().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }

    /** Every header line as name and value, in the order sent; a repeated header comes once per line. */
    public void forEach(BiConsumer<String, String> action) {
        for (Header header : headers) {
            action.accept(header.getName(), header.getValue());
        }
    }
}
