package dev.reactiveawait.reactor;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * What the awaiters that hold one item until the completion share (a Mono's value, the only item,
 * the last item): they request everything, hand the held item over at the terminal signal (none:
 * a {@code null} outcome, which the caller turns into its own "empty" answer), and release it to
 * Reactor's discard hook when it will never be delivered. Each decides what a further item does.
 *
 * @param <T> the items
 */
abstract sealed class HoldingAwaiter<T> extends AwaitingSubscriber<T, T>
        permits MonoAwaiter, SingleItemAwaiter, LastItemAwaiter {
    /** Signalling side only. */
    private @Nullable T value;

    HoldingAwaiter(Context context, String method, Publisher<?> source) {
        super(context, method, source);
    }

    /**
     * Keeps the first item. A second one breaks the caller's expectation: the subscription is
     * cancelled, both items go to the discard hook, and the caller fails the await.
     *
     * @return {@code false} at a second item
     */
    final boolean keepOnly(T item) {
        T first = value;
        if (first == null) {
            value = item;
            return true;
        }
        value = null;
        cancelUpstream(); // a broken expectation: the outcome is an error, so stop the source
        Operators.onDiscard(first, context);
        Operators.onDiscard(item, context);
        return false;
    }

    /** Keeps the latest item, discarding the one it replaces (as Reactor's {@code last()} does). */
    final void keepLatest(T item) {
        T previous = value;
        value = item;
        if (previous != null) {
            Operators.onDiscard(previous, context);
        }
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

    @Override
    protected final void discardHeld() {
        T v = value;
        if (v != null) {
            value = null;
            Operators.onDiscard(v, context);
        }
    }

    @Override
    final void discard(T outcome) {
        Operators.onDiscard(outcome, context);
    }
}
