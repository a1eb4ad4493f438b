package org.jiraq.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jiraq.simulator.model.Adf;

/**
 * One simulator per flavour, shared by a test class: started once, reset before each test, and checked after each
 * test for contract violations, so every test also proves the simulator speaks Jira's documented contract.
 */
public final class Site {

    public static final Instant START = Instant.parse("2026-11-22T12:00:00Z");

    public final JiraSimulator sim;
    public final JiraHttp http;
    public final String root;

    private Site(JiraSimulator sim) {
        this.sim = sim;
        this.http = JiraHttp.defaultUser(sim);
        this.root = sim.flavour().restRoot();
    }

    public static Site start(JiraSimulator.Flavour flavour) {
        return new Site(JiraSimulator.builder().flavour(flavour).clock(SimulatorClock.fixedAt(START)).start());
    }

    /** Both flavours, for a test class's {@code @BeforeAll}. */
    static Map<JiraSimulator.Flavour, Site> startBoth() {
        Map<JiraSimulator.Flavour, Site> sites = new EnumMap<>(JiraSimulator.Flavour.class);
        for (JiraSimulator.Flavour flavour : JiraSimulator.Flavour.values()) {
            sites.put(flavour, start(flavour));
        }
        return sites;
    }

    public boolean cloud() {
        return sim.flavour() == JiraSimulator.Flavour.CLOUD;
    }

    /** Rich text as this flavour wants it in JSON: an ADF document on Cloud, a string on Data Center. */
    public String richText(String text) {
        return cloud() ? JiraHttp.adf(text) : "\"" + text + "\"";
    }

    /** The plain text of a rich-text value read back from this flavour. */
    public String plainText(JsonNode value) {
        return Adf.plainText(value);
    }

    /** Creates an issue over HTTP and answers its key. */
    public String createIssue(String project, String type, String summary) {
        JiraHttp.Reply reply = http.post(root + "/issue", JiraHttp.createBody(project, type, summary));
        assertThat(reply.status()).as(reply.json().toString()).isEqualTo(201);
        return reply.json().path("key").asText();
    }

    /** The keys of a search answer's issues, in order (Cloud answers need fields=key). */
    public static List<String> keys(JsonNode searchAnswer) {
        List<String> keys = new ArrayList<>();
        searchAnswer.path("issues").forEach(issue -> keys.add(issue.path("key").asText()));
        return keys;
    }

    /** For {@code @AfterEach}: fails the test on any contract violation, and starts the next one afresh. */
    public void checkAndReset() {
        try {
            sim.assertNoContractViolations();
        } finally {
            sim.reset();
        }
    }

    public void close() {
        sim.close();
    }
}
