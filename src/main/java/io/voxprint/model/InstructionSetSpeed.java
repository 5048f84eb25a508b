package io.voxprint.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which oneDNN instruction set runs this processor's model calls fastest, timed with the user's model:
 * the widest is not always the fastest. On the AMD EPYC of docs/performance.md (AVX-512, under a
 * hypervisor) the ECAPA2-sized stand-in's 3 s call took about a sixth less time under AVX2 than under
 * oneDNN's own choice, AVX-512, in Voxprint and in Python alike; on a processor whose AVX-512 units are
 * full width it may well be the other way round. So nothing is assumed: {@code voxprint model tune} times
 * each candidate, and the verdict is kept per processor and libtorch ({@link FactStore}), where every
 * later process starts with it ({@link OneDnnInstructionLimit}).
 *
 * <p>oneDNN reads its limit once per process, so each candidate is timed in a process of its own; this
 * class holds what those processes share: the candidates, the timed calls and the verdict.
 */
public final class InstructionSetSpeed {
    /** A narrower instruction set is kept only when it is at least this much faster: noise is no reason. */
    static final double MARGIN = 0.95;
    static final String AVX2 = "AVX2";
    private static final Set<String> CANDIDATES = Set.of(OneDnnInstructionLimit.DEFAULT, AVX2);
    /** The environment variables that set oneDNN's limit, the newer first; a user's own wins over any record. */
    public static final List<String> LIMIT_VARIABLES = List.of(OneDnnInstructionLimit.VARIABLE, OneDnnInstructionLimit.OLDER_VARIABLE);
    /** oneDNN's word for its own choice, the widest instruction set the processor runs. */
    public static final String OWN_CHOICE = OneDnnInstructionLimit.DEFAULT;
    /** The system property that sets the limit a process starts with (how a trial process is given its own). */
    public static final String LIMIT_PROPERTY = OneDnnInstructionLimit.PROPERTY;
    /** The length the trials time: the 3 s of a typical short utterance. */
    private static final int TRIAL_SAMPLES = 3 * 16_000;

    /**
     * The timings of one tuning and what they decided.
     *
     * @param fastest      the candidate later processes start with
     * @param medianMillis each candidate's median call, in the order timed
     * @param modelSha256  the model file the calls ran
     */
    public record Verdict(String fastest, Map<String, Double> medianMillis, String modelSha256) {
    }

    private InstructionSetSpeed() {
    }

    /**
     * The instruction sets worth timing here: oneDNN's own choice, and AVX2 where that choice would be
     * AVX-512. Without AVX-512 there is nothing to choose, and the list has one entry.
     */
    public static List<String> candidates() {
        return candidates(ProcessorKey.cpuInfo(Path.of("/proc/cpuinfo")));
    }

    static List<String> candidates(String cpuInfo) {
        Set<String> flags = Set.of();
        for (String line : cpuInfo.split("\n")) {
            if (line.startsWith("flags:")) {
                flags = Set.of(line.substring("flags:".length()).trim().split("\\s+"));
            }
        }
        List<String> list = new ArrayList<>(List.of(OneDnnInstructionLimit.DEFAULT));
        if (flags.contains("avx512f") && flags.contains("avx2")) {
            list.add(AVX2);
        }
        return list;
    }

    /** oneDNN at its own choice where another set may be faster: timing the model has something to gain. */
    public static boolean worthTuning() {
        return OneDnnInstructionLimit.source() == InstructionSetOrigin.DEFAULT && candidates().size() > 1;
    }

    /** True for the instruction sets a tuning may choose. */
    public static boolean isCandidate(String value) {
        return CANDIDATES.contains(value);
    }

    /** What a trial embeds: 3 s of noise, or the model's shortest input if longer. */
    public static float[] trialAudio(Ecapa2Model model) {
        return InterfaceProbe.probeAudio(Math.max(TRIAL_SAMPLES, (int) Math.ceil(model.info().minSeconds() * 16_000)));
    }

    /** Milliseconds of one embedding of {@code audio}. */
    public static double timeCall(Ecapa2Model model, float[] audio) {
        long start = System.nanoTime();
        model.embed(audio);
        return (System.nanoTime() - start) / 1e6;
    }

    /**
     * oneDNN's own choice unless another candidate's median call is at least {@link #MARGIN} faster; then
     * the fastest of those.
     *
     * @param millis each candidate's timed calls; candidates whose convolutions were wrong are left out
     */
    public static Verdict decide(Map<String, List<Double>> millis, String modelSha256) {
        Map<String, Double> medians = new LinkedHashMap<>();
        millis.forEach((isa, calls) -> {
            if (!isCandidate(isa) || calls.isEmpty()) {
                throw new IllegalArgumentException("no timings for " + isa);
            }
            medians.put(isa, median(calls));
        });
        Double own = medians.get(OneDnnInstructionLimit.DEFAULT);
        String fastest = OneDnnInstructionLimit.DEFAULT;
        double best = own == null ? Double.POSITIVE_INFINITY : own * MARGIN;
        for (Map.Entry<String, Double> e : medians.entrySet()) {
            if (!e.getKey().equals(OneDnnInstructionLimit.DEFAULT) && e.getValue() <= best) {
                fastest = e.getKey();
                best = e.getValue();
            }
        }
        return new Verdict(fastest, medians, modelSha256);
    }

    /** Keeps the verdict for the next processes on this processor and libtorch; returns the record. */
    public static Path remember(Verdict verdict) {
        FactStore store = FactStore.forUser(System.getenv());
        ProcessorKey key = ProcessorKey.ofThisMachine();
        store.rememberFastestInstructionSet(key, verdict);
        return store.speedRecord(key);
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
