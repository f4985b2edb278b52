package dev.reactiveawait.reactor;

import java.util.ArrayList;
import java.util.List;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * Awaits all the items of a Publisher: requests everything and hands the list over at completion
 * (an empty list for an empty sequence).
 *
 * @param <T> the items
 */
final class ListAwaiter<T> extends AwaitingSubscriber<T, List<T>> {
    /** Signalling side only, until handed over. */
    private final ArrayList<T> items = new ArrayList<>();

    ListAwaiter(Context context, String method, Publisher<?> source) {
        super(context, method, source);
    }

    @Override
    long initialRequest() {
        return Long.MAX_VALUE;
    }

    @Override
    void next(T item) {
        items.add(item);
    }

    @Override
    void completed() {
        finish(items);
    }

    @Override
    protected void discardHeld() {
        Operators.onDiscardMultiple(items, context);
        items.clear();
    }

    @Override
    void discard(List<T> outcome) {
        Operators.onDiscardMultiple(outcome, context);
    }
}
