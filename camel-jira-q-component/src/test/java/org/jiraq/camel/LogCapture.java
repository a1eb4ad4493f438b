package org.jiraq.camel;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Captures every log line (all loggers, DEBUG and up, with stack traces) while open, so a test can search what the
 * component and Camel printed.
 */
public final class LogCapture implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<Level> levels = new CopyOnWriteArrayList<>();
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
    private final LoggerConfig root = context.getConfiguration().getRootLogger();
    private final Level previousLevel = root.getLevel();
    private final AbstractAppender appender = new AbstractAppender("capture", null, null, true, Property.EMPTY_ARRAY) {
        @Override
        public void append(LogEvent event) {
            StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ')
                    .append(event.getMessage().getFormattedMessage());
            if (event.getThrown() != null) {
                StringWriter trace = new StringWriter();
                event.getThrown().printStackTrace(new PrintWriter(trace));
                line.append('\n').append(trace);
            }
            synchronized (lines) {
                lines.add(line.toString());
                levels.add(event.getLevel());
            }
        }
    };

    private LogCapture() {
        appender.start();
        root.addAppender(appender, Level.ALL, null);
        root.setLevel(Level.DEBUG);
        // an additive logger hands its events to the root's appenders as well: capture those there only, once
        context.getConfiguration().getLoggers().values().forEach(l -> {
            if (l != root && !l.isAdditive()) {
                l.addAppender(appender, Level.ALL, null);
            }
        });
        context.updateLoggers();
    }

    public static LogCapture start() {
        return new LogCapture();
    }

    public String text() {
        return String.join("\n", lines);
    }

    /** The lines logged at exactly this level. */
    public List<String> linesAt(Level level) {
        synchronized (lines) {
            return IntStream.range(0, lines.size()).filter(i -> levels.get(i) == level)
                    .mapToObj(lines::get).toList();
        }
    }

    public int lineCount() {
        return lines.size();
    }

    @Override
    public void close() {
        context.getConfiguration().getLoggers().values().forEach(l -> l.removeAppender("capture"));
        root.setLevel(previousLevel);
        context.updateLoggers();
        appender.stop();
    }
}
