package io.voxprint.ui.photo;

import com.github.sarxos.webcam.Webcam;
import com.github.sarxos.webcam.WebcamException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default webcam through sarxos webcam-capture. Without the video library the lookup throws
 * {@link WebcamException}; without a camera it returns null; both leave photos switched off.
 */
public final class WebcamCamera implements Camera {
    public static final String NO_CAMERA = "No camera was found; a photo is optional.";
    public static final String NO_DRIVER = "The camera cannot be used on this computer; a photo is optional.";
    private static final Logger LOG = LoggerFactory.getLogger(WebcamCamera.class);
    private volatile Webcam webcam;

    @Override
    public Optional<String> unavailableReason() {
        try {
            webcam = Webcam.getDefault(5, TimeUnit.SECONDS);
            return webcam == null ? Optional.of(NO_CAMERA) : Optional.empty();
        } catch (WebcamException | TimeoutException e) {
            LOG.info("No usable webcam", e);
            return Optional.of(NO_DRIVER);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Webcam lookup failed", e);
            return Optional.of(NO_DRIVER);
        }
    }

    @Override
    public byte[] takePhoto() throws CameraException {
        Webcam cam = webcam;
        if (cam == null) {
            throw new CameraException(NO_CAMERA, null);
        }
        try {
            cam.open();
            BufferedImage image = cam.getImage();
            if (image == null) {
                throw new CameraException("The camera gave no picture; please try again.", null);
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        } catch (WebcamException | IOException e) {
            LOG.warn("Photo failed", e);
            throw new CameraException("The camera could not take a photo; is another program using it?", e);
        } finally {
            cam.close();
        }
    }
}
