package io.voxprint.ui.photo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.sarxos.webcam.Webcam;
import io.voxprint.testing.FakeWebcamDriver;
import io.voxprint.testing.LargeHeadlessScreen;
import io.voxprint.ui.common.FxTaskRunner;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real sarxos code path with a fake driver, one driver per test. */
@ExtendWith({LargeHeadlessScreen.class, ApplicationExtension.class})
class PhotoControlTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private PhotoControl show(com.github.sarxos.webcam.WebcamDriver driver, FxRobot robot) {
        Webcam.resetDriver();
        Webcam.setDriver(driver);
        PhotoControl[] control = new PhotoControl[1];
        robot.interact(() -> {
            control[0] = new PhotoControl(new WebcamCamera(), new FxTaskRunner(Executors.newCachedThreadPool(), e -> { }));
            stage.setScene(new Scene(control[0], 300, 260));
            stage.show();
        });
        return control[0];
    }

    private static String noteOf(PhotoControl control) throws Exception {
        return WaitForAsyncUtils.asyncFx(control::note).get();
    }

    @Test
    void theCameraIsLookedForOnlyWhenAPhotoIsAskedFor(FxRobot robot) throws Exception {
        List<String> lookups = new CopyOnWriteArrayList<>();
        PhotoControl control = show(FakeWebcamDriver.withCamera(lookups), robot);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(List.of(), lookups);
        assertFalse(control.button().isDisabled());
        assertEquals(PhotoControl.HINT, noteOf(control));

        robot.clickOn("#photo-button");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> noteOf(control).equals("Photo taken."));
        assertFalse(lookups.isEmpty());
    }

    @Test
    void theCameraYieldsAPhoto(FxRobot robot) throws Exception {
        PhotoControl control = show(FakeWebcamDriver.withCamera(), robot);
        robot.clickOn("#photo-button");
        // Read on the FX thread: the photo and its note are set in one callback there, so seeing the
        // photo from the test thread alone could come between the two.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> control.photoProperty().get() != null).get());

        BufferedImage photo = ImageIO.read(new ByteArrayInputStream(control.photoProperty().get()));
        assertEquals(FakeWebcamDriver.WIDTH, photo.getWidth());
        assertEquals(FakeWebcamDriver.HEIGHT, photo.getHeight());
        assertEquals(0xFF0000, photo.getRGB(10, 10) & 0xFFFFFF);
        assertEquals(0x0000FF, photo.getRGB(FakeWebcamDriver.WIDTH - 10, 10) & 0xFFFFFF);
        assertEquals("Photo taken.", noteOf(control));
        assertFalse(control.button().isDisabled());
    }

    @Test
    void withoutACameraTheButtonIsDisabledAndSaysWhy(FxRobot robot) throws Exception {
        PhotoControl control = show(FakeWebcamDriver.withoutCamera(), robot);
        robot.clickOn("#photo-button");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> noteOf(control).equals(WebcamCamera.NO_CAMERA));
        assertTrue(control.button().isDisabled());
        Tooltip tip = (Tooltip) control.button().getParent().getProperties().get("javafx.scene.control.Tooltip");
        assertEquals(WebcamCamera.NO_CAMERA, tip.getText());
        assertNull(control.photoProperty().get());
    }
}
