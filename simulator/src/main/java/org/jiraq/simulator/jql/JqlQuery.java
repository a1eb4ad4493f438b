package org.jiraq.simulator.jql;

import java.util.Comparator;
import java.util.function.Predicate;
import org.jiraq.simulator.model.Issue;

/**
 * A checked JQL query, ready to run: which issues match and in what order.
 *
 * @param where   the filter; {@code null} when the query has no conditions (only possibly an ORDER BY)
 * @param order   the full ordering, ending in a tie-break on issue id so pages never overlap
 */
public record JqlQuery(Predicate<Issue> where, Comparator<Issue> order) {

    public boolean matches(Issue issue) {
        return where == null || where.test(issue);
    }

    /** Cloud's enhanced search refuses queries with no restriction at all. */
    public boolean bounded() {
        return where != null;
    }
}
