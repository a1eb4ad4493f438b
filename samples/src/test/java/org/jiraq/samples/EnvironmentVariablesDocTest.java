package org.jiraq.samples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table of the guides' JIRA_* variables on the authentication page ({@code jiraq-auth.adoc}) says what the sample
 * does: every variable the sample reads is in the table, and each sets the option the table names.
 */
class EnvironmentVariablesDocTest {

    private static final Path DOC = Path.of("../camel-jira-q-component/src/main/docs/jiraq-auth.adoc");
    private static final Path SAMPLE = Path.of("src/main/java/org/jiraq/samples/JiraConnection.java");
    /** Variables whose value is translated rather than copied, with a value to set and the option value it gives. */
    private static final Map<String, List<String>> TRANSLATED = Map.of(
            "JIRA_AUTH_METHOD", List.of("pat", "pat"),
            "JIRA_OAUTH2_GRANT", List.of("client_credentials", "clientCredentials"),
            "JIRA_BASE_URL", List.of("https://acme.atlassian.net", "https://acme.atlassian.net"),
            "JIRA_DEPLOYMENT", List.of("cloud", "cloud"));

    @Test
    void everyVariableTheSampleReadsIsDocumentedWithTheOptionItSets() throws Exception {
        Map<String, String> table = table();
        Set<String> read = new LinkedHashSet<>();
        Matcher literal = Pattern.compile("\"(JIRA_[A-Z0-9_]+)\"").matcher(Files.readString(SAMPLE));
        while (literal.find()) {
            read.add(literal.group(1));
        }

        assertThat(table.keySet()).containsExactlyInAnyOrderElementsOf(read);
        for (Map.Entry<String, String> row : table.entrySet()) {
            String variable = row.getKey();
            List<String> translated = TRANSLATED.getOrDefault(variable, List.of("value-of-" + variable, "value-of-" + variable));
            boolean set = false;
            for (String method : List.of("api_token", "pat", "oauth1", "oauth2")) {
                Map<String, String> env = new HashMap<>(completeEnv(method));
                env.put(variable, translated.get(0));
                try {
                    set |= translated.get(1).equals(JiraConnection.properties(env).get(JiraConnection.PREFIX
                                                                                         + row.getValue()));
                } catch (IllegalArgumentException incomplete) {
                    // the variable switched to a method this environment lacks the credentials of
                }
            }
            assertThat(set).as(variable + " sets option " + row.getValue()).isTrue();
        }
    }

    /** Everything a method needs, so the variable under test is the only thing that varies. */
    private static Map<String, String> completeEnv(String method) {
        Map<String, String> env = new HashMap<>(Map.of("JIRA_BASE_URL", "https://acme.atlassian.net", "JIRA_AUTH_METHOD",
                method));
        switch (method) {
            case "api_token" -> env.putAll(Map.of("JIRA_API_USER_EMAIL", "u", "JIRA_API_TOKEN", "t"));
            case "pat" -> env.put("JIRA_PAT", "p");
            case "oauth1" -> env.putAll(Map.of("JIRA_CONSUMER_KEY", "k", "JIRA_PRIVATE_KEY_PATH", "key.pem",
                    "JIRA_ACCESS_TOKEN", "a"));
            default -> env.putAll(Map.of("JIRA_CLIENT_ID", "c", "JIRA_CLIENT_SECRET", "s"));
        }
        return env;
    }

    /** Variable to option, from the rows between the doc's markers. */
    private static Map<String, String> table() throws Exception {
        String doc = Files.readString(DOC);
        Matcher section = Pattern.compile("// jira variables: START\n(.*?)// jira variables: END", Pattern.DOTALL)
                .matcher(doc);
        assertThat(section.find()).as("markers // jira variables: START/END in jiraq-auth.adoc").isTrue();
        Map<String, String> table = new LinkedHashMap<>();
        Matcher row = Pattern.compile("^\\| `(JIRA_[A-Z0-9_]+)` \\| `([A-Za-z]+)` \\|", Pattern.MULTILINE)
                .matcher(section.group(1));
        while (row.find()) {
            table.put(row.group(1), row.group(2));
        }
        return table;
    }
}
