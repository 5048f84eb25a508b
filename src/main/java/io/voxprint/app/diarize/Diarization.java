package io.voxprint.app.diarize;

import java.util.List;

/**
 * The result of one run: every segment in time order, and what the model was asked for (the cost).
 *
 * @param source          the recording's name
 * @param seconds         its length at 16 kHz
 * @param segments        who spoke when
 * @param modelCalls      how many times the model ran
 * @param embeddedSeconds how much audio the model was given in all
 */
public record Diarization(String source, double seconds, List<DiarizedSegment> segments, int modelCalls,
                          double embeddedSeconds) {
}
