package io.sessionflow.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Where a command's log goes. logback.xml sends everything to stderr, which suits the service. A command for a
 * person keeps stderr for its own lines: the log goes to a file, and only Sessionflow's errors reach the console,
 * unless {@code --verbose} asks for the whole log there too.
 */
public final class LogSetup {
    private static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{30} - "
            + "%replace(%msg){'[\\r\\n]+', ' '}%n%ex{short}";

    private LogSetup() {
    }

    /** SESSIONFLOW_CAMEL_LOG_LEVEL, also when given as the property sessionflow.camel.log-level. */
    public static void camelLevel(String level) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger("org.apache.camel").setLevel(Level.toLevel(level, Level.WARN));
    }

    /** @throws IllegalArgumentException when the log file's folder cannot be made */
    public static void forPeople(Path file, boolean verbose) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                java.nio.file.Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("SESSIONFLOW_LOG_FILE " + file + ": cannot create its folder ("
                    + e + ")");
        }
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (!verbose) {
            Appender<ILoggingEvent> console = root.getAppender("STDERR");
            if (console != null) {
                console.addFilter(new OwnErrorsOnly());
            }
        }
        if (file != null) {
            root.addAppender(fileAppender(context, file));
        }
    }

    private static FileAppender<ILoggingEvent> fileAppender(LoggerContext context, Path file) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("FILE");
        appender.setFile(file.toString());
        appender.setAppend(true);
        appender.setEncoder(encoder);
        KafkaNoiseFilter noise = new KafkaNoiseFilter();
        noise.start();
        appender.addFilter(noise);
        appender.start();
        return appender;
    }

    /** The console of a person's command: Sessionflow's own errors, nothing of the libraries' housekeeping. */
    private static final class OwnErrorsOnly extends Filter<ILoggingEvent> {
        OwnErrorsOnly() {
            start();
        }

        @Override
        public FilterReply decide(ILoggingEvent event) {
            return event.getLevel().isGreaterOrEqual(Level.ERROR) && event.getLoggerName().startsWith("io.sessionflow")
                    ? FilterReply.NEUTRAL : FilterReply.DENY;
        }
    }
}
