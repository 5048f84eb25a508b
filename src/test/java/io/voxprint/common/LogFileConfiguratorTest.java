package io.voxprint.common;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFileConfiguratorTest {
    @TempDir
    Path dir;

    /** A context as slf4j's provider makes it (it sets the MDC adapter every event reads). */
    private static LoggerContext newContext() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        return context;
    }

    @Test
    void writesInfoAndStackTracesToTheLogFileAndKeepsDjlToWarnings() throws Exception {
        LoggerContext context = newContext();
        LogFileConfigurator configurator = new LogFileConfigurator(() -> false, dir);
        configurator.setContext(context);

        assertThat(configurator.configure(context)).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        context.getLogger("io.voxprint.app.Something").info("enrolled alice", new IllegalStateException("disk full"));
        context.getLogger("io.voxprint.app.Something").debug("not this");
        context.getLogger("ai.djl.pytorch.engine.PtEngine").info("Number of intra-op threads is 2");
        context.getLogger("ai.djl.util.Platform").warn("engine warning");
        context.stop();

        String log = Files.readString(dir.resolve("voxprint.log"));
        assertThat(log).contains("INFO  [" + Thread.currentThread().getName() + "] io.voxprint.app.Something - enrolled alice")
                .contains("java.lang.IllegalStateException: disk full")
                .containsPattern("\tat io\\.voxprint\\.common\\.LogFileConfiguratorTest\\.")
                .contains("WARN  [" + Thread.currentThread().getName() + "] ai.djl.util.Platform - engine warning")
                .doesNotContain("not this")
                .doesNotContain("intra-op threads");
        assertThat(log.lines().findFirst().orElseThrow()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} INFO .*");
    }

    @Test
    void aNamedConfigurationFileIsLeftToLogbackAndNothingIsSetUp() {
        LoggerContext context = newContext();
        LogFileConfigurator configurator = new LogFileConfigurator(() -> true, dir);
        configurator.setContext(context);

        assertThat(configurator.configure(context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext()).isFalse();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void logbackFindsItAsAService() {
        assertThat(ServiceLoader.load(Configurator.class).stream().map(p -> p.type().getName()))
                .contains(LogFileConfigurator.class.getName());
    }

    @Test
    void theDirectoryFollowsTheSystemPropertyOrTheHome() {
        String before = System.getProperty(LogFileConfigurator.LOG_DIR_PROPERTY);
        try {
            System.clearProperty(LogFileConfigurator.LOG_DIR_PROPERTY);
            assertThat(LogFileConfigurator.logDirectory())
                    .isEqualTo(Path.of(System.getProperty("user.home"), ".local", "state", "voxprint"));
            System.setProperty(LogFileConfigurator.LOG_DIR_PROPERTY, dir.toString());
            assertThat(LogFileConfigurator.logDirectory()).isEqualTo(dir);
        } finally {
            if (before == null) {
                System.clearProperty(LogFileConfigurator.LOG_DIR_PROPERTY);
            } else {
                System.setProperty(LogFileConfigurator.LOG_DIR_PROPERTY, before);
            }
        }
    }
}
