package dev.reactiveawait.rxjava3;

/**
 * Awaits the only item of a {@code Flowable} or {@code Observable}: requests everything, and fails
 * fast at a second item (cancelling the upstream) instead of waiting for the completion. An empty
 * source ends with a {@code null} outcome, which the caller turns into its own "empty" answer:
 * empty and "too many" are never blurred.
 *
 * @param <T> the items
 */
final class SingleItemAwaiter<T> extends HoldingAwaiter<T> {

    SingleItemAwaiter(String method, Object source) {
        super(method, source);
    }

    @Override
    void next(T item) {
        if (!keepOnly(item)) {
            fail(new IllegalArgumentException(describe() + ": the source emitted more than one item; "
                    + "use awaitFirst for the first one, or awaitList for all of them"));
        }
    }
}
