package org.jiraq.simulator.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.jiraq.simulator.BothFlavoursTestSupport;
import org.jiraq.simulator.JiraHttp;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.Site;
import org.jiraq.simulator.model.Comment;
import org.jiraq.simulator.model.Issue;
import org.jiraq.simulator.model.JiraCatalog;
import org.jiraq.simulator.model.JiraTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CommentAndTransitionEndpointsTest extends BothFlavoursTestSupport {

    @ParameterizedTest
    @EnumSource(JiraSimulator.Flavour.class)
    void addedCommentIsListedAndBumpsTheIssueUpdated(JiraSimulator.Flavour flavour) {
        Site site = sites.get(flavour);
        String key = site.createIssue("DEMO", "Task", "s");
        site.sim.clock().advance(Duration.ofMinutes(3));
        Instant commentTime = site.sim.clock().now();

        JiraHttp.Reply added = site.http.post(site.root + "/issue/" + key + "/comment",
                "{\"body\":" + site.richText("First!") + "}");

        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().path("id").asText()).isEqualTo("10000");
        assertThat(added.json().path("author").path("emailAddress").asText()).isEqualTo(JiraSimulator.DEFAULT_USER);
        assertThat(added.json().path("created").asText()).isEqualTo(JiraTime.format(commentTime));
        assertThat(site.plainText(added.json().path("body"))).isEqualTo("First!");
        JsonNode page = site.http.get(site.root + "/issue/" + key + "/comment").json();
        assertThat(page.path("total").asInt()).isEqualTo(1);
        assertThat(page.path("comments").get(0).path("id").asText()).isEqualTo("10000");
        assertThat(site.http.get(site.root + "/issue/" + key + "/comment/10000").json().path("id").asText())
                .isEqualTo("10000");
        assertThat(site.sim.state().comments(key)).extracting(Comment::bodyText).containsExactly("First!");
        assertThat(site.sim.state().issue(key).updated()).isEqualTo(commentTime);
    }

    @ParameterizedTest
    @EnumSource(JiraSimulator.Flavour.class)
    void commentsArePagedWithStartAtAndMaxResults(JiraSimulator.Flavour flavour) {
        Site site = sites.get(flavour);
        String key = site.createIssue("DEMO", "Task", "s");
        for (int i = 1; i <= 5; i++) {
            site.http.post(site.root + "/issue/" + key + "/comment", "{\"body\":" + site.richText("c" + i) + "}");
        }

        JsonNode page = site.http.get(site.root + "/issue/" + key + "/comment?startAt=2&maxResults=2").json();
        JsonNode newestFirst = site.http.get(site.root + "/issue/" + key + "/comment?orderBy=-created&maxResults=1")
                .json();

        assertThat(page.path("startAt").asInt()).isEqualTo(2);
        assertThat(page.path("maxResults").asInt()).isEqualTo(2);
        assertThat(page.path("total").asInt()).isEqualTo(5);
        assertThat(page.path("comments")).extracting(c -> site.plainText(c.path("body"))).containsExactly("c3", "c4");
        assertThat(site.plainText(newestFirst.path("comments").get(0).path("body"))).isEqualTo("c5");
    }

    @Test
    void cloudRefusesAPlainStringCommentBodyAsAContractViolation() {
        Site site = sites.get(JiraSimulator.Flavour.CLOUD);
        String key = site.createIssue("DEMO", "Task", "s");

        JiraHttp.Reply reply = site.http.post(site.root + "/issue/" + key + "/comment", "{\"body\":\"plain\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(site.sim.contractViolations()).singleElement().asString().contains("/body");
        assertThat(site.sim.state().comments(key)).isEmpty();
        site.sim.reset();
    }

    @ParameterizedTest
    @EnumSource(JiraSimulator.Flavour.class)
    void emptyCommentIsRefused(JiraSimulator.Flavour flavour) {
        Site site = sites.get(flavour);
        String key = site.createIssue("DEMO", "Task", "s");

        JiraHttp.Reply reply = site.http.post(site.root + "/issue/" + key + "/comment",
                "{\"body\":" + site.richText(" ") + "}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("errors").path("comment").asText()).isEqualTo("Comment body can not be empty!");
    }

    @ParameterizedTest
    @EnumSource(JiraSimulator.Flavour.class)
    void transitionsOfferEveryStatusButTheCurrentOne(JiraSimulator.Flavour flavour) {
        Site site = sites.get(flavour);
        String key = site.createIssue("DEMO", "Task", "s");

        JsonNode transitions = site.http.get(site.root + "/issue/" + key + "/transitions").json().path("transitions");

        assertThat(transitions).extracting(t -> t.path("id").asText()).containsExactly("21", "31");
        assertThat(transitions).extracting(t -> t.path("name").asText()).containsExactly("In Progress", "Done");
        assertThat(transitions.get(1).path("to").path("statusCategory").path("key").asText()).isEqualTo("done");
    }

    @ParameterizedTest
    @EnumSource(JiraSimulator.Flavour.class)
    void transitionMovesTheIssueAndBumpsUpdated(JiraSimulator.Flavour flavour) {
        Site site = sites.get(flavour);
        String key = site.createIssue("DEMO", "Task", "s");
        site.sim.clock().advance(Duration.ofMinutes(1));

        JiraHttp.Reply reply = site.http.post(site.root + "/issue/" + key + "/transitions",
                "{\"transition\":{\"id\":\"21\"}}");

        assertThat(reply.status()).isEqualTo(204);
        Issue issue = site.sim.state().issue(key);
        assertThat(issue.status()).isEqualTo(JiraCatalog.IN_PROGRESS);
        assertThat(issue.updated()).isEqualTo(site.sim.clock().now());
        assertThat(site.http.get(site.root + "/issue/" + key + "/transitions").json().path("transitions"))
                .extracting(t -> t.path("id").asText()).containsExactly("11", "31");
        JsonNode status = site.http.get(site.root + "/issue/" + key + "?fields=status").json()
                .path("fields").path("status");
        assertThat(status.path("id").asText()).isEqualTo("3");
        assertThat(status.path("statusCategory").path("key").asText()).isEqualTo("indeterminate");
    }

    @ParameterizedTest
    @EnumSource(JiraSimulator.Flavour.class)
    void transitionCanSetFieldsOnTheWay(JiraSimulator.Flavour flavour) {
        Site site = sites.get(flavour);
        String key = site.createIssue("DEMO", "Task", "s");

        site.http.post(site.root + "/issue/" + key + "/transitions",
                "{\"transition\":{\"id\":\"31\"},\"update\":{\"labels\":[{\"add\":\"closed-by-robot\"}]}}");

        assertThat(site.sim.state().issue(key).status()).isEqualTo(JiraCatalog.DONE);
        assertThat(site.sim.state().issue(key).labels()).containsExactly("closed-by-robot");
    }

    @ParameterizedTest
    @EnumSource(JiraSimulator.Flavour.class)
    void unknownOrCurrentStatusTransitionIsRefused(JiraSimulator.Flavour flavour) {
        Site site = sites.get(flavour);
        String key = site.createIssue("DEMO", "Task", "s");

        JiraHttp.Reply unknown = site.http.post(site.root + "/issue/" + key + "/transitions",
                "{\"transition\":{\"id\":\"99\"}}");
        JiraHttp.Reply toCurrent = site.http.post(site.root + "/issue/" + key + "/transitions",
                "{\"transition\":{\"id\":\"11\"}}");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().toString()).isEqualTo(
                "{\"errorMessages\":[\"Transition id '99' is not valid for this issue.\"],\"errors\":{}}");
        assertThat(toCurrent.status()).isEqualTo(400);
        assertThat(site.sim.state().issue(key).status()).isEqualTo(JiraCatalog.TO_DO);
    }
}
