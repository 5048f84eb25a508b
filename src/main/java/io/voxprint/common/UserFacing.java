package io.voxprint.common;

/**
 * Marks an exception whose message is the one sentence a user reads: what went wrong and, where
 * there is one, what to do. {@link UserMessage} shows such a message as it is; any other
 * exception is a bug or an environment problem and gets a generic sentence, with the stack trace
 * in the log. Every package's own exception implements it ({@code AudioException},
 * {@code ModelException}, {@code StoreException}, ...); it lives here, below every package, so
 * {@code audio}, {@code store} and {@code scoring} can use it and still depend on nothing else of ours.
 */
public interface UserFacing {

    /** The sentence for the user (the exception's message). */
    String getMessage();
}
