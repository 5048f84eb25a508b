package io.voxprint.ui.features;

import io.voxprint.audio.LogMelSpectrogram;
import io.voxprint.scoring.Pca2d;
import io.voxprint.scoring.Vectors;
import java.util.Map;
import io.voxprint.ui.common.DialogService;
import io.voxprint.ui.common.TaskRunner;
import io.voxprint.ui.common.TaskViewModel;
import io.voxprint.ui.common.Tasks;
import io.voxprint.ui.values.FeatureInspection;
import io.voxprint.ui.values.LabelledEmbedding;
import io.voxprint.ui.values.MapPoint;
import io.voxprint.ui.values.Take;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The model's view of a take (waveform, log-mel spectrogram, one map per feature label), a second
 * take to compare with, and the speaker map.
 */
public final class FeaturesViewModel extends TaskViewModel {
    /** A take with what was computed from it. */
    public record Inspected(FeatureInspection inspection, float[][] logMel) {
    }

    /** The speaker map: points and the variance of each axis. */
    public record SpeakerMap(List<MapPoint> points, double[] variances) {
    }

    /** How alike takes A and B are at one level of the model. */
    public record LabelCosine(String label, double cosine) {
    }

    /** The name the current take (A) has on the speaker map. */
    public static final String THIS_RECORDING = "This recording";

    private final ObjectProperty<Inspected> takeA = new SimpleObjectProperty<>(this, "takeA");
    private final ObjectProperty<Inspected> takeB = new SimpleObjectProperty<>(this, "takeB");
    private final ObservableList<String> labels = FXCollections.observableArrayList();
    private final StringProperty compareLabel = new SimpleStringProperty(this, "compareLabel");
    private final ObservableList<LabelCosine> cosines = FXCollections.observableArrayList();
    private final ObjectProperty<SpeakerMap> speakerMap = new SimpleObjectProperty<>(this, "speakerMap");
    private final FeaturesActions actions;

    public FeaturesViewModel(FeaturesActions actions, TaskRunner runner, DialogService dialogs) {
        super(runner, dialogs, "Record or import a take to see what the model sees.");
        this.actions = actions;
        takeA.addListener(o -> {
            refreshCosines();
            if (speakerMap.get() != null) {
                loadSpeakerMap();
            }
        });
        takeB.addListener(o -> refreshCosines());
    }

    /** Cosine similarity of A and B for every label both have, in A's order; empty until both exist. */
    public ObservableList<LabelCosine> cosines() {
        return cosines;
    }

    private void refreshCosines() {
        Inspected a = takeA.get();
        Inspected b = takeB.get();
        List<LabelCosine> out = new ArrayList<>();
        if (a != null && b != null) {
            for (Map.Entry<String, float[]> e : a.inspection().features().entrySet()) {
                float[] other = b.inspection().features().get(e.getKey());
                if (other != null && other.length == e.getValue().length) {
                    out.add(new LabelCosine(e.getKey(), Vectors.cosine(e.getValue(), other)));
                }
            }
        }
        cosines.setAll(out);
    }

    public ObjectProperty<Inspected> takeAProperty() {
        return takeA;
    }

    public ObjectProperty<Inspected> takeBProperty() {
        return takeB;
    }

    public ObservableList<String> labels() {
        return labels;
    }

    public StringProperty compareLabelProperty() {
        return compareLabel;
    }

    public ObjectProperty<SpeakerMap> speakerMapProperty() {
        return speakerMap;
    }

    /** Inspects a take as A (main) or B (the one compared with A). */
    public void inspect(Take take, boolean asB) {
        statusProperty().set("Extracting features of " + take.label() + "...");
        track(Tasks.create(p -> {
                    FeatureInspection inspection = actions.inspect(take, p);
                    return new Inspected(inspection, new LogMelSpectrogram().compute(inspection.samples16k()));
                })
                .onSuccess(result -> {
                    (asB ? takeB : takeA).set(result);
                    if (!asB) {
                        labels.setAll(result.inspection().features().keySet());
                        if (compareLabel.get() == null || !labels.contains(compareLabel.get())) {
                            compareLabel.set(labels.isEmpty() ? null : labels.get(labels.size() - 1));
                        }
                    }
                    statusProperty().set("Showing " + result.inspection().takeLabel() + (asB ? " as the second take." : "."));
                }));
    }

    /** Draws the enrolled speakers' models and, when a take is shown, places that take among them. */
    public void loadSpeakerMap() {
        Inspected current = takeA.get();
        float[] embedding = current == null ? null : current.inspection().embedding();
        runBusy(Tasks.create(p -> toMap(actions.speakerEmbeddings(), embedding))
                .onSuccess(speakerMap::set)
                .onError(IllegalArgumentException.class, e -> statusProperty().set("The speaker map needs at least two enrolled speakers.")));
    }

    /**
     * The speakers' models on their first two principal components; the current take (unit length,
     * like the models) is projected onto the same axes, so it does not move the speakers.
     */
    static SpeakerMap toMap(List<LabelledEmbedding> speakers, float[] current) {
        double[][] data = new double[speakers.size()][];
        for (int i = 0; i < data.length; i++) {
            data[i] = toDouble(speakers.get(i).embedding());
        }
        Pca2d.Projection projection = Pca2d.fit(data);
        List<MapPoint> points = new ArrayList<>();
        for (int i = 0; i < data.length; i++) {
            points.add(new MapPoint(speakers.get(i).speakerName(), projection.points()[i][0], projection.points()[i][1]));
        }
        if (current != null && current.length == data[0].length) {
            double[] v = toDouble(Vectors.normalize(current));
            double[] xy = new double[2];
            for (int c = 0; c < 2; c++) {
                for (int j = 0; j < v.length; j++) {
                    xy[c] += (v[j] - projection.mean()[j]) * projection.components()[c][j];
                }
            }
            points.add(new MapPoint(THIS_RECORDING, xy[0], xy[1]));
        }
        return new SpeakerMap(points, projection.variances());
    }

    private static double[] toDouble(float[] v) {
        double[] out = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            out[j] = v[j];
        }
        return out;
    }
}
