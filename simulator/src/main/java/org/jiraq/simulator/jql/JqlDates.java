package org.jiraq.simulator.jql;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JQL date values: {@code "yyyy/MM/dd HH:mm"}, {@code "yyyy-MM-dd HH:mm"}, {@code "yyyy/MM/dd"},
 * {@code "yyyy-MM-dd"} (read in UTC, the simulated users' zone), epoch milliseconds, and periods relative to the
 * simulator clock such as {@code -5m} or {@code "-1w 2d"}.
 */
final class JqlDates {

    private static final List<DateTimeFormatter> DATE_TIMES = List.of(
            DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm"), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("yyyy/MM/dd"), DateTimeFormatter.ofPattern("yyyy-MM-dd"));
    private static final Pattern PERIOD = Pattern.compile("([+-]?)\\s*((?:\\d+\\s*[wdhm]\\s*)+)");
    private static final Pattern PERIOD_PART = Pattern.compile("(\\d+)\\s*([wdhm])");

    private JqlDates() {
    }

    /** The instant {@code value} denotes, or {@code null} when it is no date Jira would accept. */
    static Instant parse(String value, Instant now) {
        String text = value.trim();
        if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
            return Instant.ofEpochMilli(Long.parseLong(text));
        }
        Matcher period = PERIOD.matcher(text);
        if (period.matches()) {
            Duration offset = periodLength(period.group(2));
            return "-".equals(period.group(1)) ? now.minus(offset) : now.plus(offset);
        }
        for (DateTimeFormatter format : DATE_TIMES) {
            try {
                return LocalDateTime.parse(text, format).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(text, format).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return null;
    }

    static String invalid(String value, String field) {
        return "Date value '" + value + "' for field '" + field + "' is invalid. Valid formats include: "
                + "'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format "
                + "e.g. '-5d', '4w 2d'.";
    }

    private static Duration periodLength(String parts) {
        Duration total = Duration.ZERO;
        Matcher part = PERIOD_PART.matcher(parts);
        while (part.find()) {
            long amount = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "w" -> Duration.ofDays(7 * amount);
                case "d" -> Duration.ofDays(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofMinutes(amount);
            });
        }
        return total;
    }
}
