package io.voxprint.ui.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.testing.LargeHeadlessScreen;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.DialogPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real protection dialogs: answers as buttons, a new passphrase accepted only when typed twice alike. */
@ExtendWith({LargeHeadlessScreen.class, ApplicationExtension.class})
class FxProtectionDialogsTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    private <T> CompletableFuture<T> onFx(java.util.function.Supplier<T> dialog) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(dialog.get()));
        return answer;
    }

    private static Button okOf(FxRobot robot) {
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        return (Button) pane.getButtonTypes().stream().filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE)
                .map(pane::lookupButton).findFirst().orElseThrow();
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> state) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(state).get());
    }

    @Test
    void aNewPassphraseIsAcceptedOnlyWhenBothFieldsAgreeAndAreLongEnough(FxRobot robot) throws Exception {
        FxDialogService dialogs = new FxDialogService(() -> stage);
        CompletableFuture<Optional<char[]>> answer = onFx(() -> dialogs.askPassphrase("New passphrase", true));
        waitFor(() -> robot.lookup("#passphrase-field").tryQuery().isPresent());
        robot.clickOn("#passphrase-field").write("short");
        robot.clickOn("#passphrase-repeat").write("short");
        waitFor(() -> okOf(robot).isDisabled());
        robot.clickOn("#passphrase-field").write(" enough");
        robot.clickOn("#passphrase-repeat").write(" enougH");
        waitFor(() -> okOf(robot).isDisabled());
        assertFalse(answer.isDone());
        robot.clickOn("#passphrase-repeat").eraseText(1).write("h");
        waitFor(() -> !okOf(robot).isDisabled());
        robot.clickOn(okOf(robot));
        assertArrayEquals("short enough".toCharArray(), answer.get(60, TimeUnit.SECONDS).orElseThrow());
    }

    @Test
    void theChosenAnswerIsItsIndexAndCancelIsMinusOne(FxRobot robot) throws Exception {
        FxDialogService dialogs = new FxDialogService(() -> stage);
        List<String> answers = List.of("Protect with a passphrase", "No protection");
        CompletableFuture<Integer> chosen = onFx(() -> dialogs.choose("How?", answers));
        waitFor(() -> robot.lookup("No protection").tryQuery().isPresent());
        robot.clickOn("No protection");
        assertEquals(1, chosen.get(60, TimeUnit.SECONDS));

        CompletableFuture<Integer> cancelled = onFx(() -> dialogs.choose("How?", answers));
        waitFor(() -> robot.lookup("Cancel").tryQuery().isPresent());
        robot.clickOn("Cancel");
        assertEquals(-1, cancelled.get(60, TimeUnit.SECONDS));
        Node none = robot.lookup(".dialog-pane").tryQuery().orElse(null);
        assertTrue(none == null || none.getScene() == null || !none.getScene().getWindow().isShowing());
    }

    @Test
    void aQuestionAskedFromABackgroundThreadIsShownAndAnsweredThere(FxRobot robot) throws Exception {
        // as the window asks while it opens the database off the FX thread (VoxprintApp)
        DialogService dialogs = new FxThreadDialogs(new FxDialogService(() -> stage));
        List<String> answers = List.of("Protect with a passphrase", "No protection");
        CompletableFuture<Integer> chosen = CompletableFuture.supplyAsync(() -> dialogs.choose("How?", answers));
        waitFor(() -> robot.lookup("No protection").tryQuery().isPresent());
        robot.clickOn("No protection");
        assertEquals(1, chosen.get(60, TimeUnit.SECONDS));
    }
}
