package org.jiraq.samples;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes samples, checked offline: well-formed, agreeing with each other and with the Kamelets they use, the
 * Camel K Integration following Camel K's conventions and the README applying every file.
 */
class KubernetesManifestsTest {

    private static final Path KUBERNETES = Path.of("kubernetes");
    private static final Path KAMELETS = Path.of("../routes/src/main/resources/kamelets");
    /** The traits of Camel K 2 (camel.apache.org/v1 Integration spec.traits). */
    private static final Set<String> CAMEL_K_TRAITS = Set.of("affinity", "builder", "camel", "container", "cron",
            "dependencies", "deployer", "deployment", "environment", "error-handler", "gc", "health", "ingress",
            "init-containers", "istio", "jolokia", "jvm", "kamelets", "keda", "knative", "knative-service", "logging",
            "master", "mount", "openapi", "owner", "pdb", "platform", "pod", "prometheus", "pull-secret", "quarkus",
            "registry", "route", "security-context", "service", "service-binding", "telemetry", "toleration");

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
        Properties config = properties(configMap(objects, "jiraq-config"));
        assertThat(config.getProperty("camel.component.jiraq.store-url")).startsWith("jdbc:postgresql://");
        assertThat(config.getProperty("camel.main.name")).isNotBlank();
        assertThat(properties(secret(objects, "jiraq-store"))).containsKey("camel.component.jiraq.token-store-key");
    }

    /**
     * Camel K's default runtime is Camel Quarkus: the Integration gets its properties from the ConfigMaps and Secrets
     * of the mount trait (each key a properties file), its probes from the health trait on Quarkus' /q/health, and
     * nothing of Camel Main's HTTP or management server.
     */
    @Test
    void theIntegrationFollowsCamelKConventions() throws IOException {
        List<Map<String, Object>> objects = objects();
        Map<String, Object> spec = map(find(objects, "Integration"), "spec");
        Map<String, Object> traits = map(spec, "traits");

        assertThat(traits.keySet()).isSubsetOf(CAMEL_K_TRAITS);
        assertThat(map(traits, "health")).containsEntry("enabled", true).containsEntry("livenessProbeEnabled", true)
                .containsEntry("readinessProbeEnabled", true);
        assertThat(map(traits, "health").keySet()).as("the runtime's own /q/health paths, not Camel Main's /observe")
                .noneMatch(key -> key.endsWith("Probe"));
        Properties seen = mountedProperties(objects, traits);
        assertThat(seen.stringPropertyNames()).isNotEmpty()
                .noneMatch(name -> name.startsWith("camel.server.") || name.startsWith("camel.management."));
        assertThat(strings(spec.get("dependencies")))
                .as("the component comes with the Kamelets, at the version they were built with")
                .noneMatch(dependency -> dependency.contains("org.jiraq"));
    }

    @Test
    void everyPlaceholderOfTheIntegrationIsDefinedByWhatItMounts() throws IOException {
        List<Map<String, Object>> objects = objects();
        Properties seen = mountedProperties(objects, map(map(find(objects, "Integration"), "spec"), "traits"));
        Matcher placeholder = Pattern.compile("\\{\\{([^}:?]+)}}")
                .matcher(Files.readString(KUBERNETES.resolve("camel-k/jira-events.yaml")));
        List<String> used = new ArrayList<>();
        while (placeholder.find()) {
            used.add(placeholder.group(1));
        }

        assertThat(used).isNotEmpty().allSatisfy(name -> assertThat(seen).containsKey(name));
    }

    @Test
    void everyKameletParameterThatTheIntegrationPassesIsAPropertyOfThatKamelet() throws IOException {
        List<Map<String, Object>> uses = new ArrayList<>();
        collectKameletUses(map(find(objects(), "Integration"), "spec").get("flows"), uses);

        assertThat(uses).hasSizeGreaterThanOrEqualTo(3).allSatisfy(use -> {
            String name = ((String) use.get("uri")).substring("kamelet:".length());
            Map<String, Object> definition = map(map(kamelet(name), "spec"), "definition");
            Map<String, Object> parameters = map(use, "parameters");
            assertThat(map(definition, "properties")).as(name).containsKeys(parameters.keySet().toArray(String[]::new));
            assertThat(parameters).as(name + " required").containsKeys(
                    strings(definition.get("required")).toArray(String[]::new));
        });
    }

    @Test
    void theReadmeAppliesEveryManifestAndInstallsTheKamelets() throws IOException {
        String readme = Files.readString(KUBERNETES.resolve("README.md"));

        assertThat(readme).contains("kubectl apply -f routes/target/classes/kamelets/");
        try (Stream<Path> files = Files.walk(KUBERNETES)) {
            assertThat(files.filter(f -> f.toString().endsWith(".yaml")).toList()).allSatisfy(file ->
                    assertThat(readme).contains("samples/kubernetes/" + KUBERNETES.relativize(file)));
        }
    }

    /** The properties the mount trait's configs give the Integration: every key of each ConfigMap or Secret named. */
    private static Properties mountedProperties(List<Map<String, Object>> objects, Map<String, Object> traits)
            throws IOException {
        Properties all = new Properties();
        for (String config : strings(map(traits, "mount").get("configs"))) {
            String[] kindAndName = config.split(":", 2);
            Map<String, Object> data = switch (kindAndName[0]) {
                case "configmap" -> configMap(objects, kindAndName[1]);
                case "secret" -> secret(objects, kindAndName[1]);
                default -> throw new AssertionError("not a ConfigMap or Secret: " + config);
            };
            all.putAll(properties(data));
        }
        return all;
    }

    private static Map<String, Object> configMap(List<Map<String, Object>> objects, String name) {
        return map(named(objects, "ConfigMap", name), "data");
    }

    private static Map<String, Object> secret(List<Map<String, Object>> objects, String name) {
        return map(named(objects, "Secret", name), "stringData");
    }

    /** Each value of a ConfigMap's or Secret's data read as a properties file, as Camel K's mount trait reads it. */
    private static Properties properties(Map<String, Object> data) throws IOException {
        Properties properties = new Properties();
        for (Object file : data.values()) {
            properties.load(new StringReader((String) file));
        }
        return properties;
    }

    private static Map<String, Object> named(List<Map<String, Object>> objects, String kind, String name) {
        return objects.stream().filter(o -> kind.equals(o.get("kind")) && name.equals(map(o, "metadata").get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
    }

    private static Map<String, Object> kamelet(String name) throws IOException {
        return cast(new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(KAMELETS.resolve(name + ".kamelet.yaml"))));
    }

    /** Every step with a kamelet: URI, anywhere in the flows. */
    private static void collectKameletUses(Object node, List<Map<String, Object>> uses) {
        if (node instanceof Map<?, ?> step) {
            if (step.get("uri") instanceof String uri && uri.startsWith("kamelet:")) {
                uses.add(cast(step));
            }
            step.values().forEach(child -> collectKameletUses(child, uses));
        } else if (node instanceof List<?> list) {
            list.forEach(child -> collectKameletUses(child, uses));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object list) {
        return list == null ? List.of() : (List<String>) list;
    }

    @Test
    void theConfigMapReadsTheGuidesVariablesAndFallsBackToTheExamples() throws Exception {
        String properties = (String) configMap(objects(), "jiraq-config").get("application.properties");
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
