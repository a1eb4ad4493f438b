package org.jiraq.camel.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's spring-configuration-metadata.json (what IDEs complete from) names every option of the component's
 * catalog JSON under camel.component.jiraq, with the component's description, so an option added to the component
 * cannot be missing from Spring Boot.
 */
class ConfigurationMetadataTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyComponentOptionIsDescribedForIdes() throws IOException {
        JsonNode catalog = read("META-INF/org/jiraq/camel/jiraq.json");
        Map<String, JsonNode> metadata = new HashMap<>();
        for (JsonNode property : read("META-INF/spring-configuration-metadata.json").get("properties")) {
            metadata.put(property.get("name").asText(), property);
        }

        assertThat(catalog.get("componentProperties").properties()).hasSizeGreaterThan(40).allSatisfy(option -> {
            JsonNode property = metadata.get("camel.component.jiraq." + kebab(option.getKey()));
            assertThat(property).as(option.getKey()).isNotNull();
            assertThat(property.path("description").asText()).isEqualTo(option.getValue().get("description").asText());
        });
        assertThat(metadata.get("camel.component.jiraq.max-retries").get("defaultValue").asInt()).isEqualTo(
                catalog.at("/componentProperties/maxRetries/defaultValue").asInt());
        assertThat(metadata.get("camel.component.jiraq.cycle-period").get("defaultValue").asLong())
                .as("7d in milliseconds").isEqualTo(7L * 24 * 60 * 60 * 1000);
        assertThat(metadata).containsKeys("camel.component.jiraq.enabled", "camel.component.jiraq.customizer.enabled");
    }

    private static String kebab(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = ConfigurationMetadataTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return JSON.readTree(in);
        }
    }
}
