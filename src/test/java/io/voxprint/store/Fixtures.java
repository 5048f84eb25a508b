package io.voxprint.store;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/** Deterministic test data: the same name and index always give the same vectors. */
public final class Fixtures {

    public static final String MODEL_A = "a".repeat(64);
    public static final String MODEL_B = "b0".repeat(32);
    public static final int DIM = 192;

    private Fixtures() {
    }

    public static float[] vector(String speaker, int take, int dimension) {
        Random r = new Random(speaker.hashCode() * 31L + take);
        float[] v = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }

    public static float[] audio(String speaker, int take, int samples) {
        Random r = new Random(speaker.hashCode() * 17L + take);
        float[] a = new float[samples];
        for (int i = 0; i < samples; i++) {
            a[i] = (float) (r.nextDouble() * 2 - 1) * 0.3f;
        }
        return a;
    }

    public static NewEnrollment take(String speaker, int take, String model, int keptSamples) {
        return new NewEnrollment(speaker + "-" + take + ".wav", 4.0 + take, 3.0 + take, 0.001 * take, 20.0 + take,
                vector(speaker, take, DIM), model, keptSamples > 0 ? audio(speaker, take, keptSamples) : null);
    }

    public static List<NewEnrollment> takes(String speaker, int count, String model, int keptSamples) {
        List<NewEnrollment> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(take(speaker, i, model, keptSamples));
        }
        return list;
    }

    /** A real PNG, encoded by the JDK. */
    public static byte[] png(int rgb) {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                image.setRGB(x, y, rgb + x * 16 + y);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
