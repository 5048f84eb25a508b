package io.voxprint.common;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * Voxprint's log: {@code ~/.local/state/voxprint/voxprint.log} (or {@code -Dvoxprint.log.dir}), three
 * rotated files of 5 MB, INFO and up, DJL's own chatter from WARN. Stack traces go here, never to the
 * user's terminal.
 *
 * <p>Set up in code, found by logback as a service, because reading the same setup from a
 * {@code logback.xml} took half a second of every start on two cores (logback's XML reader and model
 * processing, about a thousand classes), before any command or window could log; in code it takes
 * about 0.3 s (docs/performance.md). A configuration file named by {@code -Dlogback.configurationFile},
 * or a {@code logback-test.xml} on the class path (the tests'), is still read as logback always did.
 */
public final class LogFileConfigurator extends ContextAwareBase implements Configurator {
    static final String LOG_DIR_PROPERTY = "voxprint.log.dir";
    static final String PATTERN = "%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n";
    private final BooleanSupplier configurationFileNamed;
    private final Path dir;

    /** As logback finds it: the log directory from the system properties. */
    public LogFileConfigurator() {
        this(LogFileConfigurator::configurationFileNamed, logDirectory());
    }

    LogFileConfigurator(BooleanSupplier configurationFileNamed, Path dir) {
        this.configurationFileNamed = configurationFileNamed;
        this.dir = dir;
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (configurationFileNamed.getAsBoolean()) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();

        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(dir.resolve("voxprint.log").toString());
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(dir.resolve("voxprint.%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(3);
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(FileSize.valueOf("5MB"));
        trigger.start();
        file.setRollingPolicy(rolling);
        file.setTriggeringPolicy(trigger);
        file.setEncoder(encoder);
        file.start();

        context.getLogger("ai.djl").setLevel(Level.WARN);
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(file);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static boolean configurationFileNamed() {
        return System.getProperty(ContextInitializer.CONFIG_FILE_PROPERTY) != null
                || LogFileConfigurator.class.getClassLoader().getResource(ContextInitializer.TEST_AUTOCONFIG_FILE) != null;
    }

    static Path logDirectory() {
        String dir = System.getProperty(LOG_DIR_PROPERTY);
        return dir != null ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".local", "state", "voxprint");
    }
}
