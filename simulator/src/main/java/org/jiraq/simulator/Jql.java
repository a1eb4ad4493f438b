package org.jiraq.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.Predicate;

/**
 * JQL as the simulator understands it: parses a query, checks its fields and values against the site, and turns it
 * into a {@link JqlQuery}. Supported: {@code project}, {@code key}/{@code issuekey}/{@code id}, {@code status},
 * {@code statusCategory}, {@code issuetype}/{@code type}, {@code priority}, {@code labels}, {@code summary},
 * {@code description}, {@code comment}, {@code text}, {@code created}, {@code updated}, {@code creator},
 * {@code reporter} and {@code assignee} (with
 * {@code currentUser()}), {@code issue.property[key].path}; {@code AND}, {@code OR},
 * {@code NOT}, parentheses; {@code ORDER BY} on several fields. Without ORDER BY, newest issues come first.
 */
final class Jql {

    private Jql() {
    }

    /** A query nobody in particular runs (a webhook's filter): {@code currentUser()} matches no one. */
    static JqlQuery compile(String jql, SimulatorState state, Instant now) {
        return compile(jql, state, now, null);
    }

    /**
     * @param user who searches, for {@code currentUser()}; null when nobody does (a webhook's filter)
     * @throws JqlException with Jira's messages when the query is malformed or names what does not exist
     */
    static JqlQuery compile(String jql, SimulatorState state, Instant now, SimulatorUser user) {
        JqlSyntax.Query syntax = JqlParser.parse(jql == null ? "" : jql);
        JqlFields.Scope scope = new JqlFields.Scope(state, now, user, new ArrayList<>());
        Predicate<Issue> where = syntax.where() == null ? null : condition(syntax.where(), scope);
        Comparator<Issue> order = order(syntax.order(), scope);
        if (!scope.errors().isEmpty()) {
            throw new JqlException(scope.errors());
        }
        return new JqlQuery(where, order);
    }

    private static Predicate<Issue> condition(JqlSyntax.Condition condition, JqlFields.Scope scope) {
        if (condition instanceof JqlSyntax.And and) {
            return combine(and.parts(), scope, Predicate::and);
        }
        if (condition instanceof JqlSyntax.Or or) {
            return combine(or.parts(), scope, Predicate::or);
        }
        if (condition instanceof JqlSyntax.Not not) {
            Predicate<Issue> inner = condition(not.condition(), scope);
            return inner == null ? null : inner.negate();
        }
        JqlSyntax.Clause clause = (JqlSyntax.Clause) condition;
        JqlFields.Field field = JqlFields.field(clause.fieldName());
        if (field == null) {
            scope.errors().add(JqlFields.unknownField(clause.fieldName()));
            return null;
        }
        return field.predicate(clause, scope);
    }

    /** Checks every part, so all problems are reported, then joins them; {@code null} if any part failed. */
    private static Predicate<Issue> combine(List<JqlSyntax.Condition> parts, JqlFields.Scope scope,
            BinaryOperator<Predicate<Issue>> join) {
        List<Predicate<Issue>> predicates = new ArrayList<>();
        for (JqlSyntax.Condition part : parts) {
            predicates.add(condition(part, scope));
        }
        return predicates.contains(null) ? null : predicates.stream().reduce(join).orElseThrow();
    }

    private static Comparator<Issue> order(List<JqlSyntax.Sort> sorts, JqlFields.Scope scope) {
        if (sorts.isEmpty()) {
            return Comparator.comparing(Issue::created).thenComparingLong(Issue::id).reversed();
        }
        Comparator<Issue> order = null;
        for (JqlSyntax.Sort sort : sorts) {
            JqlFields.Field field = JqlFields.field(sort.field().text());
            if (field == null) {
                scope.errors().add(JqlFields.unknownField(sort.field().text()));
                continue;
            }
            if (field.order() == null) {
                scope.errors().add("Field '" + sort.field().text() + "' does not support sorting.");
                continue;
            }
            Comparator<Issue> next = sort.descending() ? field.order().reversed() : field.order();
            order = order == null ? next : order.thenComparing(next);
        }
        if (order == null) {
            return Comparator.comparingLong(Issue::id);
        }
        // ties break on id in the direction of the last sort key, so equal timestamps keep creation order
        boolean lastDescending = sorts.get(sorts.size() - 1).descending();
        Comparator<Issue> byId = Comparator.comparingLong(Issue::id);
        return order.thenComparing(lastDescending ? byId.reversed() : byId);
    }
}
