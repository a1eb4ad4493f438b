package org.jiraq.camel.operation;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jiraq.camel.client.JiraqClient;

/**
 * The highest issue key seen created in each project of a site. Read before a create, it names a key that certainly
 * precedes the new issue (Jira numbers the issues of a project in order), which is where the lookup after a lost
 * answer starts reading ({@link KeyWalk}). One per connection, shared by its endpoints: any key seen on the site
 * precedes a later create, whichever credential saw it.
 */
final class IssueKeyHorizon {

    /** The project as creates name it (key or id, upper case) to the prefix of its issue keys. */
    private final Map<String, String> prefixes = new ConcurrentHashMap<>();
    private final Map<String, Long> highest = new ConcurrentHashMap<>();

    /** The horizon of the client's connection. */
    static IssueKeyHorizon of(JiraqClient client) {
        return client.connectionState(IssueKeyHorizon.class, IssueKeyHorizon::new);
    }

    /** Notes an issue of the project that {@code project} (key or id) names. */
    void saw(String project, String issueKey) {
        IssueKey key = IssueKey.parse(issueKey);
        if (key == null) {
            return;
        }
        if (project != null) {
            prefixes.put(project.toUpperCase(Locale.ROOT), key.prefix());
        }
        highest.merge(key.prefix(), key.number(), Math::max);
    }

    /** The highest key seen in the project, or null before the first. */
    IssueKey last(String project) {
        String prefix = prefixOf(project);
        Long number = prefix == null ? null : highest.get(prefix);
        return number == null ? null : new IssueKey(prefix, number);
    }

    /** The key prefix of the project's issues, when one was seen. */
    String prefixOf(String project) {
        return project == null ? null : prefixes.get(project.toUpperCase(Locale.ROOT));
    }
}
