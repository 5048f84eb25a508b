package io.voxprint.ui.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.voxprint.model.InstructionSetSpeed;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the settings page says after timing the model: the medians in seconds, and what changes. */
class TuningVerdictTextTest {

    @Test
    void theVerdictInWords() {
        Map<String, Double> medians = new LinkedHashMap<>();
        medians.put("ALL", 2197.6);
        medians.put("AVX2", 1757.9);
        assertEquals("AVX2 is the fastest here (a call: widest 2.20 s, AVX2 1.76 s); Voxprint uses it from the next start.",
                SettingsAdapter.describe(new InstructionSetSpeed.Verdict("AVX2", medians, "m")));
        assertEquals("oneDNN's widest instruction set is the fastest here (a call: widest 2.20 s, AVX2 1.76 s); nothing changes.",
                SettingsAdapter.describe(new InstructionSetSpeed.Verdict("ALL", medians, "m")));
    }
}
