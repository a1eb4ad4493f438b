package org.jiraq.simulator.jql;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent JQL parser: {@code OR} binds looser than {@code AND}, {@code NOT} tighter, parentheses group,
 * and an optional {@code ORDER BY} ends the query. Syntax errors carry Jira's wording and position.
 */
final class JqlParser {

    private static final String PREFIX = "Error in the JQL Query: ";
    private static final String VALID_OPERATORS = " The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', "
            + "'!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'.";

    private final List<JqlLexer.Token> tokens;
    private int index;

    private JqlParser(List<JqlLexer.Token> tokens) {
        this.tokens = tokens;
    }

    static JqlSyntax.Query parse(String jql) {
        return new JqlParser(JqlLexer.tokenize(jql)).query();
    }

    private JqlSyntax.Query query() {
        JqlSyntax.Condition where = null;
        if (!atEnd() && !atOrderBy()) {
            where = or();
        }
        List<JqlSyntax.Sort> order = new ArrayList<>();
        if (atOrderBy()) {
            index += 2;
            order.add(sort());
            while (peek().type() == JqlLexer.Type.COMMA) {
                index++;
                order.add(sort());
            }
        } else if (peek().isWord("order")) {
            index++;
            throw error("Expecting 'BY'", peek());
        }
        if (!atEnd()) {
            throw error(where == null ? "Expecting a field name" : order.isEmpty()
                    ? "Expecting either 'OR' or 'AND'" : "Expecting ','", peek());
        }
        return new JqlSyntax.Query(where, order);
    }

    private JqlSyntax.Condition or() {
        List<JqlSyntax.Condition> parts = new ArrayList<>(List.of(and()));
        while (peek().isWord("OR") || isOperator(peek(), "||")) {
            index++;
            parts.add(and());
        }
        return parts.size() == 1 ? parts.get(0) : new JqlSyntax.Or(parts);
    }

    private JqlSyntax.Condition and() {
        List<JqlSyntax.Condition> parts = new ArrayList<>(List.of(unary()));
        while (peek().isWord("AND") || isOperator(peek(), "&&")) {
            index++;
            parts.add(unary());
        }
        return parts.size() == 1 ? parts.get(0) : new JqlSyntax.And(parts);
    }

    private JqlSyntax.Condition unary() {
        JqlLexer.Token token = peek();
        if (token.isWord("NOT") || isOperator(token, "!")) {
            index++;
            return new JqlSyntax.Not(unary());
        }
        if (token.type() == JqlLexer.Type.LPAREN) {
            index++;
            JqlSyntax.Condition inner = or();
            expect(JqlLexer.Type.RPAREN, "Expecting ')'");
            return inner;
        }
        return clause();
    }

    private JqlSyntax.Clause clause() {
        JqlLexer.Token field = fieldName();
        JqlLexer.Token operatorToken = peek();
        String operator = operator();
        if (peek().type() == JqlLexer.Type.LPAREN) {
            index++;
            List<JqlSyntax.Operand> values = new ArrayList<>();
            if (peek().type() != JqlLexer.Type.RPAREN) {
                values.add(operand());
                while (peek().type() == JqlLexer.Type.COMMA) {
                    index++;
                    values.add(operand());
                }
            }
            expect(JqlLexer.Type.RPAREN, "Expecting ',' or ')'");
            return new JqlSyntax.Clause(field, operator, operatorToken, values, true);
        }
        return new JqlSyntax.Clause(field, operator, operatorToken, List.of(operand()), false);
    }

    private JqlLexer.Token fieldName() {
        JqlLexer.Token token = peek();
        boolean name = token.type() == JqlLexer.Type.STRING
                || (token.type() == JqlLexer.Type.WORD && !isKeyword(token));
        if (!name) {
            throw error("Expecting a field name", token);
        }
        index++;
        return token;
    }

    private String operator() {
        JqlLexer.Token token = peek();
        if (token.type() == JqlLexer.Type.OPERATOR && !List.of("&&", "||", "!").contains(token.text())) {
            index++;
            return token.text();
        }
        if (token.isWord("IN")) {
            index++;
            return "IN";
        }
        if (token.isWord("IS")) {
            index++;
            if (peek().isWord("NOT")) {
                index++;
                return "IS NOT";
            }
            return "IS";
        }
        if (token.isWord("NOT") && tokens.get(index + 1).isWord("IN")) {
            index += 2;
            return "NOT IN";
        }
        if (token.type() == JqlLexer.Type.EOF) {
            throw new JqlException(PREFIX + "Expecting operator before the end of the query." + VALID_OPERATORS);
        }
        throw error("Expecting operator", token);
    }

    private JqlSyntax.Operand operand() {
        JqlLexer.Token token = peek();
        if (token.type() == JqlLexer.Type.STRING) {
            index++;
            return new JqlSyntax.Operand(token, JqlSyntax.Operand.Kind.LITERAL);
        }
        if (token.type() != JqlLexer.Type.WORD || isKeyword(token)) {
            if (token.isWord("EMPTY") || token.isWord("NULL")) {
                index++;
                return new JqlSyntax.Operand(token, JqlSyntax.Operand.Kind.EMPTY);
            }
            throw error("Expecting either a value, list or function", token);
        }
        index++;
        if (peek().type() == JqlLexer.Type.LPAREN) {
            index++;
            // arguments are accepted and ignored: the functions the simulator knows take none
            while (peek().type() != JqlLexer.Type.RPAREN && !atEnd()) {
                index++;
            }
            expect(JqlLexer.Type.RPAREN, "Expecting ')'");
            return new JqlSyntax.Operand(token, JqlSyntax.Operand.Kind.FUNCTION);
        }
        return new JqlSyntax.Operand(token, JqlSyntax.Operand.Kind.LITERAL);
    }

    private JqlSyntax.Sort sort() {
        JqlLexer.Token field = fieldName();
        boolean descending = false;
        if (peek().isWord("DESC") || peek().isWord("ASC")) {
            descending = peek().isWord("DESC");
            index++;
        }
        return new JqlSyntax.Sort(field, descending);
    }

    private void expect(JqlLexer.Type type, String expectation) {
        if (peek().type() != type) {
            throw error(expectation, peek());
        }
        index++;
    }

    private boolean atOrderBy() {
        return peek().isWord("ORDER") && tokens.get(Math.min(index + 1, tokens.size() - 1)).isWord("BY");
    }

    private boolean atEnd() {
        return peek().type() == JqlLexer.Type.EOF;
    }

    private JqlLexer.Token peek() {
        return tokens.get(index);
    }

    private static boolean isOperator(JqlLexer.Token token, String operator) {
        return token.type() == JqlLexer.Type.OPERATOR && token.text().equals(operator);
    }

    private static boolean isKeyword(JqlLexer.Token token) {
        return List.of("AND", "OR", "NOT", "IN", "IS", "EMPTY", "NULL", "ORDER", "BY", "ASC", "DESC").stream()
                .anyMatch(token::isWord);
    }

    private static JqlException error(String expectation, JqlLexer.Token got) {
        if (got.type() == JqlLexer.Type.EOF) {
            return new JqlException(PREFIX + expectation + " before the end of the query.");
        }
        return new JqlException(PREFIX + expectation + " but got '" + got.shown() + "'." + got.position());
    }
}
