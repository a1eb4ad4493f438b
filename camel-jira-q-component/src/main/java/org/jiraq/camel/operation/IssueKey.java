package org.jiraq.camel.operation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An issue key split into its project prefix and its number ({@code DEMO-42}). */
record IssueKey(String prefix, long number) {

    private static final Pattern KEY = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)-(\\d{1,18})");

    /** The key, or null when the text is not an issue key. */
    static IssueKey parse(String text) {
        Matcher m = text == null ? null : KEY.matcher(text.trim());
        return m != null && m.matches() ? new IssueKey(m.group(1), Long.parseLong(m.group(2))) : null;
    }

    IssueKey withNumber(long other) {
        return new IssueKey(prefix, other);
    }

    @Override
    public String toString() {
        return prefix + "-" + number;
    }
}
