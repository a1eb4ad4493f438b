package org.jiraq.camel.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Token paging: the answer hands out the next page's token (Jira Cloud's {@code nextPageToken}, Customer Service
 * Management's {@code nextPageCursor}) and leaves it out on the last page; the next request carries it back under its
 * parameter name ({@code nextPageToken}, {@code cursor}).
 */
final class TokenPageStyle implements PageStyle {

    private final String itemsField;
    private final String tokenField;
    private final String tokenParam;

    TokenPageStyle(String itemsField, String tokenField, String tokenParam) {
        this.itemsField = itemsField;
        this.tokenField = tokenField;
        this.tokenParam = tokenParam;
    }

    @Override
    public JsonNode items(JsonNode page) {
        return page.path(itemsField);
    }

    @Override
    public JiraqRequest next(JiraqRequest current, JsonNode page, int itemCount) {
        String token = nextPosition(current, page, itemCount);
        if (token == null) {
            return null;
        }
        if (current.jsonBody() != null) {
            ObjectNode body = Json.toNode(current.jsonBody()).deepCopy();
            body.put(tokenParam, token);
            return current.withJsonBody(body);
        }
        return current.withQueryParam(tokenParam, token);
    }

    @Override
    public String nextPosition(JiraqRequest current, JsonNode page, int itemCount) {
        String token = page.path(tokenField).asText(null);
        if (token == null || token.isEmpty() || page.path("isLast").asBoolean(false)) {
            return null;
        }
        return token;
    }
}
