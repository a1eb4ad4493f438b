package org.jiraq.camel.operation;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The highest issue key seen created in each project of a site. Read before a create, it names a key that certainly
 * precedes the new issue (Jira numbers the issues of a project in order), which is where the lookup after a lost
 * answer starts reading ({@link KeyWalk}). Keys belong to the site, whatever endpoint or credential creates them, so
 * there is one horizon per site in the JVM, as there is one rate-limit governor.
 */
final class IssueKeyHorizon {

    private static final Map<String, IssueKeyHorizon> SITES = new ConcurrentHashMap<>();

    /** The project as creates name it (key or id, upper case) to the prefix of its issue keys. */
    private final Map<String, String> prefixes = new ConcurrentHashMap<>();
    private final Map<String, Long> highest = new ConcurrentHashMap<>();

    static IssueKeyHorizon of(URI site) {
        return SITES.computeIfAbsent(site.toString(), s -> new IssueKeyHorizon());
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
