package io.voxprint.testing;

import com.github.sarxos.webcam.WebcamDevice;
import com.github.sarxos.webcam.WebcamDriver;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A webcam-capture driver for tests: either no camera, or one that returns a fixed 320x240 test
 * picture (left half red, right half blue). Set it with {@code Webcam.setDriver} before any other
 * Webcam call.
 */
public final class FakeWebcamDriver implements WebcamDriver {
    public static final int WIDTH = 320;
    public static final int HEIGHT = 240;
    private final List<WebcamDevice> devices = new ArrayList<>();
    private final List<String> lookups;

    private FakeWebcamDriver(List<String> lookups) {
        this.lookups = lookups;
    }

    public static FakeWebcamDriver withCamera() {
        return withCamera(new ArrayList<>());
    }

    /** A camera; every lookup of the devices adds the looking thread's name to {@code lookups}. */
    public static FakeWebcamDriver withCamera(List<String> lookups) {
        FakeWebcamDriver d = new FakeWebcamDriver(lookups);
        d.devices.add(new Device());
        return d;
    }

    public static FakeWebcamDriver withoutCamera() {
        return new FakeWebcamDriver(new ArrayList<>());
    }

    @Override
    public List<WebcamDevice> getDevices() {
        lookups.add(Thread.currentThread().getName());
        return devices;
    }

    @Override
    public boolean isThreadSafe() {
        return true;
    }

    static final class Device implements WebcamDevice {
        private final Dimension size = new Dimension(WIDTH, HEIGHT);
        private volatile boolean open;

        @Override
        public String getName() {
            return "Voxprint test camera";
        }

        @Override
        public Dimension[] getResolutions() {
            return new Dimension[] {size};
        }

        @Override
        public Dimension getResolution() {
            return size;
        }

        @Override
        public void setResolution(Dimension d) {
        }

        @Override
        public BufferedImage getImage() {
            BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setColor(Color.RED);
            g.fillRect(0, 0, WIDTH / 2, HEIGHT);
            g.setColor(Color.BLUE);
            g.fillRect(WIDTH / 2, 0, WIDTH / 2, HEIGHT);
            g.dispose();
            return img;
        }

        @Override
        public void open() {
            open = true;
        }

        @Override
        public void close() {
            open = false;
        }

        @Override
        public void dispose() {
            open = false;
        }

        @Override
        public boolean isOpen() {
            return open;
        }
    }
}
