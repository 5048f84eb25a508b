package io.voxprint.app.report;

import io.voxprint.common.UserFacing;

/** A plot that could not be drawn or written; the message is one sentence for the user. */
public class ReportException extends RuntimeException implements UserFacing {

    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }

    public ReportException(String message) {
        super(message);
    }
}
