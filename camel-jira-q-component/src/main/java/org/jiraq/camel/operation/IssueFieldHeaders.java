package org.jiraq.camel.operation;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.JiraqDeployment;
import org.jiraq.camel.JiraqEndpoint;
import org.jiraq.camel.client.JiraqRequest;
import org.jiraq.camel.client.Json;

/**
 * The headers for the fields integrations set most (priority, assignee, labels, components, fix versions, due date,
 * parent), turned into Jira's field values, so no route has to build Jira's nested JSON by hand.
 */
final class IssueFieldHeaders {

    /** The assignee that stands for the user the endpoint signs in as. */
    static final String ME = "me";

    private final JiraqEndpoint endpoint;
    /** Who "me" is, per OAuth 2.0 credential ("" for the endpoint's own); asked once. */
    private final Map<String, String> me = new ConcurrentHashMap<>();

    IssueFieldHeaders(JiraqEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** Sets the fields whose headers are present; the others are left as they are. */
    void apply(Exchange exchange, ObjectNode fields) throws IOException {
        Message in = exchange.getMessage();
        String priority = text(in, JiraqConstants.PRIORITY);
        if (priority != null) {
            fields.set("priority", byIdOrName(priority, "name"));
        }
        String assignee = text(in, JiraqConstants.ASSIGNEE);
        if (assignee != null) {
            String user = ME.equalsIgnoreCase(assignee) ? me(exchange) : assignee;
            fields.set("assignee", Json.object().put(cloud() ? "accountId" : "name", user));
        }
        List<String> labels = list(in, JiraqConstants.LABELS);
        if (labels != null) {
            ArrayNode array = fields.putArray("labels");
            labels.forEach(array::add);
        }
        List<String> components = list(in, JiraqConstants.COMPONENTS);
        if (components != null) {
            fields.set("components", named(components));
        }
        List<String> versions = list(in, JiraqConstants.FIX_VERSIONS);
        if (versions != null) {
            fields.set("fixVersions", named(versions));
        }
        Object due = in.getHeader(JiraqConstants.DUE_DATE);
        if (due != null && !(due instanceof String s && s.isBlank())) {
            fields.put("duedate", date(due).toString());
        }
        String parent = text(in, JiraqConstants.PARENT);
        if (parent != null) {
            fields.set("parent", byIdOrName(parent, "key"));
        }
    }

    private boolean cloud() {
        return endpoint.getDeployment() == JiraqDeployment.cloud;
    }

    /** The signed-in user as an assignee: the account id on Cloud, the user name on Data Center; asked once. */
    private String me(Exchange exchange) throws IOException {
        String credential = exchange.getMessage().getHeader(JiraqConstants.CREDENTIAL_ID, "", String.class);
        String known = me.get(credential);
        if (known == null) {
            known = endpoint.getClient(exchange).execute(JiraqRequest.get(endpoint.apiPath() + "/myself").build())
                    .json().path(cloud() ? "accountId" : "name").asText();
            me.put(credential, known);
        }
        return known;
    }

    /** Digits are an id; anything else is the name (or key). */
    private static ObjectNode byIdOrName(String value, String nameField) {
        return value.chars().allMatch(Character::isDigit)
                ? Json.object().put("id", value) : Json.object().put(nameField, value);
    }

    private static ArrayNode named(List<String> names) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        names.forEach(name -> array.add(Json.object().put("name", name)));
        return array;
    }

    private static String text(Message in, String header) {
        String value = in.getHeader(header, String.class);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A Collection, an array or a comma-separated String; null when the header is absent. */
    private static List<String> list(Message in, String header) {
        Object value = in.getHeader(header);
        Collection<?> items = value instanceof Collection<?> c ? c
                : value instanceof Object[] a ? Arrays.asList(a)
                : value instanceof String s ? Arrays.asList(s.split(","))
                : value == null ? null : List.of(value);
        if (items == null) {
            return null;
        }
        List<String> list = new ArrayList<>();
        for (Object item : items) {
            String text = item == null ? "" : item.toString().trim();
            if (!text.isEmpty()) {
                list.add(text);
            }
        }
        return list;
    }

    /** The date of a date, date-time or instant (in this JVM's zone), or of a yyyy-MM-dd or ISO date-time String. */
    private static LocalDate date(Object value) {
        ZoneId zone = ZoneId.systemDefault();
        if (value instanceof LocalDate date) {
            return date;
        } else if (value instanceof LocalDateTime time) {
            return time.toLocalDate();
        } else if (value instanceof OffsetDateTime time) {
            return time.toLocalDate();
        } else if (value instanceof ZonedDateTime time) {
            return time.toLocalDate();
        } else if (value instanceof Instant instant) {
            return LocalDate.ofInstant(instant, zone);
        } else if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        } else if (value instanceof Date date) {
            return LocalDate.ofInstant(date.toInstant(), zone);
        }
        String text = value.toString().trim();
        try {
            return text.length() == 10 ? LocalDate.parse(text) : OffsetDateTime.parse(text).toLocalDate();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Header " + JiraqConstants.DUE_DATE + " must be a date (yyyy-MM-dd), a"
                                               + " date-time or a LocalDate, not '" + text + "'", e);
        }
    }
}
