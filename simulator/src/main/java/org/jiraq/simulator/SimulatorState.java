package org.jiraq.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Everything the simulated Jira holds: projects, issues and their comments. Requests run under its read or write
 * lock (see {@link #read}/{@link #write}); the public methods lock for themselves, so tests may call them while the
 * simulator serves requests.
 */
public final class SimulatorState {

    public static final Project DEMO = new Project(10000, "DEMO", "Demo");
    public static final Project OPS = new Project(10001, "OPS", "Operations");

    private static final long FIRST_ISSUE_ID = 10000;
    private static final long FIRST_COMMENT_ID = 10000;
    private static final long FIRST_ADDED_PROJECT_ID = 10002;
    private static final long FIRST_COMPONENT_ID = 10100;
    private static final long FIRST_VERSION_ID = 10200;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final SimulatorClock clock;
    private final Map<String, Project> projectsByKey = new LinkedHashMap<>();
    private final Map<Long, Project> projectsById = new HashMap<>();
    private final TreeMap<Long, Issue> issuesById = new TreeMap<>();
    private final Map<String, Issue> issuesByKey = new HashMap<>();
    private final Map<String, Long> lastNumberByProject = new HashMap<>();
    /** Everyone the site knows, by account id, user name and e-mail (lower case); kept across {@link #reset()}. */
    private final Map<String, SimulatorUser> users = new HashMap<>();
    private final Map<String, Map<String, ProjectComponent>> componentsByProject = new HashMap<>();
    private final Map<String, Map<String, Version>> versionsByProject = new HashMap<>();
    private final List<StateChange.Listener> listeners = new CopyOnWriteArrayList<>();
    /** When a recent change becomes visible to search, per issue id; absent means visible. */
    private final Map<Long, Instant> searchableFrom = new HashMap<>();
    private volatile Duration searchLag = Duration.ZERO;
    private long nextIssueId;
    private long nextCommentId;
    private long nextProjectId;
    private long nextComponentId;
    private long nextVersionId;
    private long version;

    SimulatorState(SimulatorClock clock) {
        this.clock = clock;
        reset();
    }

    /** Back to the seed data: projects DEMO and OPS, no issues, ids restarting at 10000. */
    public void reset() {
        write(() -> {
            projectsByKey.clear();
            projectsById.clear();
            issuesById.clear();
            issuesByKey.clear();
            lastNumberByProject.clear();
            searchableFrom.clear();
            componentsByProject.clear();
            versionsByProject.clear();
            nextComponentId = FIRST_COMPONENT_ID;
            nextVersionId = FIRST_VERSION_ID;
            nextIssueId = FIRST_ISSUE_ID;
            nextCommentId = FIRST_COMMENT_ID;
            nextProjectId = FIRST_ADDED_PROJECT_ID;
            putProject(DEMO);
            putProject(OPS);
            version++;
            return null;
        });
    }

    /** All projects, in creation order. */
    public List<Project> projects() {
        return read(() -> List.copyOf(projectsByKey.values()));
    }

    /** The project with this key (any case) or id, or {@code null}. */
    public Project project(String keyOrId) {
        return read(() -> {
            Project byKey = projectsByKey.get(keyOrId.toUpperCase(Locale.ROOT));
            if (byKey != null || !keyOrId.chars().allMatch(Character::isDigit) || keyOrId.isEmpty()) {
                return byKey;
            }
            return projectsById.get(Long.parseLong(keyOrId));
        });
    }

    /** Adds a project, e.g. many of them to test project paging. */
    public Project addProject(String key, String name) {
        return write(() -> {
            String upper = key.toUpperCase(Locale.ROOT);
            if (projectsByKey.containsKey(upper)) {
                throw new IllegalArgumentException("project " + upper + " exists");
            }
            Project project = new Project(nextProjectId++, upper, name);
            putProject(project);
            version++;
            changed(StateChange.project("project_created", project, clock.now()));
            return project;
        });
    }

    /** Renames a project, as a project admin would in Jira's UI. */
    public Project renameProject(String key, String name) {
        return write(() -> {
            Project old = requireProject(key);
            Project renamed = new Project(old.id(), old.key(), name);
            putProject(renamed);
            issuesById.values().stream().filter(i -> i.project().id() == old.id()).forEach(i -> i.setProject(renamed));
            version++;
            changed(StateChange.project("project_updated", renamed, clock.now()));
            return renamed;
        });
    }

    /**
     * Makes {@code email} a user of the site, who can be an assignee or a watcher (signing in needs credentials, given
     * on the simulator's builder). Users who sign in are known without this.
     */
    public SimulatorUser addUser(String email) {
        SimulatorUser user = SimulatorUser.ofEmail(email);
        knowUser(user);
        return user;
    }

    /** The user with this account id, user name or e-mail address (any case), or {@code null}. */
    public SimulatorUser user(String accountIdNameOrEmail) {
        synchronized (users) {
            return users.get(accountIdNameOrEmail.toLowerCase(Locale.ROOT));
        }
    }

    void knowUser(SimulatorUser user) {
        synchronized (users) {
            users.put(user.accountId().toLowerCase(Locale.ROOT), user);
            users.put(user.username().toLowerCase(Locale.ROOT), user);
            users.put(user.email().toLowerCase(Locale.ROOT), user);
        }
    }

    /** Adds a component to a project, so issues can name it in {@code components}. */
    public ProjectComponent addComponent(String projectKey, String name) {
        return write(() -> add(componentsByProject, projectKey, new ProjectComponent(nextComponentId++, name)));
    }

    /** Adds a version to a project, so issues can name it in {@code fixVersions}. */
    public Version addVersion(String projectKey, String name) {
        return write(() -> add(versionsByProject, projectKey, new Version(nextVersionId++, name)));
    }

    /** A project's component by name (any case) or id, or {@code null}. */
    ProjectComponent component(Project project, String nameOrId) {
        return find(componentsByProject, project, nameOrId);
    }

    /** A project's version by name (any case) or id, or {@code null}. */
    Version version(Project project, String nameOrId) {
        return find(versionsByProject, project, nameOrId);
    }

    /** A project's components, in the order they were added. */
    public List<ProjectComponent> components(String projectKey) {
        return read(() -> List.copyOf(componentsByProject.getOrDefault(requireProject(projectKey).key(), Map.of())
                .values()));
    }

    /** A project's versions, in the order they were added. */
    public List<Version> versions(String projectKey) {
        return read(() -> List.copyOf(versionsByProject.getOrDefault(requireProject(projectKey).key(), Map.of())
                .values()));
    }

    private <T extends ProjectValue> T add(Map<String, Map<String, T>> byProject, String projectKey, T value) {
        byProject.computeIfAbsent(requireProject(projectKey).key(), k -> new LinkedHashMap<>())
                .put(value.name().toLowerCase(Locale.ROOT), value);
        return value;
    }

    private <T extends ProjectValue> T find(Map<String, Map<String, T>> byProject, Project project, String nameOrId) {
        return read(() -> byProject.getOrDefault(project.key(), Map.of()).values().stream()
                .filter(v -> v.name().equalsIgnoreCase(nameOrId) || Long.toString(v.id()).equals(nameOrId))
                .findFirst().orElse(null));
    }

    /**
     * From now on, each issue change reaches search only {@code lag} later on the simulator clock, as when Jira's
     * index runs behind; {@link Duration#ZERO} makes later changes visible at once again.
     */
    public void searchLag(Duration lag) {
        this.searchLag = lag;
    }

    /** Whether search shows the issue yet; only for use under {@link #read}. */
    boolean searchable(Issue issue, Instant now) {
        Instant from = searchableFrom.get(issue.id());
        return from == null || !from.isAfter(now);
    }

    /** Tells {@code listener} about every change from now on. */
    public void onChange(StateChange.Listener listener) {
        listeners.add(listener);
    }

    /** All issues, oldest first. */
    public List<Issue> issues() {
        return read(() -> List.copyOf(issuesById.values()));
    }

    /** The issue with this key (any case) or id, or {@code null}. */
    public Issue issue(String idOrKey) {
        return read(() -> {
            Issue byKey = issuesByKey.get(idOrKey.toUpperCase(Locale.ROOT));
            if (byKey != null || idOrKey.isEmpty() || !idOrKey.chars().allMatch(Character::isDigit)) {
                return byKey;
            }
            return issuesById.get(Long.parseLong(idOrKey));
        });
    }

    public int issueCount() {
        return read(issuesById::size);
    }

    /** The comments of an issue, oldest first; empty when the issue does not exist. */
    public List<Comment> comments(String issueIdOrKey) {
        return read(() -> {
            Issue issue = issue(issueIdOrKey);
            return issue == null ? List.<Comment>of() : issue.comments();
        });
    }

    /** Creates an issue directly, as if a user had created it in Jira's UI. */
    public Issue createIssue(String projectKey, String issueTypeName, String summary) {
        return write(() -> {
            Issue issue = createIssue(requireProject(projectKey),
                    JiraCatalog.issueType(issueTypeName).orElseThrow(
                            () -> new IllegalArgumentException("no issue type " + issueTypeName)),
                    summary, null);
            issueCreated(issue, null);
            return issue;
        });
    }

    /** Changes an issue's summary, as a user would in Jira's UI. */
    public void updateSummary(String issueKey, String summary) {
        write(() -> {
            Issue issue = issue(issueKey);
            if (issue == null) {
                throw new IllegalArgumentException("no issue " + issueKey);
            }
            issue.setSummary(summary);
            issueUpdated(issue, null, "issue_updated", List.of("summary"));
            return null;
        });
    }

    /**
     * Adds {@code count} Tasks to a project in one go, numbered on from its last issue; cheap enough for tens of
     * thousands.
     */
    public List<Issue> seedIssues(String projectKey, int count) {
        return write(() -> {
            Project project = requireProject(projectKey);
            List<Issue> seeded = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                Issue issue = createIssue(project, JiraCatalog.TASK, "Seeded issue " + (i + 1), null);
                seeded.add(issue);
            }
            return seeded;
        });
    }

    Issue createIssue(Project project, IssueType type, String summary, SimulatorUser reporter) {
        long number = lastNumberByProject.merge(project.key(), 1L, Long::sum);
        Issue issue = new Issue(nextIssueId++, project, number, type, summary, reporter, clock.now());
        issuesById.put(issue.id(), issue);
        issuesByKey.put(issue.key(), issue);
        lagSearch(issue);
        version++;
        return issue;
    }

    /** Announces a new issue once all its fields are set. */
    void issueCreated(Issue issue, SimulatorUser user) {
        changed(StateChange.issue("jira:issue_created", "issue_created", issue, user, List.of(), issue.created()));
    }

    /** Records a change to an issue (bumps its {@code updated}, invalidates cached searches) and announces it. */
    void issueUpdated(Issue issue, SimulatorUser user, String issueEventType, List<String> changedFields) {
        touch(issue);
        changed(StateChange.issue("jira:issue_updated", issueEventType, issue, user, changedFields, issue.updated()));
    }

    Comment addComment(Issue issue, SimulatorUser author, JsonNode body) {
        Instant now = clock.now();
        Comment comment = new Comment(nextCommentId++, author, body, now, now);
        issue.addComment(comment);
        touch(issue);
        changed(StateChange.comment(issue, comment, now));
        changed(new StateChange("jira:issue_updated", "issue_commented", issue, comment, issue.project(), author,
                List.of(), now));
        return comment;
    }

    void deleteIssue(Issue issue, SimulatorUser user) {
        changed(StateChange.issue("jira:issue_deleted", "issue_deleted", issue, user, List.of(), clock.now()));
        issuesById.remove(issue.id());
        issuesByKey.remove(issue.key());
        searchableFrom.remove(issue.id());
        version++;
    }

    private void touch(Issue issue) {
        issue.touch(clock.now());
        lagSearch(issue);
        version++;
    }

    private void lagSearch(Issue issue) {
        Duration lag = searchLag;
        if (lag.isZero()) {
            searchableFrom.remove(issue.id());
        } else {
            searchableFrom.put(issue.id(), issue.updated().plus(lag));
        }
    }

    private void changed(StateChange change) {
        listeners.forEach(listener -> listener.changed(change));
    }

    /** Grows on every change, so cached search results know when they are stale. */
    long version() {
        return version;
    }

    /** Every issue, oldest first, without copying; only for use under {@link #read}. */
    Collection<Issue> issuesView() {
        return Collections.unmodifiableCollection(issuesById.values());
    }

    <T> T read(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    <T> T write(Supplier<T> action) {
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private Project requireProject(String projectKey) {
        Project project = project(projectKey);
        if (project == null) {
            throw new IllegalArgumentException("no project " + projectKey);
        }
        return project;
    }

    private void putProject(Project project) {
        projectsByKey.put(project.key(), project);
        projectsById.put(project.id(), project);
    }
}
