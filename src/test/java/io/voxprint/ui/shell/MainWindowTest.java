package io.voxprint.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.voxprint.testing.LargeHeadlessScreen;
import io.voxprint.ui.values.ModelStatus;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith({LargeHeadlessScreen.class, ApplicationExtension.class})
class MainWindowTest {
    private final ShellViewModel vm = new ShellViewModel();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        vm.modelProperty().set(Optional.of(new ModelStatus("ECAPA2", "loading", "")));
        Map<Section, Supplier<Node>> views = Map.of(Section.ENROLL, () -> new Label("enroll"));
        window = new MainWindow(vm, views, new Label("first start"));
        stage.setScene(new Scene(window, 800, 600));
        stage.show();
    }

    @Test
    void theShownSectionIsLeftInPlaceWhenTheModelFinishesLoading() throws Exception {
        Node shown = fx(window::current);
        StackPane container = (StackPane) window.lookup("#content");
        // the first frames lay the window out; from then on only a change inside the container asks for a layout
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> !container.isNeedsLayout()));
        // Put back, the section would be laid out and drawn anew (on the software renderer, a repaint of the
        // whole middle of the window as the model becomes ready); its container would then need a layout.
        boolean containerNeedsLayout = fx(() -> {
            vm.modelProperty().set(Optional.of(new ModelStatus("ECAPA2", "local file", "forward(audio, label)")));
            return container.isNeedsLayout();
        });
        assertFalse(containerNeedsLayout, "the section was taken out and put back");
        assertSame(shown, fx(window::current));
    }

    @Test
    void losingTheModelShowsTheFirstStartScreenAndGettingItBackTheSameSection() throws Exception {
        Node section = fx(window::current);
        fx(() -> {
            vm.modelProperty().set(Optional.empty());
            return null;
        });
        assertEquals("first start", ((Label) fx(window::current)).getText());
        fx(() -> {
            vm.modelProperty().set(Optional.of(new ModelStatus("ECAPA2", "local file", "x")));
            return null;
        });
        assertSame(section, fx(window::current));
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }
}
