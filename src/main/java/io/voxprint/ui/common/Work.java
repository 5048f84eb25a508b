package io.voxprint.ui.common;

/** The body of a background job. */
@FunctionalInterface
public interface Work<T> {
    T run(Progress progress) throws Exception;
}
