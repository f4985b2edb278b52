package dev.reactiveawait.rxjava3;

/**
 * Awaits the first item of a {@code Flowable} or {@code Observable}: requests one, and at that item
 * cancels the upstream and hands the item over at once, without waiting for a completion that may
 * never come. An empty source ends with a {@code null} outcome.
 *
 * @param <T> the items
 */
final class FirstItemAwaiter<T> extends SequenceAwaiter<T, T> {

    FirstItemAwaiter(String method, Object source) {
        super(method, source);
    }

    @Override
    long initialRequest() {
        return 1;
    }

    @Override
    void next(T item) {
        cancelUpstream(); // we want no more; items in flight are dropped
        finish(item);
    }

    @Override
    void completed() {
        finish(null);
    }
}
