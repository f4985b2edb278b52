package dev.reactiveawait.rxjava3;

import java.util.ArrayList;
import java.util.List;

/**
 * Awaits all the items of a {@code Flowable} or {@code Observable}: requests everything and hands
 * the list over at completion (an empty list for an empty source).
 *
 * @param <T> the items
 */
final class ListAwaiter<T> extends SequenceAwaiter<T, List<T>> {
    /** Signalling side only, until handed over. */
    private final ArrayList<T> items = new ArrayList<>();

    ListAwaiter(String method, Object source) {
        super(method, source);
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
}
