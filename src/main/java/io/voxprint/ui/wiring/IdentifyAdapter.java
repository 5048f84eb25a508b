package io.voxprint.ui.wiring;

import io.voxprint.app.IdentifyResult;
import io.voxprint.app.LiveScoring;
import io.voxprint.ui.common.Progress;
import io.voxprint.ui.components.RankedScoreBars;
import io.voxprint.ui.identify.IdentifyActions;
import io.voxprint.ui.values.IdentificationOutcome;
import io.voxprint.ui.values.ProvisionalRanking;
import io.voxprint.ui.values.RankedCandidate;
import io.voxprint.ui.values.Take;
import java.util.Optional;

/** Identify view on the facade: the best few candidates and the facade's open-set decision. */
final class IdentifyAdapter implements IdentifyActions {
    private final AppSession session;
    private final LiveScoring live;

    IdentifyAdapter(AppSession session) {
        this.session = session;
        this.live = new LiveScoring(session.voxprint());
    }

    @Override
    public IdentificationOutcome identify(Take take, Progress progress) {
        progress.update(-1);
        IdentifyResult r = session.voxprint().identify(session.decode(take), RankedScoreBars.SHOWN);
        return new IdentificationOutcome(r.candidates().stream()
                .map(c -> new RankedCandidate(c.key(), c.key(), c.score())).toList(), r.threshold(), r.decision());
    }

    @Override
    public Optional<ProvisionalRanking> provisionalRanking(Take.Recorded soFar) {
        return live.rank(soFar.audio().samples(), Math.round(soFar.audio().sampleRate()), RankedScoreBars.SHOWN)
                .map(r -> new ProvisionalRanking(r.ranked().stream().map(c -> new RankedCandidate(c.key(), c.key(), c.score())).toList(),
                        r.threshold(), r.seconds()));
    }
}
