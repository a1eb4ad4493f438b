package org.jiraq.simulator.jql;

import java.util.ArrayList;
import java.util.List;

/** Splits JQL into tokens, remembering where each starts so errors can say "line 1, character 9" as Jira does. */
final class JqlLexer {

    enum Type { WORD, STRING, LPAREN, RPAREN, COMMA, OPERATOR, EOF }

    /** A token; {@code text} is unquoted and unescaped for strings. */
    record Token(Type type, String text, int line, int column) {

        boolean isWord(String keyword) {
            return type == Type.WORD && text.equalsIgnoreCase(keyword);
        }

        /** How Jira quotes the token back in a message. */
        String shown() {
            return type == Type.STRING ? "\"" + text + "\"" : text;
        }

        String position() {
            return " (line " + line + ", character " + column + ")";
        }
    }

    private static final String SPECIAL = "\"'(),=!~<>&|";

    private final String text;
    private int index;
    private int line = 1;
    private int lineStart;

    private JqlLexer(String text) {
        this.text = text;
    }

    static List<Token> tokenize(String jql) {
        return new JqlLexer(jql).run();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipWhitespace();
            if (index >= text.length()) {
                tokens.add(new Token(Type.EOF, "EOF", line, column()));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private Token next() {
        int column = column();
        char c = text.charAt(index);
        switch (c) {
            case '(' -> {
                index++;
                return new Token(Type.LPAREN, "(", line, column);
            }
            case ')' -> {
                index++;
                return new Token(Type.RPAREN, ")", line, column);
            }
            case ',' -> {
                index++;
                return new Token(Type.COMMA, ",", line, column);
            }
            case '"', '\'' -> {
                return quoted(c, column);
            }
            default -> {
                return SPECIAL.indexOf(c) >= 0 ? operator(column) : word(column);
            }
        }
    }

    private Token operator(int column) {
        for (String op : List.of("!=", "!~", "<=", ">=", "&&", "||", "=", "~", "<", ">", "!")) {
            if (text.startsWith(op, index)) {
                index += op.length();
                return new Token(Type.OPERATOR, op, line, column);
            }
        }
        // a lone '&' or '|': Jira reserves them, so report them where they stand
        throw new JqlException("Error in the JQL Query: The character '" + text.charAt(index)
                + "' is a reserved JQL character. You must enclose it in a string or use the escape '\\u"
                + String.format("%04x", (int) text.charAt(index)) + "' instead." + " (line " + line
                + ", character " + column + ")");
    }

    private Token word(int column) {
        int start = index;
        while (index < text.length() && !Character.isWhitespace(text.charAt(index))
                && SPECIAL.indexOf(text.charAt(index)) < 0) {
            index++;
        }
        return new Token(Type.WORD, text.substring(start, index), line, column);
    }

    private Token quoted(char quote, int column) {
        StringBuilder value = new StringBuilder();
        int startLine = line;
        index++;
        while (index < text.length()) {
            char c = text.charAt(index++);
            if (c == quote) {
                return new Token(Type.STRING, value.toString(), startLine, column);
            }
            if (c == '\\' && index < text.length()) {
                c = text.charAt(index++);
            }
            value.append(c);
        }
        throw new JqlException("Error in the JQL Query: The quoted string '" + value + "' has not been completed."
                + " (line " + startLine + ", character " + column + ")");
    }

    private void skipWhitespace() {
        while (index < text.length() && Character.isWhitespace(text.charAt(index))) {
            if (text.charAt(index) == '\n') {
                line++;
                lineStart = index + 1;
            }
            index++;
        }
    }

    private int column() {
        return index - lineStart + 1;
    }
}
