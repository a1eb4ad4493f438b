import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.util.TimeUtils;

/**
 * Writes JiraqComponentConfiguration, the {@code camel.component.jiraq.*} properties class of the Spring Boot starter,
 * from the component's catalog JSON (the one camel-component-maven-plugin generates), as camel-spring-boot's generator
 * does for Apache Camel's own starters (that generator only reads components in group org.apache.camel). Spring Boot's
 * configuration processor then turns the class into META-INF/spring-configuration-metadata.json, so IDEs complete
 * every option with its description and default.
 *
 * Spring Boot's processor leaves DataSource properties out of the metadata by design; those options are described in
 * META-INF/additional-spring-configuration-metadata.json, which the processor merges in.
 *
 * Run by the starter's build (a single-file Java program on the starter's class path): arguments are the JSON's class
 * path resource, the source directory and the resource directory to write to. Writes only when the content changed.
 */
public class GenerateComponentConfiguration {

    private static final String PACKAGE = "org.jiraq.camel.springboot";
    private static final String CLASS = "JiraqComponentConfiguration";

    public static void main(String[] args) throws IOException {
        JsonNode catalog;
        try (InputStream json = ClassLoader.getSystemResourceAsStream(args[0])) {
            if (json == null) {
                throw new IllegalStateException(args[0] + " is not on the class path: build camel-jira-q first");
            }
            catalog = new ObjectMapper().readTree(json);
        }
        writeIfChanged(Path.of(args[1], PACKAGE.replace('.', '/'), CLASS + ".java"), source(catalog));
        writeIfChanged(Path.of(args[2], "META-INF", "additional-spring-configuration-metadata.json"),
                additionalMetadata(catalog));
    }

    private static void writeIfChanged(Path file, String content) throws IOException {
        if (!Files.exists(file) || !Files.readString(file).equals(content)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        }
    }

    /** The options whose type Spring Boot's configuration processor does not describe (DataSource). */
    static String additionalMetadata(JsonNode catalog) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode metadata = json.createObjectNode();
        ArrayNode properties = metadata.putArray("properties");
        String prefix = "camel.component." + catalog.get("component").get("scheme").asText() + ".";
        for (Map.Entry<String, JsonNode> entry : catalog.get("componentProperties").properties()) {
            if ("javax.sql.DataSource".equals(entry.getValue().get("javaType").asText())) {
                properties.addObject()
                        .put("name", prefix + entry.getKey().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase())
                        .put("type", "javax.sql.DataSource")
                        .put("description", entry.getValue().get("description").asText())
                        .put("sourceType", PACKAGE + "." + CLASS);
            }
        }
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(metadata) + "\n";
    }

    static String source(JsonNode catalog) {
        JsonNode component = catalog.get("component");
        String scheme = component.get("scheme").asText();
        StringBuilder fields = new StringBuilder();
        StringBuilder accessors = new StringBuilder();
        for (Map.Entry<String, JsonNode> entry : catalog.get("componentProperties").properties()) {
            String name = entry.getKey();
            JsonNode option = entry.getValue();
            String type = boxed(option.get("javaType").asText());
            boolean deprecated = option.path("deprecated").asBoolean();
            fields.append(javadoc(option.path("description").asText(), "    "))
                    .append("    private ").append(type).append(' ').append(name)
                    .append(initializer(option, type)).append(";\n\n");
            String capital = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            if (deprecated) {
                accessors.append("    @Deprecated\n");
            }
            accessors.append("    public ").append(type).append(" get").append(capital).append("() {\n")
                    .append("        return ").append(name).append(";\n    }\n\n");
            if (deprecated) {
                accessors.append("    @Deprecated\n");
            }
            accessors.append("    public void set").append(capital).append('(').append(type).append(' ').append(name)
                    .append(") {\n        this.").append(name).append(" = ").append(name).append(";\n    }\n\n");
        }
        return "package " + PACKAGE + ";\n\n"
               + "import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;\n"
               + "import org.springframework.boot.context.properties.ConfigurationProperties;\n\n"
               + javadoc(component.get("description").asText() + "\n\nGenerated by src/build/java/"
                         + GenerateComponentConfiguration.class.getSimpleName()
                         + ".java from the component's catalog JSON - do not edit this file!", "")
               + "@ConfigurationProperties(prefix = \"camel.component." + scheme + "\")\n"
               + "public class " + CLASS + " extends ComponentConfigurationPropertiesCommon {\n\n"
               + fields + accessors.toString().stripTrailing() + "\n}\n";
    }

    /** The field's default: Camel's default value in the type Spring Boot binds, durations in milliseconds. */
    private static String initializer(JsonNode option, String type) {
        JsonNode value = option.get("defaultValue");
        if (value == null || value.isNull()) {
            return "";
        }
        String text = value.asText();
        return " = " + switch (type) {
            case "java.lang.String" -> quoted(text);
            case "java.lang.Boolean" -> Boolean.toString(Boolean.parseBoolean(text));
            case "java.lang.Integer" -> Integer.toString(Integer.parseInt(text));
            case "java.lang.Long" -> TimeUtils.toMilliSeconds(text) + "L";
            default -> {
                if (option.has("enum")) {
                    yield type + "." + text;
                }
                throw new IllegalArgumentException("No Spring Boot default for option type " + type + " = " + text);
            }
        };
    }

    private static String boxed(String javaType) {
        return switch (javaType) {
            case "boolean" -> "java.lang.Boolean";
            case "int" -> "java.lang.Integer";
            case "long" -> "java.lang.Long";
            case "double" -> "java.lang.Double";
            case "float" -> "java.lang.Float";
            default -> javaType;
        };
    }

    private static String quoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** A Javadoc comment; a description cannot close it early or start a block tag. */
    private static String javadoc(String text, String indent) {
        StringBuilder doc = new StringBuilder(indent).append("/**\n");
        for (String line : text.replace("*/", "*&#47;").split("\n", -1)) {
            doc.append(indent).append(" *").append(line.isEmpty() ? "" : " " + line.replaceFirst("^@", "&#64;"))
                    .append('\n');
        }
        return doc.append(indent).append(" */\n").toString();
    }
}
