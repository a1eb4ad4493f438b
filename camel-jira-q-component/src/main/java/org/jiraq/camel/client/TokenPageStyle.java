package org.jiraq.camel.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Token paging: Jira hands out the next page's token, and leaves it out on the last page. */
final class TokenPageStyle implements PageStyle {

    private final String itemsField;

    TokenPageStyle(String itemsField) {
        this.itemsField = itemsField;
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
            body.put("nextPageToken", token);
            return current.withJsonBody(body);
        }
        return current.withQueryParam("nextPageToken", token);
    }

    @Override
    public String nextPosition(JiraqRequest current, JsonNode page, int itemCount) {
        String token = page.path("nextPageToken").asText(null);
        if (token == null || token.isEmpty() || page.path("isLast").asBoolean(false)) {
            return null;
        }
        return token;
    }
}
