package dev.reactiveawait.reactor;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * Awaits the only item of a Publisher: requests everything, and fails fast at a second item
 * (cancelling the subscription) instead of waiting for the completion. An empty sequence ends with
 * a {@code null} outcome, which the caller turns into its own "empty" answer: empty and "too many"
 * are never blurred.
 *
 * @param <T> the items
 */
final class SingleItemAwaiter<T> extends AwaitingSubscriber<T, T> {
    /** Signalling side only. */
    private @Nullable T value;

    SingleItemAwaiter(Context context, String method, Publisher<?> source) {
        super(context, method, source);
    }

    @Override
    long initialRequest() {
        return Long.MAX_VALUE;
    }

    @Override
    void next(T item) {
        T first = value;
        if (first == null) {
            value = item;
            return;
        }
        value = null;
        cancelUpstream();
        Operators.onDiscard(first, context);
        Operators.onDiscard(item, context);
        fail(new IllegalArgumentException(describe() + ": the publisher emitted more than one item; "
                + "use awaitFirst for the first one, or awaitList for all of them"));
    }

    @Override
    void completed() {
        T v = value;
        value = null;
        finish(v);
    }

    @Override
    void discardHeld() {
        T v = value;
        if (v != null) {
            value = null;
            Operators.onDiscard(v, context);
        }
    }

    @Override
    void discard(T outcome) {
        Operators.onDiscard(outcome, context);
    }
}
