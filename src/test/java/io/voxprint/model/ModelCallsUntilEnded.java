package io.voxprint.model;

import java.util.SplittableRandom;

/**
 * A process that runs the channel-tail model (oneDNN's 164-channel convolutions, the kind the stand-in
 * and ECAPA2 spend their time in) on its owner thread again and again until it is ended; prints how
 * long the first call took once it is done, while the next one runs.
 */
public final class ModelCallsUntilEnded {
    private ModelCallsUntilEnded() {
    }

    public static void main(String[] args) {
        float[] audio = new float[16_000 * Integer.parseInt(args[0])];
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < audio.length; i++) {
            audio[i] = (float) (random.nextDouble() - 0.5) * 0.2f;
        }
        ModelOwner owner = new ModelOwner();
        TorchScriptModule module = owner.call(() -> TorchScriptModule.load(Fixtures.DIR.resolve("conv-tail.pt")));
        for (long n = 0;; n++) {
            long t0 = System.nanoTime();
            owner.call(() -> module.run("forward", audio));
            if (n == 0) {
                System.out.printf("one call: %.0f ms%n", (System.nanoTime() - t0) / 1e6);
            }
        }
    }
}
