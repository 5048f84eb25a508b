package io.voxprint.ui.wiring;

import io.voxprint.app.AppContext;
import io.voxprint.app.core.Calibration;
import io.voxprint.app.core.InstructionSetTuning;
import io.voxprint.app.settings.Settings;
import io.voxprint.app.settings.SettingsException;
import io.voxprint.app.settings.SettingsStore;
import io.voxprint.model.ConvolutionCheck;
import io.voxprint.model.InstructionSetOrigin;
import io.voxprint.model.InstructionSetSpeed;
import io.voxprint.model.ModelException;
import io.voxprint.model.hub.LocatedModel;
import io.voxprint.ui.common.Progress;
import io.voxprint.ui.settings.SettingsActions;
import io.voxprint.ui.values.CalibrationStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Settings view on the session: save and apply, read the calibration, calibrate on the enrolled speakers,
 * and time the model under oneDNN's instruction sets ({@link InstructionSetTuning}).
 */
final class SettingsAdapter implements SettingsActions {
    private final AppSession session;

    SettingsAdapter(AppSession session) {
        this.session = session;
    }

    @Override
    public SettingsStore.Loaded load() {
        return session.settingsStore().load();
    }

    @Override
    public void save(Settings settings) throws SettingsException {
        session.apply(settings);
    }

    @Override
    public CalibrationStatus calibrationStatus() {
        AppContext app = session.app();
        String model = app.models().modelSha256();
        Calibration c = app.policy().calibration(model).orElse(null);
        return new CalibrationStatus(c, app.policy().threshold(model), app.policy().thresholdSource(model));
    }

    @Override
    public CalibrationStatus calibrate() {
        session.app().calibrate().run();
        return calibrationStatus();
    }

    @Override
    public String instructionSetInUse() {
        String limit = ConvolutionCheck.onednnLimit();
        InstructionSetOrigin from = ConvolutionCheck.onednnLimitOrigin();
        if (limit == null || from == InstructionSetOrigin.NOT_APPLIED) {
            return "";
        }
        String why = switch (from) {
            case TUNED -> "timed fastest on this processor";
            case RECORD -> "where oneDNN's convolutions were right on this processor";
            case USER -> "ONEDNN_MAX_CPU_ISA in the environment";
            case PROPERTY -> "set at start";
            case DEFAULT, NOT_APPLIED -> InstructionSetSpeed.worthTuning()
                    ? "oneDNN's own choice; not timed on this processor yet" : "oneDNN's own choice";
        };
        String set = limit.equals(InstructionSetSpeed.OWN_CHOICE) ? "oneDNN's widest instruction set" : limit;
        return "The model runs under " + set + " (" + why + ").";
    }

    @Override
    public String tuneInstructionSet(Progress progress) {
        List<String> candidates = InstructionSetSpeed.candidates();
        if (candidates.size() < 2) {
            return "This processor offers oneDNN one instruction set worth timing; nothing to choose.";
        }
        Path model = session.app().models().locate().map(LocatedModel::file).orElseThrow(() -> new ModelException(
                "No ECAPA2 model is available yet; choose a model file or download it first."));
        InstructionSetTuning tuning = new InstructionSetTuning(model, System.getenv(), InstructionSetTuning.DEFAULT_CALLS);
        InstructionSetTuning.Outcome outcome = tuning.tune(candidates, InstructionSetTuning.DEFAULT_ROUNDS,
                new InstructionSetTuning.Steps() {
                    @Override
                    public void loading(List<String> isas) {
                        progress.message(InstructionSetTuning.Steps.describeLoading(isas));
                    }

                    @Override
                    public void starting(String isa, int done, int total) {
                        progress.update((done - 1) / (double) total);
                        progress.message(InstructionSetTuning.Steps.describe(isa, done, total));
                    }

                    @Override
                    public boolean cancelled() {
                        return progress.isCancelled();
                    }
                });
        InstructionSetSpeed.Verdict verdict = outcome.verdict().orElseThrow(() -> new ModelException(
                "oneDNN's convolutions were not used under any instruction set here; nothing was changed."));
        return describe(verdict);
    }

    static String describe(InstructionSetSpeed.Verdict verdict) {
        String times = verdict.medianMillis().entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.2f s",
                        e.getKey().equals(InstructionSetSpeed.OWN_CHOICE) ? "widest" : e.getKey(), e.getValue() / 1000))
                .collect(Collectors.joining(", "));
        return verdict.fastest().equals(InstructionSetSpeed.OWN_CHOICE)
                ? "oneDNN's widest instruction set is the fastest here (a call: " + times + "); nothing changes."
                : verdict.fastest() + " is the fastest here (a call: " + times + "); Voxprint uses it from the next start.";
    }
}
