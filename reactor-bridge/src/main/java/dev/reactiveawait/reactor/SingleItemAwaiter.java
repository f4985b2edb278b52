package dev.reactiveawait.reactor;

import org.reactivestreams.Publisher;
import reactor.util.context.Context;

/**
 * Awaits the only item of a Publisher: requests everything, and fails fast at a second item
 * (cancelling the subscription) instead of waiting for the completion. An empty sequence ends with
 * a {@code null} outcome, which the caller turns into its own "empty" answer: empty and "too many"
 * are never blurred.
 *
 * @param <T> the items
 */
final class SingleItemAwaiter<T> extends HoldingAwaiter<T> {

    SingleItemAwaiter(Context context, String method, Publisher<?> source) {
        super(context, method, source);
    }

    @Override
    void next(T item) {
        if (!keepOnly(item)) {
            fail(new IllegalArgumentException(describe() + ": the publisher emitted more than one item; "
                    + "use awaitFirst for the first one, or awaitList for all of them"));
        }
    }
}
