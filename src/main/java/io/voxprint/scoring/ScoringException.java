package io.voxprint.scoring;

import io.voxprint.common.UserFacing;

/**
 * A scoring request that cannot be carried out because of its input (wrong dimension, empty trial
 * list, unreadable cohort file...). The message is one sentence meant for the user.
 */
public class ScoringException extends IllegalArgumentException implements UserFacing {

    public ScoringException(String message) {
        super(message);
    }

    public ScoringException(String message, Throwable cause) {
        super(message, cause);
    }
}
