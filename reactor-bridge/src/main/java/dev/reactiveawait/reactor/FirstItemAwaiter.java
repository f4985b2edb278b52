package dev.reactiveawait.reactor;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * Awaits the first item of a Publisher: requests one, and at that item cancels the subscription
 * and hands the item over at once, without waiting for a completion that may never come. An empty
 * sequence ends with a {@code null} outcome. (A Mono is awaited by {@link MonoAwaiter} instead, so
 * that it is never cancelled after its value.)
 *
 * @param <T> the items
 */
final class FirstItemAwaiter<T> extends AwaitingSubscriber<T, T> {

    FirstItemAwaiter(Context context, String method, Publisher<?> source) {
        super(context, method, source);
    }

    @Override
    long initialRequest() {
        return 1;
    }

    @Override
    void next(T item) {
        cancelUpstream(); // RS 3.x: we want no more; items in flight go to onNextDropped
        finish(item);
    }

    @Override
    void completed() {
        finish(null);
    }

    @Override
    protected void discardHeld() {}

    @Override
    void discard(T outcome) {
        Operators.onDiscard(outcome, context);
    }
}
