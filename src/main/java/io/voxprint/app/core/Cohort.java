package io.voxprint.app.core;

import io.voxprint.scoring.AsNorm;
import io.voxprint.scoring.SpeakerIndex;
import io.voxprint.scoring.Vectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

/**
 * The AS-norm cohort: every enrolled speaker of the model in use plus the rows of an optional
 * cohort file, built once and kept. It is rebuilt only when the speakers change (the catalogue's
 * version), the model changes, or the cohort file is another file or was rewritten; a
 * verification leaves its claimed speaker out of the cohort without copying it.
 */
public final class Cohort {
    /** Prefix of the cohort file's rows in the index; a speaker name cannot start with a control character. */
    private static final String FILE_ROW = "\u0001cohort-";

    private final SpeakerCatalog catalog;
    private AsNorm asNorm;
    private int size;
    private Key builtFor;

    public Cohort(SpeakerCatalog catalog) {
        this.catalog = catalog;
    }

    private record Key(String modelSha256, long catalogVersion, Path file, FileTime modified, long length) {
    }

    /** AS-norm over the cohort; fails with one sentence when fewer than two speakers remain besides {@code claimed}. */
    public synchronized AsNorm forClaim(String modelSha256, int dimension, Path cohortFile, String claimed) {
        SpeakerIndex speakers = catalog.index(modelSha256, dimension);
        Key key = new Key(modelSha256, catalog.version(), cohortFile, modified(cohortFile), length(cohortFile));
        if (!key.equals(builtFor)) {
            build(speakers, cohortFile, dimension);
            builtFor = key;
        }
        int others = size - (speakers.contains(claimed) ? 1 : 0);
        if (others < 2) {
            throw new VoxprintException("AS-norm needs a cohort of at least two other speakers; enroll more"
                    + " speakers, import a cohort file, or turn AS-norm off.");
        }
        return asNorm;
    }

    private void build(SpeakerIndex speakers, Path cohortFile, int dimension) {
        List<String> keys = speakers.keys();
        float[][] rows = cohortFile == null ? new float[0][] : AsNorm.readCohort(cohortFile);
        SpeakerIndex index = new SpeakerIndex(dimension, keys.size() + rows.length);
        for (String key : keys) {
            index.put(key, speakers.voiceprint(key));
        }
        for (int i = 0; i < rows.length; i++) {
            index.put(FILE_ROW + i, Vectors.normalize(rows[i]));
        }
        size = index.size();
        asNorm = new AsNorm(index, AsNorm.DEFAULT_TOP_N);
    }

    private static FileTime modified(Path file) {
        try {
            return file == null ? null : Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return null; // reading it then reports the problem in one sentence
        }
    }

    private static long length(Path file) {
        try {
            return file == null ? -1 : Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
