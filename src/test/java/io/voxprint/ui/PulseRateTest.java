package io.voxprint.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PulseRateTest {

    @Test
    void fewCoresGetTheLowerRate() {
        assertEquals(Optional.of("30"), PulseRate.rateFor(2, null, null));
        assertEquals(Optional.of("30"), PulseRate.rateFor(4, null, null));
    }

    @Test
    void moreCoresKeepJavaFxsOwnRate() {
        assertEquals(Optional.empty(), PulseRate.rateFor(8, null, null));
    }

    @Test
    void aRateTheUserSetIsKept() {
        assertEquals(Optional.empty(), PulseRate.rateFor(2, "60", null));
        assertEquals(Optional.empty(), PulseRate.rateFor(2, null, "60"));
    }
}
