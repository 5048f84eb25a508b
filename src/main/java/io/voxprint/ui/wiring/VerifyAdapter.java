package io.voxprint.ui.wiring;

import io.voxprint.app.live.LiveScoring;
import io.voxprint.app.verify.VerifyResult;
import io.voxprint.ui.common.Progress;
import io.voxprint.ui.values.ProvisionalScore;
import io.voxprint.ui.values.SpeakerSummary;
import io.voxprint.ui.values.Take;
import io.voxprint.ui.values.VerificationOutcome;
import io.voxprint.ui.verify.VerifyActions;
import java.util.List;
import java.util.Optional;

/** Verify view on the verify use case, which decides and writes the audit entry. */
final class VerifyAdapter implements VerifyActions {
    private final AppSession session;
    private final LiveScoring live;

    VerifyAdapter(AppSession session) {
        this.session = session;
        this.live = session.app().live();
    }

    @Override
    public List<SpeakerSummary> listSpeakers() {
        return Speakers.list(session.app());
    }

    @Override
    public VerificationOutcome verify(String speakerId, Take take, Progress progress) {
        progress.update(-1);
        VerifyResult r = session.app().verify().verify(speakerId, AppSession.source(take));
        double decided = r.normScore() != null ? r.normScore() : r.score();
        return new VerificationOutcome(r.speaker(), decided, r.threshold(), r.accepted(), r.llr() == null ? Double.NaN : r.llr());
    }

    @Override
    public Optional<ProvisionalScore> provisionalScore(String speakerId, Take.Recorded soFar) {
        return live.verify(speakerId, soFar.audio().samples(), Math.round(soFar.audio().sampleRate()))
                .map(p -> new ProvisionalScore(p.score(), p.threshold(), p.seconds()));
    }
}
