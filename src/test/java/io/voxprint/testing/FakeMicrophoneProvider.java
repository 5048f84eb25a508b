package io.voxprint.testing;

import javax.sound.sampled.Mixer;
import javax.sound.sampled.spi.MixerProvider;

/** Registered in META-INF/services so that the unchanged javax.sound calls find the fake mixer. */
public final class FakeMicrophoneProvider extends MixerProvider {
    @Override
    public Mixer.Info[] getMixerInfo() {
        FakeMixer mixer = FakeMicrophone.installed();
        return mixer == null ? new Mixer.Info[0] : new Mixer.Info[] {mixer.getMixerInfo()};
    }

    @Override
    public Mixer getMixer(Mixer.Info info) {
        FakeMixer mixer = FakeMicrophone.installed();
        if (mixer != null && (info == null || mixer.getMixerInfo().equals(info))) {
            return mixer;
        }
        throw new IllegalArgumentException("No such mixer: " + info);
    }
}
