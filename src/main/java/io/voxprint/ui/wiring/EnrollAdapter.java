package io.voxprint.ui.wiring;

import io.voxprint.app.EnrollResult;
import io.voxprint.audio.PreparedAudio;
import io.voxprint.audio.QualityReport;
import io.voxprint.ui.common.Progress;
import io.voxprint.ui.enroll.EnrollActions;
import io.voxprint.ui.values.EnrollmentRequest;
import io.voxprint.ui.values.SpeakerSummary;
import io.voxprint.ui.values.Take;
import io.voxprint.ui.values.TakeQuality;
import java.util.ArrayList;
import java.util.List;

/** Enroll view on the facade: quality per take, then one enrollment of all takes. */
final class EnrollAdapter implements EnrollActions {
    private final AppSession session;

    EnrollAdapter(AppSession session) {
        this.session = session;
    }

    @Override
    public TakeQuality assessTake(Take take, Progress progress) {
        QualityReport q = session.voxprint().quality(session.decode(take));
        return new TakeQuality(q.netSpeechSeconds(), q.clippingRatio(), q.snrDb(), q.usable(), q.problems());
    }

    @Override
    public SpeakerSummary enroll(EnrollmentRequest request, Progress progress) {
        progress.update(-1);
        List<PreparedAudio> takes = new ArrayList<>();
        for (Take take : request.takes()) {
            takes.add(session.decode(take));
        }
        progress.message("Computing the voice prints...");
        EnrollResult result = session.voxprint().enroll(request.name(), takes, request.force(), request.photoPng());
        return Speakers.named(session.voxprint(), result.speaker());
    }
}
