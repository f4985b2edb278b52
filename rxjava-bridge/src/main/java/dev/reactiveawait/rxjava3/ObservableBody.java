package dev.reactiveawait.rxjava3;

/**
 * The body of an {@link RxTasks#rxObservable(dev.reactiveawait.EventLoop, ObservableBody)
 * rxObservable}: plain imperative code that runs as a task, may {@code await}, and emits items
 * through its {@link RxObservableEmitter}. The Observable completes when the body returns and
 * fails with whatever it throws.
 *
 * <dl>
 * <dt><b>Thread:</b></dt>
 * <dd>Runs as a task of an event loop, one task per subscription.</dd>
 * <dt><b>Cancellation:</b></dt>
 * <dd>Disposing the subscription cancels the task: the pending {@code await} or the next
 *     {@code emit} throws {@link dev.reactiveawait.CancelledException} and {@code finally} blocks
 *     run.</dd>
 * </dl>
 * {@snippet :
 * ObservableBody<Integer> ticks = emitter -> {
 *     for (int i = 0; i < 3; i++) {
 *         emitter.emit(i);
 *         sleep(Duration.ofSeconds(1));
 *     }
 * };
 * }
 *
 * @param <T> the type of the items
 * @since 0.1
 */
@FunctionalInterface
public interface ObservableBody<T> {

    /**
     * Runs the body.
     *
     * @param emitter where the items go
     * @throws Exception anything; the Observable fails with it, unchanged
     */
    void run(RxObservableEmitter<T> emitter) throws Exception;
}
