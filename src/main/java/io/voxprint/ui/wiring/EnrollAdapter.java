package io.voxprint.ui.wiring;

import io.voxprint.app.core.AudioSource;
import io.voxprint.app.enroll.EnrollResult;
import io.voxprint.audio.QualityReport;
import io.voxprint.ui.common.Progress;
import io.voxprint.ui.enroll.EnrollActions;
import io.voxprint.ui.values.EnrollmentRequest;
import io.voxprint.ui.values.SpeakerSummary;
import io.voxprint.ui.values.Take;
import io.voxprint.ui.values.TakeQuality;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/** Enroll view on the enroll use case: quality per take, then one enrollment of all takes. */
final class EnrollAdapter implements EnrollActions {
    private final AppSession session;

    EnrollAdapter(AppSession session) {
        this.session = session;
    }

    @Override
    public TakeQuality assessTake(Take take, Progress progress) {
        QualityReport q = session.app().enroll().assess(AppSession.source(take));
        return new TakeQuality(q.netSpeechSeconds(), q.clippingRatio(), q.snrDb(), q.usable(), q.problems());
    }

    @Override
    public SpeakerSummary enroll(EnrollmentRequest request, Progress progress) {
        progress.update(-1);
        List<AudioSource> takes = new ArrayList<>();
        for (Take take : request.takes()) {
            takes.add(AppSession.source(take));
        }
        progress.message("Computing the voice prints...");
        EnrollResult result = session.app().enroll().enroll(request.name(), takes, request.force(), request.photoPng(),
                (done, total, file) -> {
                    // the desktop's cancel does not interrupt: stop between takes, nothing written
                    if (progress.isCancelled()) {
                        throw new CancellationException("The enrollment was cancelled.");
                    }
                    progress.update((double) done / total);
                    progress.message("Computed " + done + " of " + total + " voice prints...");
                });
        return Speakers.named(session.app(), result.speaker());
    }

    @Override
    public java.util.Optional<String> whyEnrollingIsRefused() {
        return session.app().whyChangesAreRefused();
    }
}
