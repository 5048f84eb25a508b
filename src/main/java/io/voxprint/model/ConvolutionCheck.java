package io.voxprint.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks, once per process and before the first model call, that libtorch's convolutions compute what
 * they should on this processor, and falls back to libtorch's own kernels where they do not.
 *
 * <p>With every libtorch DJL ships from 2.2.2 to 2.7.1 (oneDNN 3.3.2 to 3.7.1) on an AMD EPYC of family
 * 26 under a hypervisor, oneDNN's direct 3x3 convolution is wrong whenever the input channels are not a multiple
 * of its vector width (8 with AVX2, 16 with AVX-512) and the input is larger than a few hundred
 * values: off by up to 1.2 on outputs of about 2.5, sometimes NaN. ECAPA2's 2-D front stage has 164
 * channels, so every embedding came out wrong (the first value -6.89 where Python's torch gives -9.81
 * on the stand-in). Python's torch 1.13.1 (oneDNN 2.6.3) is right on the same machine, and so are
 * libtorch 2.1.1 (oneDNN 3.1.1), the one Voxprint ships, and libtorch's own kernels. The check stays,
 * because a processor nobody has tried may meet a defect of its own. It runs two such convolutions through libtorch and against a plain
 * loop here; if they disagree, {@code at::Context::setUserEnabledMkldnn(false)} (what
 * {@code torch.backends.mkldnn.enabled = False} sets) sends every convolution to libtorch's kernels,
 * which are exact and several times slower; {@link OneDnnInstructionLimit} then lets the next process on
 * this processor start oneDNN at an instruction set whose convolutions may be right, and this check
 * decides again there. {@code -Dvoxprint.convolutionCheck=false} skips the check.
 */
public final class ConvolutionCheck {
    private static final Logger LOG = LoggerFactory.getLogger(ConvolutionCheck.class);
    static final String PROPERTY = "voxprint.convolutionCheck";
    /** Input channels, height and width of the two probes: channel counts with a remainder for 8 and 16. */
    private static final int[][] PROBES = {{36, 16, 64}, {164, 8, 16}};
    private static final int OUT_CHANNELS = 8;
    private static Kernels kernels = Kernels.NOT_CHECKED;

    /** Which kernels this process's model calls use. */
    public enum Kernels {
        /** libtorch's oneDNN convolutions, checked right on this processor. */
        ONEDNN,
        /** libtorch's own convolutions, because oneDNN's were wrong here. */
        LIBTORCH_FALLBACK,
        /** The check was turned off, or the engine has not started. */
        NOT_CHECKED
    }

    private ConvolutionCheck() {
    }

    public static synchronized Kernels kernels() {
        return kernels;
    }

    /** The instruction-set limit oneDNN runs under in this process ({@code ONEDNN_MAX_CPU_ISA}), or null. */
    public static String onednnLimit() {
        return OneDnnInstructionLimit.inEffect();
    }

    /** Where that limit came from. */
    public static InstructionSetOrigin onednnLimitOrigin() {
        return OneDnnInstructionLimit.source();
    }

    /** Idempotent; runs after the engine has started and before the first model call. */
    static synchronized void apply() {
        if (kernels != Kernels.NOT_CHECKED || !Boolean.parseBoolean(System.getProperty(PROPERTY, "true"))) {
            return;
        }
        double error = worstError();
        if (error <= 0) {
            kernels = Kernels.ONEDNN;
            return;
        }
        OneDnnInstructionLimit.convolutionsWereWrong();
        try {
            LibtorchContext.set("_ZN2at7Context20setUserEnabledMkldnnEb", false);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            LOG.error("Could not switch oneDNN's convolutions off", e);
            throw new ModelException("Convolutions on this processor give wrong results and Voxprint cannot switch to"
                    + " libtorch's own; the log has the details.", e);
        }
        double after = worstError();
        if (after > 0) {
            throw new ModelException("Convolutions on this processor give wrong results even with libtorch's own kernels;"
                    + " Voxprint cannot compute embeddings here.");
        }
        kernels = Kernels.LIBTORCH_FALLBACK;
        LOG.warn("oneDNN's convolutions gave wrong results on this processor (off by {}); libtorch's own, slower,"
                + " convolutions are used instead", String.format(java.util.Locale.ROOT, "%.3g", error));
    }

    /** The largest error beyond float rounding over the probes, or 0 when every output is right. */
    static double worstError() {
        double worst = 0;
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            for (int[] probe : PROBES) {
                worst = Math.max(worst, error(manager, probe[0], probe[1], probe[2]));
            }
        }
        return worst;
    }

    private static double error(NDManager manager, int channels, int height, int width) {
        SplittableRandom random = new SplittableRandom(channels * 31L + height);
        float[] input = uniform(random, channels * height * width);
        float[] weight = uniform(random, OUT_CHANNELS * channels * 9);
        NDArray x = manager.create(input, new Shape(1, channels, height, width));
        NDArray w = manager.create(weight, new Shape(OUT_CHANNELS, channels, 3, 3));
        float[] libtorch = Conv2d.conv2d(x, w, null, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), 1)
                .singletonOrThrow().toFloatArray();
        float[] expected = convolve(input, weight, channels, height, width);
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            double diff = Math.abs(libtorch[i] - expected[i]);
            // float32 sums of a few hundred products stay within 1e-4 of the exact value; NaN counts as wrong
            if (!(diff <= 1e-3)) {
                worst = Math.max(worst, Double.isNaN(diff) ? Double.POSITIVE_INFINITY : diff);
            }
        }
        return worst;
    }

    /** A 3x3 convolution with zero padding 1 and stride 1, summed in double. */
    static float[] convolve(float[] input, float[] weight, int channels, int height, int width) {
        float[] out = new float[OUT_CHANNELS * height * width];
        for (int o = 0; o < OUT_CHANNELS; o++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double sum = 0;
                    for (int c = 0; c < channels; c++) {
                        for (int ky = 0; ky < 3; ky++) {
                            int iy = y + ky - 1;
                            if (iy < 0 || iy >= height) {
                                continue;
                            }
                            for (int kx = 0; kx < 3; kx++) {
                                int ix = x + kx - 1;
                                if (ix >= 0 && ix < width) {
                                    sum += (double) input[(c * height + iy) * width + ix] * weight[((o * channels + c) * 3 + ky) * 3 + kx];
                                }
                            }
                        }
                    }
                    out[(o * height + y) * width + x] = (float) sum;
                }
            }
        }
        return out;
    }

    private static float[] uniform(SplittableRandom random, int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return values;
    }
}
