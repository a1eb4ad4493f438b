package org.jiraq.camel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.jiraq.camel.client.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the component documentation true: the component page's option and header tables are rendered from the
 * generated catalog JSON (as Camel's own docs are), every operation has a section on the operations page, and the
 * pages, split by topic as Apache Camel's aws2-s3 docs are, link to each other without a dangling reference. After
 * changing options, run
 * {@code mvn -pl camel-jira-q-component -am test -Dtest=ComponentDocTest -Djiraq.updateDocs=true} to rewrite them.
 */
class ComponentDocTest {

    private static final Path DOCS = Path.of("src/main/docs");
    private static final Path DOC = DOCS.resolve("jiraq-component.adoc");
    private static final Path OPERATIONS = DOCS.resolve("jiraq-operations.adoc");
    private static final Pattern XREF = Pattern.compile("xref:([\\w.-]+\\.adoc)(?:#([\\w-]+))?\\[");
    private static final Pattern INTERNAL_REF = Pattern.compile("<<([^,>]+)(?:,[^>]*)?>>");
    private static final Pattern ANCHOR = Pattern.compile("^\\[(?:#([\\w-]+)|\\[([\\w-]+)\\])\\]$", Pattern.MULTILINE);
    private static final Pattern TITLE = Pattern.compile("^=+ (.+)$", Pattern.MULTILINE);

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
    void everyOperationHasASectionOnTheOperationsPage() throws Exception {
        String doc = Files.readString(OPERATIONS, StandardCharsets.UTF_8);
        Arrays.stream(JiraqOperation.values()).forEach(op -> assertThat(doc)
                .as("section for operation " + op + ", with its anchor, on jiraq-operations.adoc")
                .contains("[#" + op.name() + "]\n== " + op.name() + "\n"));
    }

    @Test
    void everyCrossReferenceReachesAnAnchorOrTitle() throws Exception {
        List<String> dangling = new ArrayList<>();
        for (Path page : pages()) {
            String text = Files.readString(page, StandardCharsets.UTF_8);
            Matcher xref = XREF.matcher(text);
            while (xref.find()) {
                Path target = DOCS.resolve(xref.group(1));
                if (!Files.exists(target)) {
                    dangling.add(page.getFileName() + ": xref to a missing page " + xref.group(1));
                } else if (xref.group(2) != null && !anchors(Files.readString(target)).contains(xref.group(2))) {
                    dangling.add(page.getFileName() + ": xref to " + xref.group(1) + "#" + xref.group(2)
                                 + ", which has no such anchor");
                }
            }
            Matcher ref = INTERNAL_REF.matcher(text);
            Set<String> here = anchors(text);
            while (ref.find()) {
                String target = ref.group(1).replaceAll("\\s+", " ");
                if (!here.contains(target)) {
                    dangling.add(page.getFileName() + ": <<" + target + ">> names no anchor or title of its page"
                                 + " (a section on another page is an xref:page.adoc#anchor[...])");
                }
            }
        }
        assertThat(dangling).isEmpty();
    }

    @Test
    void theComponentPageLinksEveryPageAndEveryPageLinksBack() throws Exception {
        String component = Files.readString(DOC, StandardCharsets.UTF_8);
        for (Path page : pages()) {
            if (!page.equals(DOC)) {
                assertThat(component).as("the component page's map links " + page.getFileName())
                        .contains("xref:" + page.getFileName() + "[");
                assertThat(Files.readString(page, StandardCharsets.UTF_8)).as(page.getFileName() + " links back")
                        .contains("xref:jiraq-component.adoc[Back to the Jira (jiraq) component]");
            }
        }
    }

    private static List<Path> pages() throws IOException {
        try (Stream<Path> files = Files.list(DOCS)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".adoc")).sorted().toList();
        }
    }

    /** Explicit anchors ({@code [#id]}, {@code [[id]]}) and section titles, which a {@code <<title>>} may name. */
    private static Set<String> anchors(String page) {
        Set<String> anchors = new HashSet<>();
        Matcher anchor = ANCHOR.matcher(page);
        while (anchor.find()) {
            anchors.add(anchor.group(1) != null ? anchor.group(1) : anchor.group(2));
        }
        Matcher title = TITLE.matcher(page);
        while (title.find()) {
            anchors.add(title.group(1));
        }
        return anchors;
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
