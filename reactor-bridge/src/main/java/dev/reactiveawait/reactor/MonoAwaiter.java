package dev.reactiveawait.reactor;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * Awaits a Mono: requests everything, keeps the value, and hands it over at the terminal signal,
 * never before and never by cancelling: a transactional Mono cancelled after its value would lose
 * its commit (kotlinx.coroutines#3487, spring-framework#25007).
 *
 * @param <T> the value
 */
final class MonoAwaiter<T> extends AwaitingSubscriber<T, T> {
    /** Signalling side only. */
    private @Nullable T value;

    MonoAwaiter(Context context, String method, Publisher<?> source) {
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
        cancelUpstream(); // a broken Mono: the outcome is an error, so stop it
        Operators.onDiscard(first, context);
        Operators.onDiscard(item, context);
        fail(new IllegalStateException(describe() + ": the Mono emitted a second item, but a Mono emits at most "
                + "one; its source breaks the Mono contract (use a Flux and awaitList or iterate for many items)"));
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
