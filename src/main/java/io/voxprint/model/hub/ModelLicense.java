package io.voxprint.model.hub;

/** The terms of the ECAPA2 weights, to show (and have accepted) before the first download. */
public final class ModelLicense {
    public static final String NAME = "CC-BY-NC-4.0";
    public static final String URL = "https://huggingface.co/Jenthe/ECAPA2";
    public static final String LICENSE_URL = "https://creativecommons.org/licenses/by-nc/4.0/";
    public static final String TEXT = """
            Voxprint uses the ECAPA2 speaker-embedding model by Jenthe Thienpondt (IDLab, Ghent University - imec),
            published at %s under the Creative Commons Attribution-NonCommercial 4.0 International licence (%s).
            You may use, share and adapt the model for non-commercial purposes only, and must credit its authors
            (Thienpondt and Demuynck, "ECAPA2: A Hybrid Neural Network Architecture and Training Strategy for Robust
            Speaker Embeddings", ASRU 2023). Commercial use needs the authors' permission. Full terms: %s
            The file (about 109 MB) is downloaded once from Hugging Face into the cache shared with Python tools.
            """.formatted(URL, NAME, LICENSE_URL);

    private ModelLicense() {
    }
}
