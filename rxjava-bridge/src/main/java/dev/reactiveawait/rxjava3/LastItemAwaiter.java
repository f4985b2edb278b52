package dev.reactiveawait.rxjava3;

/**
 * Awaits the last item of a {@code Flowable} or {@code Observable}: requests everything, keeps the
 * latest item and hands it over at completion. An empty source ends with a {@code null} outcome.
 *
 * @param <T> the items
 */
final class LastItemAwaiter<T> extends HoldingAwaiter<T> {

    LastItemAwaiter(String method, Object source) {
        super(method, source);
    }

    @Override
    void next(T item) {
        keepLatest(item);
    }
}
