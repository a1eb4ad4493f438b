package org.jiraq.simulator.jql;

import java.util.List;

/** The parsed form of a JQL query, before field names and values are checked against the site. */
final class JqlSyntax {

    private JqlSyntax() {
    }

    sealed interface Condition permits Or, And, Not, Clause {
    }

    record Or(List<Condition> parts) implements Condition {
    }

    record And(List<Condition> parts) implements Condition {
    }

    record Not(Condition condition) implements Condition {
    }

    /**
     * {@code field operator operand(s)}.
     *
     * @param operator upper case, one space between words: {@code =}, {@code IN}, {@code NOT IN}, {@code IS NOT}...
     * @param list     whether the operand was a parenthesised list
     */
    record Clause(JqlLexer.Token field, String operator, JqlLexer.Token operatorToken, List<Operand> operands,
            boolean list) implements Condition {

        String fieldName() {
            return field.text();
        }
    }

    /** A value: a literal, {@code EMPTY}/{@code NULL}, or a function call such as {@code now()}. */
    record Operand(JqlLexer.Token token, Kind kind) {

        enum Kind { LITERAL, EMPTY, FUNCTION }

        String text() {
            return token.text();
        }
    }

    record Sort(JqlLexer.Token field, boolean descending) {
    }

    /** A whole query; {@code where} is {@code null} for an empty query or one that is only an ORDER BY. */
    record Query(Condition where, List<Sort> order) {
    }
}
