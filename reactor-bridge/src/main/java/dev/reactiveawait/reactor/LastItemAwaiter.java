package dev.reactiveawait.reactor;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * Awaits the last item of a Publisher: requests everything, keeps the latest item (discarding the
 * one it replaces, as Reactor's {@code last()} does) and hands it over at completion. An empty
 * sequence ends with a {@code null} outcome.
 *
 * @param <T> the items
 */
final class LastItemAwaiter<T> extends AwaitingSubscriber<T, T> {
    /** Signalling side only. */
    private @Nullable T value;

    LastItemAwaiter(Context context, String method, Publisher<?> source) {
        super(context, method, source);
    }

    @Override
    long initialRequest() {
        return Long.MAX_VALUE;
    }

    @Override
    void next(T item) {
        T previous = value;
        value = item;
        if (previous != null) {
            Operators.onDiscard(previous, context);
        }
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
