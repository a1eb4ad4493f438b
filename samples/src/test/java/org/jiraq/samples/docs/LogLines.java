package org.jiraq.samples.docs;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.Property;

/** The lines one logger (and those below it) prints while open, at the level the logging configuration gives it. */
final class LogLines implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
    private final String name;
    /** Each capture its own appender name: loggers keep one appender per name. */
    private final String appenderName = "doc-example-log-" + java.util.UUID.randomUUID();
    private final AbstractAppender appender = new AbstractAppender(appenderName, null, null, true,
            Property.EMPTY_ARRAY) {
        @Override
        public void append(LogEvent event) {
            if (event.getLoggerName().startsWith(name)) {
                lines.add(event.getLevel() + " " + event.getLoggerName() + " " + event.getMessage().getFormattedMessage());
            }
        }
    };

    LogLines(String name) {
        this.name = name;
        appender.start();
        context.getConfiguration().getRootLogger().addAppender(appender, Level.ALL, null);
        context.getConfiguration().getLoggers().values().forEach(l -> l.addAppender(appender, Level.ALL, null));
        context.updateLoggers();
    }

    /** Applies a level as a log4j2.properties line pair (logger.x.name / logger.x.level) would. */
    static void level(String logger, String level) {
        Configurator.setLevel(logger, Level.valueOf(level));
    }

    List<String> lines() {
        return lines;
    }

    @Override
    public void close() {
        context.getConfiguration().getRootLogger().removeAppender(appenderName);
        context.getConfiguration().getLoggers().values().forEach(l -> l.removeAppender(appenderName));
        context.updateLoggers();
        appender.stop();
    }
}
