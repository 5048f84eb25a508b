package io.voxprint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

class DjlSettingsTest {

    @Test
    void applySwitchesDjlOfflineWithoutTrackingOrGraphOptimiser() {
        System.clearProperty(DjlSettings.OFFLINE);
        System.clearProperty(DjlSettings.OFFLINE_DJL_021);
        System.clearProperty(DjlSettings.OPT_OUT_TRACKING);
        System.setProperty(DjlSettings.GRAPH_OPTIMIZER, "true");
        DjlSettings.apply();
        assertEquals("true", System.getProperty(DjlSettings.OFFLINE));
        assertEquals("true", System.getProperty(DjlSettings.OPT_OUT_TRACKING));
        assertEquals("false", System.getProperty(DjlSettings.GRAPH_OPTIMIZER));
        assertNotNull(System.getProperty(DjlSettings.NUM_THREADS));
        assertEquals(true, Boolean.getBoolean("offline"), "the name DJL 0.21 reads");
    }
}
