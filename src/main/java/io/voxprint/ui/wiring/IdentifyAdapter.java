package io.voxprint.ui.wiring;

import io.voxprint.app.identify.IdentifyResult;
import io.voxprint.app.live.LiveScoring;
import io.voxprint.ui.common.Progress;
import io.voxprint.ui.components.RankedScoreBars;
import io.voxprint.ui.identify.IdentifyActions;
import io.voxprint.ui.values.IdentificationOutcome;
import io.voxprint.ui.values.ProvisionalRanking;
import io.voxprint.ui.values.RankedCandidate;
import io.voxprint.ui.values.Take;
import java.util.Optional;

/** Identify view on the identify use case: the best few candidates and its open-set decision. */
final class IdentifyAdapter implements IdentifyActions {
    private final AppSession session;
    private final LiveScoring live;

    IdentifyAdapter(AppSession session) {
        this.session = session;
        this.live = session.app().live();
    }

    @Override
    public IdentificationOutcome identify(Take take, Progress progress) {
        progress.update(-1);
        IdentifyResult r = session.app().identify().identify(AppSession.source(take), RankedScoreBars.SHOWN);
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
