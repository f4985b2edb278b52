package dev.reactiveawait.reactor;

import org.reactivestreams.Publisher;
import reactor.util.context.Context;

/**
 * Awaits the last item of a Publisher: requests everything, keeps the latest item (discarding the
 * one it replaces, as Reactor's {@code last()} does) and hands it over at completion. An empty
 * sequence ends with a {@code null} outcome.
 *
 * @param <T> the items
 */
final class LastItemAwaiter<T> extends HoldingAwaiter<T> {

    LastItemAwaiter(Context context, String method, Publisher<?> source) {
        super(context, method, source);
    }

    @Override
    void next(T item) {
        keepLatest(item);
    }
}
