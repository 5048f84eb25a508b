package io.voxprint.ui.wiring;

import io.voxprint.app.IdentifyResult;
import io.voxprint.ui.common.Progress;
import io.voxprint.ui.components.RankedScoreBars;
import io.voxprint.ui.identify.IdentifyActions;
import io.voxprint.ui.values.IdentificationOutcome;
import io.voxprint.ui.values.RankedCandidate;
import io.voxprint.ui.values.Take;

/** Identify view on the facade: the best few candidates and the facade's open-set decision. */
final class IdentifyAdapter implements IdentifyActions {
    private final AppSession session;

    IdentifyAdapter(AppSession session) {
        this.session = session;
    }

    @Override
    public IdentificationOutcome identify(Take take, Progress progress) {
        progress.update(-1);
        IdentifyResult r = session.voxprint().identify(session.decode(take), RankedScoreBars.SHOWN);
        return new IdentificationOutcome(r.candidates().stream()
                .map(c -> new RankedCandidate(c.key(), c.key(), c.score())).toList(), r.threshold(), r.decision());
    }
}
