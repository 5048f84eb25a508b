package io.voxprint.app.report;

/** A plot that could not be drawn or written; the message is one sentence for the user. */
public class ReportException extends RuntimeException {

    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }

    public ReportException(String message) {
        super(message);
    }
}
