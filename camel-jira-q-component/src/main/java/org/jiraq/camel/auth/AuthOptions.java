package org.jiraq.camel.auth;

import org.jiraq.camel.JiraqAuthStrategy;

/** The credential options each auth strategy reads, checked the same way for every strategy. */
public final class AuthOptions {

    private AuthOptions() {
    }

    /** The option's value; a missing or blank one fails naming the option, the strategy and what it is. */
    public static String require(String value, String option, JiraqAuthStrategy strategy, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    "Option '" + option + "' is required with authStrategy=" + strategy + " (" + what + ")");
        }
        return value;
    }
}
