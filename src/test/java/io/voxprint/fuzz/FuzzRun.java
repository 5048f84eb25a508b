package io.voxprint.fuzz;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.io.PrintWriter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs one test method through the JUnit Platform launcher, as Maven's test runner does, and
 * prints "RESULT succeeded=N failed=M" and each failure; {@link FuzzTimeoutTest} runs it in a child
 * JVM with {@code JAZZER_FUZZ=1}.
 */
public final class FuzzRun {

    private FuzzRun() {
    }

    public static void main(String[] args) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectMethod(args[0])).build();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, summary);
        TestExecutionSummary s = summary.getSummary();
        for (TestExecutionSummary.Failure f : s.getFailures()) {
            System.out.println("FAILURE " + f.getException());
        }
        System.out.println("RESULT succeeded=" + s.getTestsSucceededCount() + " failed=" + s.getTestsFailedCount());
        System.out.flush();
        System.exit(0);
    }
}
