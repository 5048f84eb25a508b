package io.voxprint.model;

/**
 * A child JVM for {@link QuickExitTest}: a shutdown hook that writes the file named second when the
 * JVM's own exit runs (a file: output written while the process ends may not reach the parent), then
 * either {@link QuickExit#now} at once ("now") or the signal handlers and a wait to be ended ("signals").
 */
public final class QuickExitChild {
    private QuickExitChild() {
    }

    public static void main(String[] args) throws Exception {
        java.nio.file.Path marker = java.nio.file.Path.of(args[1]);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                java.nio.file.Files.writeString(marker, "the JVM's exit ran");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));
        if (args[0].equals("now")) {
            System.out.println("READY");
            QuickExit.now(7);
            System.out.println("STILL HERE");
            return;
        }
        QuickExit.onEndingSignals();
        System.out.println("READY");
        Thread.sleep(120_000);
    }
}
