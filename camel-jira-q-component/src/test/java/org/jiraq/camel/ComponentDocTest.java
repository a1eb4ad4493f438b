package org.jiraq.camel;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.jiraq.camel.client.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the component documentation true: its option and header tables are rendered from the generated catalog JSON
 * (as Camel's own docs are), and every operation has a section. After changing options, run
 * {@code mvn -pl camel-jira-q-component -am test -Dtest=ComponentDocTest -Djiraq.updateDocs=true} to rewrite them.
 */
class ComponentDocTest {

    private static final Path DOC = Path.of("src/main/docs/jiraq-component.adoc");

    @Test
    void optionAndHeaderTablesMatchTheCatalog() throws Exception {
        JsonNode json;
        try (var in = getClass().getResourceAsStream("/META-INF/org/jiraq/camel/jiraq.json")) {
            json = Json.MAPPER.readTree(in);
        }
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        String rendered = doc;
        rendered = replaceSection(rendered, "component options", optionTable(json.path("componentProperties")));
        rendered = replaceSection(rendered, "endpoint options", optionTable(json.path("properties")));
        rendered = replaceSection(rendered, "component headers", headerTable(json.path("headers")));
        if (!rendered.equals(doc) && Boolean.getBoolean("jiraq.updateDocs")) {
            Files.writeString(DOC, rendered, StandardCharsets.UTF_8);
            doc = rendered;
        }
        assertThat(doc).as("jiraq-component.adoc tables; rerun with -Djiraq.updateDocs=true to regenerate")
                .isEqualTo(rendered);
    }

    @Test
    void everyOperationIsDocumented() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        Arrays.stream(JiraqOperation.values()).forEach(op -> assertThat(doc)
                .as("section for operation " + op).contains("=== " + op.name() + "\n"));
    }

    private static String replaceSection(String doc, String name, String content) {
        Pattern section = Pattern.compile("(// " + name + ": START\n)(.*?)(// " + name + ": END)", Pattern.DOTALL);
        Matcher m = section.matcher(doc);
        assertThat(m.find()).as("markers // " + name + ": START/END in the doc").isTrue();
        return m.replaceFirst(Matcher.quoteReplacement(m.group(1) + content + m.group(3)));
    }

    private static String optionTable(JsonNode options) {
        StringBuilder sb = new StringBuilder("[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n|===\n"
                                             + "| Name | Description | Default | Type\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> option = it.next();
            JsonNode o = option.getValue();
            sb.append("| *").append(option.getKey()).append("* (").append(o.path("group").asText()).append(")")
                    .append(o.path("secret").asBoolean() ? " (secret)" : "")
                    .append(" | ").append(escape(o.path("description").asText()))
                    .append(o.has("enum") ? " Values: " + o.path("enum").toString().replaceAll("[\\[\\]\"]", "").replace(",", ", ") : "")
                    .append(" | ").append(o.has("defaultValue") ? escape(o.path("defaultValue").asText()) : "")
                    .append(" | ").append(o.path("type").asText()).append('\n');
        }
        return sb.append("|===\n").toString();
    }

    private static String headerTable(JsonNode headers) {
        StringBuilder sb = new StringBuilder("[width=\"100%\",cols=\"2,5,2\",options=\"header\"]\n|===\n"
                                             + "| Name | Description | Type\n");
        headers.fields().forEachRemaining(h -> sb.append("| *").append(h.getKey()).append("* (")
                .append(h.getValue().path("label").asText()).append(") | ")
                .append(escape(h.getValue().path("description").asText())).append(" | ")
                .append(h.getValue().path("javaType").asText()).append('\n'));
        return sb.append("|===\n").toString();
    }

    private static String escape(String text) {
        return text.replace("|", "\\|");
    }
}
