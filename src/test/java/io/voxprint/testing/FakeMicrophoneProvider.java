package io.voxprint.testing;

import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.spi.MixerProvider;

/** Registered in META-INF/services so that the unchanged javax.sound calls find the fake mixers. */
public final class FakeMicrophoneProvider extends MixerProvider {
    @Override
    public Mixer.Info[] getMixerInfo() {
        return installed().stream().map(Mixer::getMixerInfo).toArray(Mixer.Info[]::new);
    }

    @Override
    public Mixer getMixer(Mixer.Info info) {
        for (FakeMixer mixer : installed()) {
            if (info == null || mixer.getMixerInfo().equals(info)) {
                return mixer;
            }
        }
        throw new IllegalArgumentException("No such mixer: " + info);
    }

    private static List<FakeMixer> installed() {
        List<FakeMixer> out = new ArrayList<>(2);
        if (FakeMicrophone.installed() != null) {
            out.add(FakeMicrophone.installed());
        }
        if (FakeSpeaker.installed() != null) {
            out.add(FakeSpeaker.installed());
        }
        return out;
    }
}
