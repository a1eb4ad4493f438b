package org.jiraq.camel.client;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one Jackson mapper of the component, and the conversions between what routes hold and JSON. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private Json() {
    }

    /**
     * Reads what a route may hand over as JSON: a Jackson node, a String of JSON, a Map, a List or any object Jackson
     * can write.
     */
    public static JsonNode toNode(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof String text) {
            try {
                return MAPPER.readTree(text);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("The body is not valid JSON: " + e.getOriginalMessage(), e);
            }
        }
        if (value instanceof byte[] bytes) {
            return toNode(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        }
        return MAPPER.valueToTree(value);
    }

    /** A JSON object as a plain, mutable Java map, the shape Camel's simple language and YAML routes handle best. */
    public static Map<String, Object> toMap(JsonNode node) {
        if (node == null || !node.isObject()) {
            return MAPPER.convertValue(node, MAP);
        }
        // walked by hand: Jackson's convertValue writes the tree out to tokens and reads them back, which costs
        // about a fifth of a whole getIssue call (benchmarks/RESULTS.md)
        Map<String, Object> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> map.put(field.getKey(), toJava(field.getValue())));
        return map;
    }

    /** Any JSON value as plain Java: maps, lists, strings, numbers (as Jackson reads them), booleans. */
    public static Object toJava(JsonNode node) {
        if (node == null) {
            return null;
        }
        return switch (node.getNodeType()) {
            case OBJECT -> toMap(node);
            case ARRAY -> toList(node);
            case STRING -> node.textValue();
            case NUMBER -> node.numberValue();
            case BOOLEAN -> node.booleanValue();
            case NULL, MISSING -> null;
            case BINARY, POJO -> MAPPER.convertValue(node, Object.class);
        };
    }

    public static List<Object> toList(JsonNode array) {
        if (array == null || !array.isArray()) {
            return MAPPER.convertValue(array, new TypeReference<List<Object>>() {
            });
        }
        List<Object> list = new ArrayList<>(array.size());
        array.forEach(item -> list.add(toJava(item)));
        return list;
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static byte[] write(Object value) {
        try {
            return value instanceof String text ? text.getBytes(java.nio.charset.StandardCharsets.UTF_8)
                    : MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot write " + value.getClass().getName() + " as JSON: "
                                               + e.getMessage(), e);
        }
    }
}
