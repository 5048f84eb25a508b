package io.voxprint.ui.wiring;

import io.voxprint.app.identify.IdentifyResult;
import io.voxprint.ui.common.Progress;
import io.voxprint.ui.components.RankedScoreBars;
import io.voxprint.ui.identify.IdentifyActions;
import io.voxprint.ui.model.IdentificationOutcome;
import io.voxprint.ui.model.RankedCandidate;
import io.voxprint.ui.model.Take;

/** Identify view on the identify use case: the best few candidates and its open-set decision. */
final class IdentifyAdapter implements IdentifyActions {
    private final AppSession session;

    IdentifyAdapter(AppSession session) {
        this.session = session;
    }

    @Override
    public IdentificationOutcome identify(Take take, Progress progress) {
        progress.update(-1);
        IdentifyResult r = session.app().identify().identify(AppSession.source(take), RankedScoreBars.SHOWN);
        return new IdentificationOutcome(r.candidates().stream()
                .map(c -> new RankedCandidate(c.key(), c.key(), c.score())).toList(), r.threshold(), r.decision());
    }
}
