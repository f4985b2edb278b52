package dev.reactiveawait.rxjava3;

import org.jspecify.annotations.Nullable;

/**
 * Awaits the only item of a {@code Flowable} or {@code Observable}: requests everything, and fails
 * fast at a second item (cancelling the upstream) instead of waiting for the completion. An empty
 * source ends with a {@code null} outcome, which the caller turns into its own "empty" answer:
 * empty and "too many" are never blurred.
 *
 * @param <T> the items
 */
final class SingleItemAwaiter<T> extends SequenceAwaiter<T, T> {
    /** Signalling side only. */
    private @Nullable T value;

    SingleItemAwaiter(String method, Object source) {
        super(method, source);
    }

    @Override
    long initialRequest() {
        return Long.MAX_VALUE;
    }

    @Override
    void next(T item) {
        if (value == null) {
            value = item;
            return;
        }
        value = null;
        cancelUpstream();
        fail(new IllegalArgumentException(describe() + ": the source emitted more than one item; "
                + "use awaitFirst for the first one, or awaitList for all of them"));
    }

    @Override
    void completed() {
        T v = value;
        value = null;
        finish(v);
    }
}
