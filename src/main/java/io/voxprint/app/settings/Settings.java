package io.voxprint.app.settings;

/**
 * What the user chose, as stored in {@code settings.json}. Unknown fields in the file are ignored
 * and missing ones take the defaults, so older and newer files both load.
 *
 * @param modelFile     a local TorchScript file, or empty to use the Hugging Face download
 * @param modelRevision the Hugging Face revision (branch, tag or commit) of {@code Jenthe/ECAPA2}
 * @param threshold     score at or above which a verification is accepted; null means automatic: the
 *                      threshold of the model's calibration when there is one, else the default
 * @param asNorm        whether scores are adaptive-s-normalised against a cohort
 * @param inputDevice   the capture mixer's name, or empty for the system default
 * @param keepAudio     whether enrolment audio is kept (opt-in; otherwise only embeddings are)
 * @param dataFolder    where the database and kept audio live, or empty for the default
 */
public record Settings(String modelFile, String modelRevision, Double threshold, boolean asNorm,
                       String inputDevice, boolean keepAudio, String dataFolder) {

    public Settings {
        modelFile = modelFile == null ? "" : modelFile;
        modelRevision = modelRevision == null || modelRevision.isBlank() ? "main" : modelRevision;
        inputDevice = inputDevice == null ? "" : inputDevice;
        dataFolder = dataFolder == null ? "" : dataFolder;
        if (threshold != null && !Double.isFinite(threshold)) {
            threshold = null;
        }
    }

    public static Settings defaults() {
        return new Settings("", "main", null, false, "", false, "");
    }

    public Settings withModelFile(String file) {
        return new Settings(file, modelRevision, threshold, asNorm, inputDevice, keepAudio, dataFolder);
    }

    public Settings withThreshold(Double t) {
        return new Settings(modelFile, modelRevision, t, asNorm, inputDevice, keepAudio, dataFolder);
    }
}
