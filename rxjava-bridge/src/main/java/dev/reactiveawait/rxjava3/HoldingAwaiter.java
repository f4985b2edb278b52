package dev.reactiveawait.rxjava3;

import org.jspecify.annotations.Nullable;

/**
 * What the awaiters that hold one item until the completion share (the only item, the last item of
 * a {@code Flowable} or {@code Observable}): they request everything and hand the held item over
 * at completion (none: a {@code null} outcome, which the caller turns into its own "empty"
 * answer). Each decides what a further item does.
 *
 * @param <T> the items
 */
abstract sealed class HoldingAwaiter<T> extends SequenceAwaiter<T, T> permits SingleItemAwaiter, LastItemAwaiter {
    /** Signalling side only. */
    private @Nullable T value;

    HoldingAwaiter(String method, Object source) {
        super(method, source);
    }

    /**
     * Keeps the first item. A second one breaks the caller's expectation: the upstream is
     * cancelled, and the caller fails the await.
     *
     * @return {@code false} at a second item
     */
    final boolean keepOnly(T item) {
        if (value == null) {
            value = item;
            return true;
        }
        value = null;
        cancelUpstream();
        return false;
    }

    /** Keeps the latest item. */
    final void keepLatest(T item) {
        value = item;
    }

    @Override
    final long initialRequest() {
        return Long.MAX_VALUE;
    }

    @Override
    final void completed() {
        T v = value;
        value = null;
        finish(v);
    }
}
