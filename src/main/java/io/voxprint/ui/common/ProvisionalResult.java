package io.voxprint.ui.common;

import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The provisional result a view model shows while a take is still being recorded (a score, a
 * ranking), with its words: computed one at a time through {@link LatestOnly}, and dropped, with
 * whatever is in flight, as soon as the complete take is decided.
 *
 * @param <T> the provisional value
 */
public final class ProvisionalResult<T> {
    private final ObjectProperty<T> value;
    private final StringProperty text;
    private final LatestOnly live;
    private final Function<T, String> words;

    public ProvisionalResult(Object bean, TaskRunner runner, Function<T, String> words) {
        this.value = new SimpleObjectProperty<>(bean, "provisional");
        this.text = new SimpleStringProperty(bean, "provisionalText", "");
        this.live = new LatestOnly(runner);
        this.words = words;
    }

    /** The latest provisional value; null when there is none. */
    public ObjectProperty<T> valueProperty() {
        return value;
    }

    /** The provisional value in words, marked as such; empty when there is none. */
    public StringProperty textProperty() {
        return text;
    }

    /** Drops what is shown and in flight, and shows {@code message} instead (empty: nothing). */
    public void reset(String message) {
        live.discard();
        value.set(null);
        text.set(message);
    }

    /** Computes a provisional value unless one is still being computed; an empty answer shows nothing new. */
    public void offer(Work<Optional<T>> work) {
        live.offer(work, result -> result.ifPresent(this::show));
    }

    private void show(T v) {
        value.set(v);
        text.set(words.apply(v));
    }
}
