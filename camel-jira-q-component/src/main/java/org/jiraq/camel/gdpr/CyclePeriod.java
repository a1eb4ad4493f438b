package org.jiraq.camel.gdpr;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads Atlassian's {@code Cycle-Period} header. Its format is not documented: implementations in the wild read it as
 * seconds ({@code 604800}) or as ISO-8601 ({@code P7D}, {@code PT168H}), so both are accepted.
 */
final class CyclePeriod {

    private CyclePeriod() {
    }

    /** The period the header gives, or null when it is absent, unreadable or not positive. */
    static Duration parse(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim().toUpperCase(Locale.ROOT);
        try {
            Duration period = value.chars().allMatch(Character::isDigit) ? Duration.ofSeconds(Long.parseLong(value))
                    : isoPeriod(value);
            return period.isNegative() || period.isZero() ? null : period;
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            return null;
        }
    }

    /** P7D and PT168H as durations; P1W as a date period of whole days (months have no fixed length, so no P1M). */
    private static Duration isoPeriod(String value) {
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException notADuration) {
            Period period = Period.parse(value);
            if (period.getYears() != 0 || period.getMonths() != 0) {
                throw notADuration;
            }
            return Duration.ofDays(period.getDays());
        }
    }
}
