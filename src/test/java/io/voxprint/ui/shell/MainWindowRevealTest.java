package io.voxprint.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.testing.LargeHeadlessScreen;
import io.voxprint.ui.values.ModelStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A section's first visit, piecewise once the window is asked to, and at once otherwise. */
@ExtendWith({LargeHeadlessScreen.class, ApplicationExtension.class})
class MainWindowRevealTest {
    private static final int LABELS = 40;
    private final Map<Section, Supplier<Node>> views = Map.of(
            Section.ENROLL, () -> new Label("enroll"),
            Section.VERIFY, () -> new VBox(IntStream.range(0, LABELS).mapToObj(i -> new Label("line " + i))
                    .toArray(Node[]::new)));
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new Label("nothing yet"), 800, 600));
        stage.show();
    }

    @Test
    void onceAskedASectionsFirstVisitIsHiddenUntilAllOfItIsBackAndLaterVisitsShowItAtOnce() throws Exception {
        ShellViewModel vm = shownWindow(true);
        FirstVisit visit = visitVerify(vm);
        assertFalse(visit.visible(), "hidden while it comes back");
        assertTrue(visit.lines() < LABELS, "part of it comes back in later pulses");

        Node section = visit.section();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(section::isVisible));
        List<String> expected = IntStream.range(0, LABELS).mapToObj(i -> "line " + i).toList();
        assertEquals(expected, fx(() -> lines(section)), "every line back, in its order");

        boolean visibleAtOnce = fx(() -> {
            vm.sectionProperty().set(Section.ENROLL);
            vm.sectionProperty().set(Section.VERIFY);
            return current() == section && section.isVisible();
        });
        assertTrue(visibleAtOnce, "a section already built is shown as it is");
    }

    @Test
    void unlessAskedASectionsFirstVisitIsWholeAtOnce() throws Exception {
        FirstVisit visit = visitVerify(shownWindow(false));
        assertTrue(visit.visible());
        assertEquals(LABELS, visit.lines());
    }

    /** The section as it is right after the click, seen in the same FX event: no pulse has run since. */
    private record FirstVisit(Node section, boolean visible, int lines) {
    }

    private FirstVisit visitVerify(ShellViewModel vm) throws Exception {
        return fx(() -> {
            vm.sectionProperty().set(Section.VERIFY);
            Node section = current();
            return new FirstVisit(section, section.isVisible(), lines(section).size());
        });
    }

    private ShellViewModel shownWindow(boolean piecewise) throws Exception {
        ShellViewModel vm = new ShellViewModel();
        fx(() -> {
            vm.modelProperty().set(Optional.of(new ModelStatus("ECAPA2", "local file", "forward(audio, label)")));
            MainWindow window = new MainWindow(vm, views, new Label("first start"));
            stage.getScene().setRoot(window);
            if (piecewise) {
                window.revealNewSectionsPiecewise();
            }
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        return vm;
    }

    private Node current() {
        return ((MainWindow) stage.getScene().getRoot()).current();
    }

    private static List<String> lines(Node section) {
        VBox view = (VBox) ((ScrollPane) section).getContent();
        return view.getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }
}
