package org.jiraq.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The fields integrations set most, as Jira takes them: assignee (account id on Cloud, user name on Data Center),
 * components and fix versions of the project, due date and parent; the assignee resource and watchers.
 */
class CommonFieldsTest extends BothFlavoursTestSupport {

    private static final String BOB = "bob@example.com";

    /** How this flavour names a user in a reference: {@code accountId} on Cloud, {@code name} on Data Center. */
    private static String userRef(Site site, SimulatorUser user) {
        return site.cloud() ? "{\"accountId\":\"" + user.accountId() + "\"}" : "{\"name\":\"" + user.username() + "\"}";
    }

    @ParameterizedTest
    @EnumSource(JiraSimulator.Flavour.class)
    void createSetsAssigneeComponentsVersionsDueDateAndParent(JiraSimulator.Flavour flavour) {
        Site site = sites.get(flavour);
        SimulatorUser bob = site.sim.state().addUser(BOB);
        site.sim.state().addComponent("OPS", "Database");
        site.sim.state().addVersion("OPS", "2.1");
        String epic = site.createIssue("OPS", "Epic", "Outages");

        JiraHttp.Reply created = site.http.post(site.root + "/issue", "{\"fields\":{\"project\":{\"key\":\"OPS\"},"
                + "\"issuetype\":{\"name\":\"Bug\"},\"summary\":\"DB down\",\"assignee\":" + userRef(site, bob) + ","
                + "\"components\":[{\"name\":\"database\"}],\"fixVersions\":[{\"name\":\"2.1\"}],"
                + "\"duedate\":\"2026-12-24\",\"parent\":{\"key\":\"" + epic + "\"},\"priority\":{\"id\":\"1\"}}}");

        assertThat(created.status()).as(created.json().toString()).isEqualTo(201);
        JsonNode fields = site.http.get(site.root + "/issue/" + created.json().path("key").asText()).json().path("fields");
        assertThat(fields.path("assignee").path("displayName").asText()).isEqualTo("Bob");
        assertThat(fields.path("assignee").path(site.cloud() ? "accountId" : "name").asText())
                .isEqualTo(site.cloud() ? bob.accountId() : "bob");
        assertThat(fields.path("components").findValuesAsText("name")).containsExactly("Database");
        assertThat(fields.path("fixVersions").findValuesAsText("name")).containsExactly("2.1");
        assertThat(fields.path("duedate").asText()).isEqualTo("2026-12-24");
        assertThat(fields.path("parent").path("key").asText()).isEqualTo(epic);
        assertThat(fields.path("priority").path("name").asText()).isEqualTo("Highest");
        assertThat(fields.path("watches").path("watchCount").asInt()).as("the reporter watches").isOne();
    }

    @ParameterizedTest
    @EnumSource(JiraSimulator.Flavour.class)
    void unknownValuesAreRefusedPerFieldAndNothingIsCreated(JiraSimulator.Flavour flavour) {
        Site site = sites.get(flavour);

        JiraHttp.Reply reply = site.http.post(site.root + "/issue", "{\"fields\":{\"project\":{\"key\":\"OPS\"},"
                + "\"issuetype\":{\"name\":\"Task\"},\"summary\":\"s\",\"assignee\":"
                + (site.cloud() ? "{\"accountId\":\"nobody\"}" : "{\"name\":\"nobody\"}") + ","
                + "\"components\":[{\"name\":\"Nope\"}],\"fixVersions\":[{\"name\":\"9.9\"}],\"duedate\":\"24.12.2026\","
                + "\"parent\":{\"key\":\"OPS-99\"},\"priority\":{\"name\":\"Urgent\"}}}");

        assertThat(reply.status()).isEqualTo(400);
        JsonNode errors = reply.json().path("errors");
        assertThat(errors.path("assignee").asText()).isEqualTo(site.cloud()
                ? "Specify a valid value for assignee" : "User 'nobody' does not exist.");
        assertThat(errors.path("components").asText()).isEqualTo("Component name 'Nope' is not valid");
        assertThat(errors.path("fixVersions").asText()).isEqualTo("Version name '9.9' is not valid");
        assertThat(errors.path("duedate").asText()).isEqualTo("Error parsing date string: 24.12.2026");
        assertThat(errors.path("parent").asText()).isEqualTo("Could not find issue by id or key.");
        assertThat(errors.path("priority").asText()).isEqualTo("Specify a valid priority");
        assertThat(site.sim.state().issueCount()).isZero();
    }

    @ParameterizedTest
    @EnumSource(JiraSimulator.Flavour.class)
    void subTaskNeedsAParent(JiraSimulator.Flavour flavour) {
        Site site = sites.get(flavour);
        String parent = site.createIssue("DEMO", "Story", "Parent");

        JiraHttp.Reply orphan = site.http.post(site.root + "/issue", JiraHttp.createBody("DEMO", "Sub-task", "Orphan"));
        JiraHttp.Reply child = site.http.post(site.root + "/issue", "{\"fields\":{\"project\":{\"key\":\"DEMO\"},"
                + "\"issuetype\":{\"name\":\"Sub-task\"},\"summary\":\"Child\",\"parent\":{\"key\":\"" + parent + "\"}}}");

        assertThat(orphan.status()).isEqualTo(400);
        assertThat(orphan.json().path("errors").path("parent").asText()).isEqualTo("Sub-tasks must be created with a parent issue.");
        assertThat(child.status()).isEqualTo(201);
        assertThat(site.sim.state().issue(child.json().path("key").asText()).parent().key()).isEqualTo(parent);
    }

    @ParameterizedTest
    @EnumSource(JiraSimulator.Flavour.class)
    void assigneeResourceAssignsAnEditUnassignsAndJqlFindsIt(JiraSimulator.Flavour flavour) {
        Site site = sites.get(flavour);
        SimulatorUser bob = site.sim.state().addUser(BOB);
        String key = site.createIssue("DEMO", "Task", "Assign me");

        JiraHttp.Reply assigned = site.http.put(site.root + "/issue/" + key + "/assignee", userRef(site, bob));
        String byAssignee = site.cloud() ? bob.accountId() : bob.username();
        JsonNode found = site.http.post(site.root + (site.cloud() ? "/search/jql" : "/search"),
                "{\"jql\":\"assignee = '" + byAssignee + "'\",\"fields\":[\"key\"]}").json();
        JiraHttp.Reply unassigned = site.http.put(site.root + "/issue/" + key, "{\"fields\":{\"assignee\":null}}");
        JiraHttp.Reply unknown = site.http.put(site.root + "/issue/" + key + "/assignee",
                site.cloud() ? "{\"accountId\":\"nobody\"}" : "{\"name\":\"nobody\"}");

        assertThat(assigned.status()).isEqualTo(204);
        assertThat(Site.keys(found)).containsExactly(key);
        assertThat(unassigned.status()).isEqualTo(204);
        assertThat(site.sim.state().issue(key).assignee()).isNull();
        assertThat(unknown.status()).isEqualTo(400);
    }

    @ParameterizedTest
    @EnumSource(JiraSimulator.Flavour.class)
    void watchersAreAddedListedAndRemoved(JiraSimulator.Flavour flavour) {
        Site site = sites.get(flavour);
        SimulatorUser bob = site.sim.state().addUser(BOB);
        String key = site.createIssue("DEMO", "Task", "Watch me");
        String bobId = site.cloud() ? bob.accountId() : bob.username();

        JiraHttp.Reply added = site.http.post(site.root + "/issue/" + key + "/watchers", "\"" + bobId + "\"");
        JsonNode watchers = site.http.get(site.root + "/issue/" + key + "/watchers").json();
        JiraHttp.Reply removed = site.http.delete(site.root + "/issue/" + key + "/watchers?"
                + (site.cloud() ? "accountId=" : "username=") + bobId);

        assertThat(added.status()).isEqualTo(204);
        assertThat(watchers.path("watchCount").asInt()).isEqualTo(2);
        assertThat(watchers.path("isWatching").asBoolean()).as("the reporter watches").isTrue();
        assertThat(watchers.path("watchers").findValuesAsText("displayName")).containsExactly("Alice", "Bob");
        assertThat(removed.status()).isEqualTo(204);
        assertThat(site.sim.state().issue(key).watchers()).extracting(SimulatorUser::email)
                .containsExactly(JiraSimulator.DEFAULT_USER);
    }
}
