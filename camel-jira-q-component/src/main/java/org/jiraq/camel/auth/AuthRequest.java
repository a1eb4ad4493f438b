package org.jiraq.camel.auth;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The parts of an outgoing request an {@link AuthStrategy} may read (OAuth 1.0a signs method, URI and form
 * parameters) and the one thing it may do: set a header.
 *
 * @param method         the HTTP method, upper case
 * @param uri            the absolute URI, query included
 * @param formParameters the decoded parameters of an {@code application/x-www-form-urlencoded} body, else empty
 * @param credentialId   the stored grant to use (OAuth 2.0), or null for the endpoint's default
 * @param headerSetter   sets (replaces) a request header
 */
public record AuthRequest(
        String method, URI uri, Map<String, List<String>> formParameters, String credentialId,
        BiConsumer<String, String> headerSetter) {

    public void setHeader(String name, String value) {
        headerSetter.accept(name, value);
    }
}
