package org.jiraq.camel;

import java.util.Arrays;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.CamelContext;
import org.apache.camel.catalog.CamelCatalog;
import org.apache.camel.catalog.DefaultCamelCatalog;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.EndpointUriFactory;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.support.PluginHelper;
import org.jiraq.camel.client.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build generates the configurers, the URI factory and the catalog JSON and compiles them into the jar; without
 * them Camel silently falls back to reflection and tooling sees no options.
 */
class JiraqComponentMetadataTest {

    private static JsonNode catalogJson() throws Exception {
        try (var in = JiraqComponentMetadataTest.class.getResourceAsStream("/META-INF/org/jiraq/camel/jiraq.json")) {
            assertThat(in).as("generated catalog JSON on the classpath").isNotNull();
            return Json.MAPPER.readTree(in);
        }
    }

    @Test
    void generatedConfigurersAndUriFactoryAreUsed() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            PropertyConfigurer configurer = PluginHelper.getConfigurerResolver(context).resolvePropertyConfigurer("jiraq-endpoint", context);
            assertThat(configurer).isNotNull();
            assertThat(configurer.getClass().getName()).isEqualTo("org.jiraq.camel.JiraqEndpointConfigurer");

            EndpointUriFactory factory = context.getCamelContextExtension().getEndpointUriFactory("jiraq");
            assertThat(factory.getClass().getName()).isEqualTo("org.jiraq.camel.JiraqEndpointUriFactory");
            assertThat(factory.buildUri("jiraq", Map.of("operation", "searchIssues", "pageSize", 10), false))
                    .isEqualTo("jiraq:searchIssues?pageSize=10");
            assertThat(factory.secretPropertyNames()).contains("apiToken", "personalAccessToken");
        }
    }

    @Test
    void catalogJsonListsEveryOperationAndDescribesEveryOption() throws Exception {
        JsonNode json = catalogJson();

        JsonNode operation = json.path("properties").path("operation");
        assertThat(operation.path("enum")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(JiraqOperation.values()).map(Enum::name).toList());
        json.path("properties").fields().forEachRemaining(option -> assertThat(option.getValue().path("description").asText())
                .as("description of option " + option.getKey()).isNotBlank());
        json.path("componentProperties").fields().forEachRemaining(option -> assertThat(option.getValue().path("description").asText())
                .as("description of component option " + option.getKey()).isNotBlank());
        json.path("headers").fields().forEachRemaining(header -> {
            assertThat(header.getKey()).startsWith("CamelJiraq");
            assertThat(header.getValue().path("description").asText()).isNotBlank();
        });
        assertThat(json.path("properties").path("apiToken").path("secret").asBoolean()).isTrue();
    }

    @Test
    void camelCatalogValidatesJiraqUrisFromTheGeneratedJson() throws Exception {
        CamelCatalog catalog = new DefaultCamelCatalog();
        catalog.addComponent("jiraq", JiraqComponent.class.getName(), catalogJson().toString());

        assertThat(catalog.validateEndpointProperties("jiraq:searchIssues?pageSize=10&searchMode=stream").isSuccess()).isTrue();
        assertThat(catalog.validateEndpointProperties("jiraq:searchIssues?searchMode=everything").isSuccess()).isFalse();
    }
}
