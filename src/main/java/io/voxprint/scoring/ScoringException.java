package io.voxprint.scoring;

/**
 * A scoring request that cannot be carried out because of its input (wrong dimension, empty trial
 * list, unreadable cohort file...). The message is one sentence meant for the user.
 */
public class ScoringException extends IllegalArgumentException {

    public ScoringException(String message) {
        super(message);
    }

    public ScoringException(String message, Throwable cause) {
        super(message, cause);
    }
}
