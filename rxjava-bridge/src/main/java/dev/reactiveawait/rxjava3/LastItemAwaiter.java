package dev.reactiveawait.rxjava3;

import org.jspecify.annotations.Nullable;

/**
 * Awaits the last item of a {@code Flowable} or {@code Observable}: requests everything, keeps the
 * latest item and hands it over at completion. An empty source ends with a {@code null} outcome.
 *
 * @param <T> the items
 */
final class LastItemAwaiter<T> extends SequenceAwaiter<T, T> {
    /** Signalling side only. */
    private @Nullable T value;

    LastItemAwaiter(String method, Object source) {
        super(method, source);
    }

    @Override
    long initialRequest() {
        return Long.MAX_VALUE;
    }

    @Override
    void next(T item) {
        value = item;
    }

    @Override
    void completed() {
        T v = value;
        value = null;
        finish(v);
    }
}
