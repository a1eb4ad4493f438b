package org.jiraq.simulator.jql;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jiraq.simulator.SimulatorClock;
import org.jiraq.simulator.model.Issue;
import org.jiraq.simulator.model.SimulatorState;
import org.jiraq.simulator.model.SimulatorUser;

/**
 * Runs JQL over the state. A new search always evaluates afresh; the pages after the first reuse its sorted result
 * while nothing has changed, so walking 20,000 issues page by page costs one evaluation, not one per page. Callers
 * hold the state's read lock.
 */
public final class SearchEngine {

    private static final int CACHED_SEARCHES = 16;

    /** The sorted matches of one query at one state version. */
    public static final class Result {

        private final long version;
        private final JqlQuery query;
        private final List<Issue> issues;

        private Result(long version, JqlQuery query, List<Issue> issues) {
            this.version = version;
            this.query = query;
            this.issues = issues;
        }

        public JqlQuery query() {
            return query;
        }

        public List<Issue> issues() {
            return issues;
        }

        /**
         * Where the page after {@code last} starts: just after it if it is still in the result, else where it would
         * sort now (so issues that left the result meanwhile make nothing skipped), else at {@code offset}.
         */
        public int positionAfter(int offset, Issue last) {
            if (offset > 0 && offset <= issues.size() && issues.get(offset - 1) == last) {
                return offset;
            }
            if (last == null) {
                return Math.min(offset, issues.size());
            }
            int found = Collections.binarySearch(issues, last, query.order());
            return found >= 0 ? found + 1 : -found - 1;
        }
    }

    private final SimulatorState state;
    private final SimulatorClock clock;
    private final Map<String, Result> recent = new LinkedHashMap<>(CACHED_SEARCHES, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Result> eldest) {
            return size() > CACHED_SEARCHES;
        }
    };

    public SearchEngine(SimulatorState state, SimulatorClock clock) {
        this.state = state;
        this.clock = clock;
    }

    /**
     * The sorted matches of {@code jql}.
     *
     * @param continuing a later page of a search already started: reuse its result if the state is unchanged
     * @param user       who searches: {@code currentUser()} in the query means them
     * @throws JqlException for a query Jira would refuse
     */
    public Result run(String jql, boolean continuing, SimulatorUser user) {
        String text = jql == null ? "" : jql;
        String key = (user == null ? "" : user.accountId()) + "\n" + text;
        synchronized (recent) {
            Result cached = recent.get(key);
            if (continuing && cached != null && cached.version == state.version()) {
                return cached;
            }
        }
        Instant now = clock.now();
        JqlQuery query = Jql.compile(text, state, now, user);
        List<Issue> matches = state.issuesView().stream()
                .filter(issue -> state.searchable(issue, now) && query.matches(issue))
                .sorted(query.order()).toList();
        Result result = new Result(state.version(), query, matches);
        synchronized (recent) {
            recent.put(key, result);
        }
        return result;
    }
}
