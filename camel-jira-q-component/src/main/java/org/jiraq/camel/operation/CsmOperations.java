package org.jiraq.camel.operation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.jiraq.camel.JiraqApi;
import org.jiraq.camel.JiraqConfiguration;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqCsmResource;
import org.jiraq.camel.JiraqEndpoint;
import org.jiraq.camel.client.JiraqClient;
import org.jiraq.camel.client.JiraqRequest;
import org.jiraq.camel.client.Json;
import org.jiraq.camel.client.PageStyle;
import org.jiraq.camel.client.Paginator;

/**
 * Jira Customer Service Management (Cloud, on Atlassian's gateway): csmList, csmGet, csmCreate and csmUpdate of
 * organizations, customers, products and entitlements (option csmResource). Lists walk every page: products by
 * {@code nextPageCursor}, a customer's or organization's entitlements by {@code start}/{@code limit} (an experimental
 * API: {@code X-ExperimentalApi: opt-in} is sent), pageSize at a time up to the API's limits (100 products, 25
 * entitlements), maxResults in all; organizations fetched by id or name at most 50 per call. Bodies pass
 * as JSON; answers come back as maps and lists.
 */
public final class CsmOperations {

    /** The most the API takes or gives at a time: organizations fetched, products and entitlements per page. */
    private static final int FETCH_BATCH = 50;
    private static final int MAX_PRODUCTS = 100;
    private static final int MAX_ENTITLEMENTS = 25;
    private static final String EXPERIMENTAL_HEADER = "X-ExperimentalApi";

    private final JiraqEndpoint endpoint;
    private final JiraqConfiguration config;
    private final GatewayApis gateway;
    private final Outputs outputs;

    public CsmOperations(JiraqEndpoint endpoint) {
        this.endpoint = endpoint;
        this.config = endpoint.getConfiguration();
        this.gateway = new GatewayApis(endpoint);
        this.outputs = new Outputs(false);
    }

    /** Every organization the body names (ids or names), every product, or an owner's entitlements, as a list. */
    public void list(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        JiraqClient csm = client(exchange);
        List<Object> items = new ArrayList<>();
        switch (resource("csmList")) {
            case organization -> fetchOrganizations(csm, in, items);
            case product -> collect(csm.paginate(JiraqRequest.get("/product")
                    .query("limit", Math.min(config.getPageSize(), MAX_PRODUCTS)).build(),
                    PageStyle.nextPageCursor(), config.getMaxResults()), items);
            case entitlement -> collect(csm.paginate(JiraqRequest.get("/entitlements")
                    .query("entityType", entityType(in, "csmList").toUpperCase(Locale.ROOT))
                    .query("entityId", required(in, JiraqConstants.CSM_ENTITY_ID, "csmList of entitlements"))
                    .query("limit", Math.min(config.getPageSize(), MAX_ENTITLEMENTS))
                    .header(EXPERIMENTAL_HEADER, "opt-in").build(), PageStyle.serviceManagement(), config.getMaxResults()),
                    items);
            case customer -> throw new IllegalArgumentException("The Customer Service Management API lists no customers:"
                                                                + " read one with csmGet and header "
                                                                + JiraqConstants.CSM_ID);
        }
        in.setHeader(JiraqConstants.RESULT_COUNT, items.size());
        in.setBody(items);
    }

    /** One organization, customer, product or entitlement, by header CamelJiraqCsmId. */
    public void get(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        String id = Inputs.segment(required(in, JiraqConstants.CSM_ID, "csmGet"));
        String path = switch (resource("csmGet")) {
            case organization -> "/organization/" + id;
            case customer -> "/customer/" + id;
            case product -> "/product/" + id;
            case entitlement -> "/entitlement/" + id;
        };
        in.setBody(outputs.value(client(exchange).execute(JiraqRequest.get(path).build()).json()));
    }

    /** Creates what the body describes; an entitlement for the owner in the CamelJiraqCsmEntity* headers. */
    public void create(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        String path = switch (resource("csmCreate")) {
            case organization -> "/organization";
            case customer -> "/customer";
            case product -> "/product";
            case entitlement -> "/" + entityType(in, "csmCreate") + "/"
                                + Inputs.segment(required(in, JiraqConstants.CSM_ENTITY_ID, "csmCreate of an entitlement"))
                                + "/entitlement";
        };
        JsonNode created = client(exchange).execute(JiraqRequest.post(path).json(body(in, "csmCreate")).build()).json();
        if (created.hasNonNull("id")) {
            in.setHeader(JiraqConstants.CSM_ID, created.get("id").asText());
        }
        in.setBody(outputs.value(created));
    }

    /** Renames an organization, customer or product, or sets an entitlement's details, from the body. */
    public void update(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        String id = Inputs.segment(required(in, JiraqConstants.CSM_ID, "csmUpdate"));
        String path = switch (resource("csmUpdate")) {
            case organization -> "/organization/" + id;
            case customer -> "/customer/account/" + id;
            case product -> "/product/" + id;
            case entitlement -> "/entitlement/" + id + "/details";
        };
        in.setBody(outputs.value(client(exchange).execute(JiraqRequest.put(path).json(body(in, "csmUpdate")).build())
                .json()));
    }

    /** Fetches the organizations the body names, at most 50 per call as the API allows. */
    private void fetchOrganizations(JiraqClient csm, Message in, List<Object> items) throws IOException {
        JsonNode request = body(in, "csmList of organizations");
        for (String field : List.of("ids", "names")) {
            JsonNode wanted = request.path(field);
            for (int from = 0; from < wanted.size(); from += FETCH_BATCH) {
                ObjectNode batch = Json.MAPPER.createObjectNode();
                ArrayNode part = batch.putArray(field);
                for (int i = from; i < Math.min(wanted.size(), from + FETCH_BATCH); i++) {
                    part.add(wanted.get(i));
                }
                csm.execute(JiraqRequest.post("/organization/fetch").json(batch).build()).json().path("values")
                        .forEach(org -> items.add(outputs.value(org)));
            }
        }
    }

    private void collect(Paginator pages, List<Object> items) {
        pages.forEachRemaining(item -> items.add(outputs.value(item)));
    }

    private JiraqClient client(Exchange exchange) throws IOException {
        return gateway.client(exchange, JiraqApi.customerServiceManagement);
    }

    private JiraqCsmResource resource(String operation) {
        if (config.getCsmResource() == null) {
            throw new IllegalArgumentException("Option 'csmResource' is required for " + operation
                                               + ": organization, customer, product or entitlement");
        }
        return config.getCsmResource();
    }

    private static String entityType(Message in, String operation) {
        String type = required(in, JiraqConstants.CSM_ENTITY_TYPE, operation + " of entitlements").trim()
                .toLowerCase(Locale.ROOT);
        if (!"customer".equals(type) && !"organization".equals(type)) {
            throw new IllegalArgumentException("Header " + JiraqConstants.CSM_ENTITY_TYPE + " must be customer or"
                                               + " organization, not '" + type + "'");
        }
        return type;
    }

    private static String required(Message in, String header, String operation) {
        String value = in.getHeader(header, String.class);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(operation + " needs header " + header);
        }
        return value.trim();
    }

    /** The body as a JSON object: a Map, a JSON string or a Jackson node. */
    private static JsonNode body(Message in, String operation) {
        JsonNode body = Inputs.jsonObjectBody(in);
        if (body == null) {
            throw new IllegalArgumentException(operation + " needs a JSON object as the body, for example"
                                               + " {\"name\":\"Acme\"}");
        }
        return body;
    }
}
