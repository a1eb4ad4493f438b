package org.jiraq.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a rate-limit run as an SVG line chart: successful requests and 429 answers per second over time, against
 * the limit in force. Reads and writes the CSV that rate benchmarks record ({@value #CSV_HEADER}), so a benchmark
 * writes its per-second counts once and links the chart from its report.
 */
public final class RateChart {

    static final String CSV_HEADER = "second,successes,rate_limited,limit";

    private static final int WIDTH = 760;
    private static final int HEIGHT = 360;
    private static final int LEFT = 60;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;
    private static final String SUCCESS_COLOUR = "#2e7d32";
    private static final String LIMITED_COLOUR = "#c62828";
    private static final String LIMIT_COLOUR = "#555555";

    /** What happened in one second of the run, and the limit (requests per second) in force then. */
    public record Second(int second, int successes, int rateLimited, double limit) {
    }

    private RateChart() {
    }

    public static void writeCsv(List<Second> seconds, Path csv) throws IOException {
        List<String> lines = new ArrayList<>(List.of(CSV_HEADER));
        seconds.forEach(s -> lines.add(s.second() + "," + s.successes() + "," + s.rateLimited() + "," + s.limit()));
        Files.write(csv, lines);
    }

    public static List<Second> readCsv(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        if (lines.isEmpty() || !lines.get(0).trim().equals(CSV_HEADER)) {
            throw new IllegalArgumentException(csv + " must start with the header " + CSV_HEADER);
        }
        List<Second> seconds = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",");
            if (cells.length != 4) {
                throw new IllegalArgumentException(csv + ": expected 4 cells in '" + line + "'");
            }
            seconds.add(new Second(Integer.parseInt(cells[0].trim()), Integer.parseInt(cells[1].trim()),
                    Integer.parseInt(cells[2].trim()), Double.parseDouble(cells[3].trim())));
        }
        return seconds;
    }

    /** Draws the per-second counts of a CSV into an SVG file. */
    public static void writeSvg(Path csv, Path svg, String title) throws IOException {
        Files.writeString(svg, svg(readCsv(csv), title));
    }

    /** The chart as SVG text. */
    public static String svg(List<Second> seconds, String title) {
        if (seconds.isEmpty()) {
            throw new IllegalArgumentException("Nothing to draw: no seconds");
        }
        int lastSecond = seconds.stream().mapToInt(Second::second).max().orElseThrow();
        int firstSecond = seconds.stream().mapToInt(Second::second).min().orElseThrow();
        double top = niceCeiling(seconds.stream().mapToDouble(s -> Math.max(s.limit(),
                Math.max(s.successes(), s.rateLimited()))).max().orElseThrow());
        Scale scale = new Scale(firstSecond, Math.max(lastSecond, firstSecond + 1), top);

        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                                              + "font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"15\" font-weight=\"bold\">%s</text>%n",
                LEFT, escape(title)));
        axes(svg, scale);
        svg.append(polyline(seconds, scale, Kind.LIMIT)).append(polyline(seconds, scale, Kind.SUCCESSES))
                .append(polyline(seconds, scale, Kind.RATE_LIMITED));
        legend(svg);
        return svg.append("</svg>\n").toString();
    }

    private enum Kind {
        SUCCESSES(SUCCESS_COLOUR, "", "successful requests / s"),
        RATE_LIMITED(LIMITED_COLOUR, "", "429 answers / s"),
        LIMIT(LIMIT_COLOUR, " stroke-dasharray=\"6 4\"", "limit (requests / s)");

        final String colour;
        final String dash;
        final String label;

        Kind(String colour, String dash, String label) {
            this.colour = colour;
            this.dash = dash;
            this.label = label;
        }

        double value(Second s) {
            return switch (this) {
                case SUCCESSES -> s.successes();
                case RATE_LIMITED -> s.rateLimited();
                case LIMIT -> s.limit();
            };
        }
    }

    /** Maps seconds and request rates to pixels inside the plot area. */
    private record Scale(int firstSecond, int lastSecond, double top) {

        double x(double second) {
            return LEFT + (second - firstSecond) * (WIDTH - LEFT - RIGHT) / (lastSecond - firstSecond);
        }

        double y(double rate) {
            return HEIGHT - BOTTOM - rate * (HEIGHT - TOP - BOTTOM) / top;
        }
    }

    private static String polyline(List<Second> seconds, Scale scale, Kind kind) {
        StringBuilder points = new StringBuilder();
        Second previous = null;
        for (Second s : seconds) {
            if (kind == Kind.LIMIT && previous != null && previous.limit() != s.limit()) {
                // a limit changes at once: draw a step, not a slope
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", scale.x(s.second()), scale.y(previous.limit())));
            }
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", scale.x(s.second()), scale.y(kind.value(s))));
            previous = s;
        }
        return String.format(Locale.ROOT,
                "<polyline class=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s points=\"%s\"/>%n",
                kind.name().toLowerCase(Locale.ROOT).replace('_', '-'), kind.colour, kind.dash, points.toString().trim());
    }

    private static void axes(StringBuilder svg, Scale scale) {
        int bottom = HEIGHT - BOTTOM;
        svg.append(String.format(Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", LEFT, bottom, WIDTH - RIGHT, bottom));
        svg.append(String.format(Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", LEFT, TOP, LEFT, bottom));
        for (int i = 0; i <= 5; i++) {
            double rate = scale.top() * i / 5;
            double y = scale.y(rate);
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e0e0e0\"/>"
                                                  + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    LEFT, y, WIDTH - RIGHT, y, LEFT - 6, y + 4, trim(rate)));
        }
        int span = scale.lastSecond() - scale.firstSecond();
        int step = Math.max(1, (int) niceCeiling(span / 10.0));
        for (int second = scale.firstSecond(); second <= scale.lastSecond(); second += step) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n",
                    scale.x(second), bottom + 16, second));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">seconds</text>%n",
                (LEFT + WIDTH - RIGHT) / 2, HEIGHT - 12));
        svg.append(String.format(Locale.ROOT,
                "<text transform=\"translate(16 %d) rotate(-90)\" text-anchor=\"middle\">requests per second</text>%n",
                (TOP + bottom) / 2));
    }

    private static void legend(StringBuilder svg) {
        int x = WIDTH - RIGHT - 190;
        int y = TOP + 4;
        svg.append(String.format(Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"186\" height=\"62\" fill=\"white\" stroke=\"#cccccc\"/>%n", x - 6, y - 4));
        for (Kind kind : List.of(Kind.SUCCESSES, Kind.RATE_LIMITED, Kind.LIMIT)) {
            y += 18;
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>"
                                                  + "<text x=\"%d\" y=\"%d\">%s</text>%n",
                    x, y - 4, x + 24, y - 4, kind.colour, kind.dash, x + 30, y, kind.label));
        }
    }

    /** 1, 2 or 5 times a power of ten, at least the value: round numbers for the axis. */
    static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] { 1, 2, 5, 10 }) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
