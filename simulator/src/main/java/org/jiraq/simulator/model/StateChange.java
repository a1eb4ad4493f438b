package org.jiraq.simulator.model;

import java.time.Instant;
import java.util.List;

/**
 * Something changed on the simulated site, as Jira announces it to webhooks.
 *
 * @param webhookEvent   Jira's webhookEvent name, e.g. {@code jira:issue_created}
 * @param issueEventType the issue_event_type_name of issue events ({@code issue_created}, {@code issue_commented}...),
 *                       else {@code null}
 * @param issue          the issue concerned, or {@code null} for project events
 * @param comment        the comment concerned, or {@code null}
 * @param project        the project concerned
 * @param user           who made the change, or {@code null} for changes made straight on the state
 * @param changedFields  the fields an update changed, for the changelog
 * @param at             when, on the simulator clock
 */
public record StateChange(String webhookEvent, String issueEventType, Issue issue, Comment comment, Project project,
        SimulatorUser user, List<String> changedFields, Instant at) {

    /** A listener of the state; called under the state's write lock, so it sees the change and nothing later. */
    @FunctionalInterface
    public interface Listener {
        void changed(StateChange change);
    }

    public static StateChange issue(String webhookEvent, String issueEventType, Issue issue, SimulatorUser user,
            List<String> changedFields, Instant at) {
        return new StateChange(webhookEvent, issueEventType, issue, null, issue.project(), user,
                List.copyOf(changedFields), at);
    }

    static StateChange comment(Issue issue, Comment comment, Instant at) {
        return new StateChange("comment_created", null, issue, comment, issue.project(), comment.author(), List.of(), at);
    }

    static StateChange project(String webhookEvent, Project project, Instant at) {
        return new StateChange(webhookEvent, null, null, null, project, null, List.of(), at);
    }
}
