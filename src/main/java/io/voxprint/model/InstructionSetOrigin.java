package io.voxprint.model;

import java.util.Locale;

/** Where the instruction set oneDNN runs under in this process came from. */
public enum InstructionSetOrigin {
    /** The engine has not started yet. */
    NOT_APPLIED,
    /** {@code ONEDNN_MAX_CPU_ISA} (or its older name) in the environment. */
    USER,
    /** The {@code voxprint.onednn.maxCpuIsa} property. */
    PROPERTY,
    /** The convolution check's record: correctness first. */
    RECORD,
    /** The fastest one {@code voxprint model tune} timed. */
    TUNED,
    /** oneDNN's own choice. */
    DEFAULT;

    /** The word {@code voxprint model info} prints. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
