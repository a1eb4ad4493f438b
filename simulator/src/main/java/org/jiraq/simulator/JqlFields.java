package org.jiraq.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields JQL can search and sort in the simulator, and what each operator means for each of them. Checking a
 * clause against the site (does project NOPE exist?) happens here too; problems are collected, not thrown, so one
 * answer can list them all as Jira does.
 */
final class JqlFields {

    /** What a clause is checked and evaluated against. */
    record Scope(SimulatorState state, Instant now, SimulatorUser user, List<String> errors) {
    }

    /** One searchable field. */
    abstract static class Field {

        private final Set<String> operators;
        private final Comparator<Issue> order;

        Field(Set<String> operators, Comparator<Issue> order) {
            this.operators = operators;
            this.order = order;
        }

        /** {@code null} when the field cannot be sorted on. */
        Comparator<Issue> order() {
            return order;
        }

        /** The clause as a test on issues; {@code null} after recording errors in the scope. */
        Predicate<Issue> predicate(JqlSyntax.Clause clause, Scope scope) {
            String operator = clause.operator();
            if (!operators.contains(operator)) {
                return fail(scope, "The operator '" + operatorAsWritten(clause) + "' is not supported by the '"
                        + clause.fieldName() + "' field.");
            }
            boolean listOperator = operator.equals("IN") || operator.equals("NOT IN");
            if (listOperator && !clause.list()) {
                return fail(scope, "The operator '" + operatorAsWritten(clause) + "' does not support the non-list value '"
                        + clause.operands().get(0).text() + "' for field '" + clause.fieldName() + "'.");
            }
            if (!listOperator && clause.list()) {
                return fail(scope, "The operator '" + operatorAsWritten(clause)
                        + "' does not support multiple values for field '" + clause.fieldName() + "'.");
            }
            for (JqlSyntax.Operand operand : clause.operands()) {
                if (operand.kind() == JqlSyntax.Operand.Kind.FUNCTION && !acceptsFunction(operand.text())) {
                    return fail(scope, "Unable to find JQL function '" + operand.text() + "()'.");
                }
            }
            if (operator.startsWith("IS")) {
                if (clause.operands().get(0).kind() != JqlSyntax.Operand.Kind.EMPTY) {
                    return fail(scope, "The operator '" + operatorAsWritten(clause)
                            + "' only supports the EMPTY and NULL values for field '" + clause.fieldName() + "'.");
                }
                Predicate<Issue> empty = this::isEmpty;
                return operator.equals("IS") ? empty : empty.negate();
            }
            return build(clause, scope);
        }

        boolean acceptsFunction(String name) {
            return false;
        }

        abstract boolean isEmpty(Issue issue);

        abstract Predicate<Issue> build(JqlSyntax.Clause clause, Scope scope);
    }

    /**
     * A field holding zero or more discrete values (project, status, labels...): {@code =}, {@code !=}, {@code IN},
     * {@code NOT IN}. Like Jira, {@code !=} and {@code NOT IN} never match an issue where the field is empty.
     */
    private static class ValueField extends Field {

        private final Function<Issue, Collection<?>> values;
        private final Resolver resolver;

        /** Turns a JQL literal into the value it names, or records an error and answers {@code null}. */
        @FunctionalInterface
        interface Resolver {
            Object resolve(String literal, String fieldName, Scope scope);
        }

        ValueField(Function<Issue, Collection<?>> values, Resolver resolver, Comparator<Issue> order) {
            super(Set.of("=", "!=", "IN", "NOT IN", "IS", "IS NOT"), order);
            this.values = values;
            this.resolver = resolver;
        }

        @Override
        boolean isEmpty(Issue issue) {
            return values.apply(issue).isEmpty();
        }

        @Override
        Predicate<Issue> build(JqlSyntax.Clause clause, Scope scope) {
            List<Object> wanted = new ArrayList<>();
            boolean wantsEmpty = false;
            int errorsBefore = scope.errors().size();
            for (JqlSyntax.Operand operand : clause.operands()) {
                if (operand.kind() == JqlSyntax.Operand.Kind.EMPTY) {
                    wantsEmpty = true;
                } else {
                    wanted.add(resolver.resolve(operand.text(), clause.fieldName(), scope));
                }
            }
            if (scope.errors().size() > errorsBefore) {
                return null;
            }
            boolean matchEmpty = wantsEmpty;
            Predicate<Issue> any = issue -> {
                Collection<?> have = values.apply(issue);
                return (matchEmpty && have.isEmpty()) || wanted.stream().anyMatch(have::contains);
            };
            boolean negated = clause.operator().equals("!=") || clause.operator().equals("NOT IN");
            return negated ? issue -> !isEmpty(issue) && !any.test(issue) : any;
        }
    }

    /** A user field ({@code creator}): a user by account id, e-mail or user name, or {@code currentUser()}. */
    private static final class UserField extends ValueField {

        UserField(Function<Issue, SimulatorUser> user) {
            super(issue -> identities(user.apply(issue)), JqlFields::user, null);
        }

        @Override
        boolean acceptsFunction(String name) {
            return name.equalsIgnoreCase("currentUser");
        }

        private static Collection<?> identities(SimulatorUser user) {
            return user == null ? Set.of() : Set.of(user.accountId(), user.email().toLowerCase(Locale.ROOT),
                    user.username().toLowerCase(Locale.ROOT));
        }
    }

    /** Issue keys and ids ({@code key}, {@code issuekey}, {@code id} are one field in Jira): also {@code < > <= >=}. */
    private static final class KeyField extends Field {

        KeyField() {
            super(Set.of("=", "!=", "IN", "NOT IN", "<", "<=", ">", ">=", "IS", "IS NOT"), BY_KEY);
        }

        @Override
        boolean isEmpty(Issue issue) {
            return false;
        }

        @Override
        Predicate<Issue> build(JqlSyntax.Clause clause, Scope scope) {
            List<Issue> named = new ArrayList<>();
            for (JqlSyntax.Operand operand : clause.operands()) {
                if (operand.kind() == JqlSyntax.Operand.Kind.EMPTY) {
                    continue;
                }
                Issue issue = resolve(operand.text(), clause.fieldName(), scope);
                if (issue != null) {
                    named.add(issue);
                }
            }
            if (named.size() < clause.operands().stream()
                    .filter(o -> o.kind() != JqlSyntax.Operand.Kind.EMPTY).count()) {
                return null;
            }
            return switch (clause.operator()) {
                case "=", "IN" -> issue -> named.stream().anyMatch(n -> n.id() == issue.id());
                case "!=", "NOT IN" -> issue -> named.stream().noneMatch(n -> n.id() == issue.id());
                default -> range(clause.operator(), named.get(0));
            };
        }

        /** Key ranges stay within the named issue's project, as in Jira. */
        private static Predicate<Issue> range(String operator, Issue bound) {
            Predicate<Issue> sameProject = issue -> issue.project().id() == bound.project().id();
            Predicate<Issue> inRange = switch (operator) {
                case "<" -> issue -> issue.number() < bound.number();
                case "<=" -> issue -> issue.number() <= bound.number();
                case ">" -> issue -> issue.number() > bound.number();
                default -> issue -> issue.number() >= bound.number();
            };
            return sameProject.and(inRange);
        }

        private static Issue resolve(String literal, String fieldName, Scope scope) {
            Issue issue = scope.state().issue(literal);
            if (issue != null) {
                return issue;
            }
            int dash = literal.lastIndexOf('-');
            boolean wellFormed = literal.chars().allMatch(Character::isDigit) || (dash > 0
                    && literal.substring(dash + 1).chars().allMatch(Character::isDigit)
                    && dash < literal.length() - 1 && scope.state().project(literal.substring(0, dash)) != null);
            scope.errors().add(wellFormed
                    ? "An issue with key '" + literal + "' does not exist for field '" + fieldName + "'."
                    : "The issue key '" + literal + "' for field '" + fieldName + "' is invalid.");
            return null;
        }
    }

    /** Free text ({@code summary ~ "word"}): every word must occur in the text; a trailing {@code *} matches prefixes. */
    private static final class TextField extends Field {

        private final Function<Issue, String> text;

        TextField(Function<Issue, String> lowerCaseText, Comparator<Issue> order) {
            super(Set.of("~", "!~", "IS", "IS NOT"), order);
            this.text = lowerCaseText;
        }

        @Override
        boolean isEmpty(Issue issue) {
            return text.apply(issue).isBlank();
        }

        @Override
        Predicate<Issue> build(JqlSyntax.Clause clause, Scope scope) {
            List<String> terms = new ArrayList<>();
            for (String term : clause.operands().get(0).text().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}*]+")) {
                if (!term.isEmpty() && !term.equals("*")) {
                    terms.add(term);
                }
            }
            if (terms.isEmpty()) {
                return fail(scope, "The field '" + clause.fieldName() + "' does not support searching for an "
                        + "empty string.");
            }
            Predicate<Issue> all = issue -> {
                String haystack = text.apply(issue);
                return terms.stream().allMatch(term -> containsWord(haystack, term));
            };
            return clause.operator().equals("~") ? all : all.negate();
        }

        private static boolean containsWord(String haystack, String term) {
            boolean prefix = term.endsWith("*");
            String word = prefix ? term.substring(0, term.length() - 1) : term;
            for (int at = haystack.indexOf(word); at >= 0; at = haystack.indexOf(word, at + 1)) {
                int end = at + word.length();
                boolean startsWord = at == 0 || !Character.isLetterOrDigit(haystack.charAt(at - 1));
                boolean endsWord = prefix || end == haystack.length() || !Character.isLetterOrDigit(haystack.charAt(end));
                if (startsWord && endsWord) {
                    return true;
                }
            }
            return false;
        }
    }

    /** {@code created} and {@code updated}: comparisons against dates, periods relative to the clock, and now(). */
    private static final class DateField extends Field {

        private final Function<Issue, Instant> date;

        DateField(Function<Issue, Instant> date) {
            super(Set.of("=", "!=", "<", "<=", ">", ">=", "IS", "IS NOT"), Comparator.comparing(date));
            this.date = date;
        }

        @Override
        boolean acceptsFunction(String name) {
            return name.equalsIgnoreCase("now");
        }

        @Override
        boolean isEmpty(Issue issue) {
            return date.apply(issue) == null;
        }

        @Override
        Predicate<Issue> build(JqlSyntax.Clause clause, Scope scope) {
            JqlSyntax.Operand operand = clause.operands().get(0);
            Instant bound = operand.kind() == JqlSyntax.Operand.Kind.FUNCTION
                    ? scope.now()
                    : JqlDates.parse(operand.text(), scope.now());
            if (bound == null) {
                return fail(scope, JqlDates.invalid(operand.text(), clause.fieldName()));
            }
            return switch (clause.operator()) {
                case "=" -> issue -> date.apply(issue).equals(bound);
                case "!=" -> issue -> !date.apply(issue).equals(bound);
                case "<" -> issue -> date.apply(issue).isBefore(bound);
                case "<=" -> issue -> !date.apply(issue).isAfter(bound);
                case ">" -> issue -> date.apply(issue).isAfter(bound);
                default -> issue -> !date.apply(issue).isBefore(bound);
            };
        }
    }

    /** Issue keys sort by project key, then by number (DEMO-2 before DEMO-10). */
    private static final Comparator<Issue> BY_KEY = Comparator.comparing((Issue issue) -> issue.project().key())
            .thenComparingLong(Issue::number);

    private static final Map<String, Field> FIELDS = new HashMap<>();
    /** {@code issue.property[key].path}: an entity property's value at a dotted path. */
    private static final Pattern ISSUE_PROPERTY = Pattern.compile("issue\\.property\\[([^\\]]+)]\\.(.+)",
            Pattern.CASE_INSENSITIVE);

    static {
        Field key = new KeyField();
        for (String name : List.of("key", "issuekey", "id")) {
            FIELDS.put(name, key);
        }
        FIELDS.put("project", new ValueField(issue -> Set.of(issue.project()), JqlFields::project,
                Comparator.comparing((Issue issue) -> issue.project().key())));
        FIELDS.put("status", new ValueField(issue -> Set.of(issue.status()),
                named(JiraCatalog::status), Comparator.comparingInt(issue -> JiraCatalog.STATUSES.indexOf(issue.status()))));
        FIELDS.put("statuscategory", new ValueField(issue -> Set.of(issue.status().category()),
                named(JiraCatalog::statusCategory), null));
        Field issueType = new ValueField(issue -> Set.of(issue.issueType()), named(JiraCatalog::issueType),
                Comparator.comparing((Issue issue) -> issue.issueType().name()));
        FIELDS.put("issuetype", issueType);
        FIELDS.put("type", issueType);
        // Jira sorts priorities by rank: ascending runs from the lowest to the highest
        FIELDS.put("priority", new ValueField(issue -> Set.of(issue.priority()), named(JiraCatalog::priority),
                Comparator.comparingLong((Issue issue) -> -issue.priority().id())));
        FIELDS.put("labels", new ValueField(issue -> issue.labels().stream()
                .map(label -> label.toLowerCase(Locale.ROOT)).toList(),
                (literal, field, scope) -> literal.toLowerCase(Locale.ROOT), null));
        FIELDS.put("summary", new TextField(issue -> issue.summary().toLowerCase(Locale.ROOT),
                Comparator.comparing((Issue issue) -> issue.summary().toLowerCase(Locale.ROOT))));
        FIELDS.put("description", new TextField(
                issue -> Adf.plainText(issue.description()).toLowerCase(Locale.ROOT), null));
        FIELDS.put("comment", new TextField(issue -> String.join("\n", issue.comments().stream()
                .map(Comment::bodyText).toList()).toLowerCase(Locale.ROOT), null));
        FIELDS.put("text", new TextField(Issue::searchText, null));
        Field created = new DateField(Issue::created);
        FIELDS.put("created", created);
        FIELDS.put("createddate", created);
        Field updated = new DateField(Issue::updated);
        FIELDS.put("updated", updated);
        FIELDS.put("updateddate", updated);
        FIELDS.put("creator", new UserField(Issue::creator));
        FIELDS.put("reporter", new UserField(Issue::reporter));
        FIELDS.put("assignee", new UserField(Issue::assignee));
    }

    private JqlFields() {
    }

    /** The field with this name (any case), or {@code null}. */
    static Field field(String name) {
        Field field = FIELDS.get(name.toLowerCase(Locale.ROOT));
        Matcher property = ISSUE_PROPERTY.matcher(name);
        if (field == null && property.matches()) {
            String key = property.group(1);
            String path = property.group(2);
            return new ValueField(issue -> issue.propertyValues(key, path), (literal, f, scope) -> literal, null);
        }
        return field;
    }

    /** {@code currentUser()}, or a user named by account id, e-mail or user name. */
    private static Object user(String literal, String fieldName, Scope scope) {
        if (literal.equalsIgnoreCase("currentUser")) {
            return scope.user() == null ? "" : scope.user().accountId();
        }
        return literal.toLowerCase(Locale.ROOT);
    }

    static String unknownField(String name) {
        return "Field '" + name + "' does not exist or you do not have permission to view it.";
    }

    private static Object project(String literal, String fieldName, Scope scope) {
        Project project = scope.state().project(literal);
        if (project == null) {
            project = scope.state().projects().stream()
                    .filter(p -> p.name().equalsIgnoreCase(literal))
                    .findFirst().orElse(null);
        }
        if (project == null) {
            scope.errors().add(noSuchValue(literal, fieldName));
        }
        return project;
    }

    private static ValueField.Resolver named(Function<String, Optional<?>> lookup) {
        return (literal, fieldName, scope) -> {
            Object value = lookup.apply(literal).orElse(null);
            if (value == null) {
                scope.errors().add(noSuchValue(literal, fieldName));
            }
            return value;
        };
    }

    private static String noSuchValue(String literal, String fieldName) {
        return "The value '" + literal + "' does not exist for the field '" + fieldName + "'.";
    }

    private static String operatorAsWritten(JqlSyntax.Clause clause) {
        return clause.operator().chars().anyMatch(Character::isLetter)
                ? clause.operator().toLowerCase(Locale.ROOT) : clause.operator();
    }

    private static <T> T fail(Scope scope, String message) {
        scope.errors().add(message);
        return null;
    }
}
