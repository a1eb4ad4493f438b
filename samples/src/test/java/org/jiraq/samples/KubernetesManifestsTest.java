package org.jiraq.samples;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.assertj.core.api.Assertions.assertThat;

/** The Kubernetes samples are well-formed and agree with each other and with the Kamelets they use. */
class KubernetesManifestsTest {

    private static final Path KUBERNETES = Path.of("kubernetes");
    private static final Path KAMELETS = Path.of("../routes/src/main/resources/kamelets");

    @Test
    void everyManifestIsAKubernetesObjectWithAName() throws IOException {
        List<Map<String, Object>> objects = objects();

        assertThat(objects).extracting(o -> o.get("kind"))
                .contains("Secret", "ConfigMap", "Integration", "Deployment", "Service");
        assertThat(objects).allSatisfy(o -> {
            assertThat(o).containsKeys("apiVersion", "kind");
            assertThat(map(o, "metadata")).containsKey("name");
        });
    }

    @Test
    void bothWaysRunTwoReplicasOnThePostgresqlStore() throws IOException {
        List<Map<String, Object>> objects = objects();

        assertThat(objects).filteredOn(o -> List.of("Deployment", "Integration").contains(o.get("kind")))
                .hasSize(2).allSatisfy(o -> assertThat(map(o, "spec").get("replicas")).isEqualTo(2));
        String properties = (String) map(find(objects, "ConfigMap"), "data").get("application.properties");
        assertThat(properties).contains("camel.component.jiraq.store-url = jdbc:postgresql://")
                .contains("camel.main.name = ");
        assertThat(map(find(objects, "Secret"), "stringData")).containsKey("camel.component.jiraq.token-store-key");
    }

    @Test
    void theConfigMapReadsTheGuidesVariablesAndFallsBackToTheExamples() throws Exception {
        String properties = (String) map(find(objects(), "ConfigMap"), "data").get("application.properties");
        Properties loaded = new Properties();
        loaded.load(new StringReader(properties));

        try (CamelContext context = new DefaultCamelContext()) {
            context.getPropertiesComponent().setInitialProperties(loaded);
            String baseUrl = context.resolvePropertyPlaceholders("{{camel.component.jiraq.base-url}}");

            assertThat(properties).contains("{{env:JIRA_BASE_URL:").contains("{{env:JIRA_API_USER_EMAIL:");
            assertThat(baseUrl).isEqualTo(System.getenv().getOrDefault("JIRA_BASE_URL", "https://acme.atlassian.net"));
        }
    }

    @Test
    void theIntegrationUsesOnlyKameletsThatExist() throws IOException {
        String integration = Files.readString(KUBERNETES.resolve("camel-k/jira-events.yaml"));
        Matcher used = Pattern.compile("kamelet:([a-z-]+)").matcher(integration);
        List<String> kamelets = new ArrayList<>();
        while (used.find()) {
            kamelets.add(used.group(1));
        }

        assertThat(kamelets).isNotEmpty()
                .allSatisfy(name -> assertThat(KAMELETS.resolve(name + ".kamelet.yaml")).exists());
    }

    private static List<Map<String, Object>> objects() throws IOException {
        List<Map<String, Object>> objects = new ArrayList<>();
        try (Stream<Path> files = Files.walk(KUBERNETES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                for (Object document : new Load(LoadSettings.builder().build()).loadAllFromString(Files.readString(file))) {
                    objects.add(cast(document));
                }
            }
        }
        return objects;
    }

    private static Map<String, Object> find(List<Map<String, Object>> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).findFirst().orElseThrow();
    }

    private static Map<String, Object> map(Map<String, Object> object, String key) {
        return cast(object.get(key));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }
}
