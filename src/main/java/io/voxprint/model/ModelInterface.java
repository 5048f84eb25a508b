package io.voxprint.model;

/** The two calling conventions ECAPA2 TorchScript files have been published with. */
public enum ModelInterface {
    /** Current model card ({@code ecapa2.pt}): {@code ecapa2(audio)} and {@code ecapa2(audio, label='gfe_1')}. */
    CURRENT,
    /** Older model card ({@code model.pt}): {@code extract_embedding(audio)}, {@code extract_feature(audio, label, type)}. */
    LEGACY
}
