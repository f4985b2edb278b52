package dev.reactiveawait.rxjava3;

/**
 * The body of an {@link RxTasks#rxFlowable(dev.reactiveawait.EventLoop, FlowableBody) rxFlowable}:
 * plain imperative code that runs as a task, may {@code await}, and emits items through its
 * {@link RxFlowableEmitter}. The Flowable completes when the body returns and fails with whatever
 * it throws.
 *
 * <dl>
 * <dt><b>Thread:</b></dt>
 * <dd>Runs as a task of an event loop, one task per subscription.</dd>
 * <dt><b>Cancellation:</b></dt>
 * <dd>The subscriber's {@code cancel()} cancels the task: the pending {@code await} or
 *     {@code emit} throws {@link dev.reactiveawait.CancelledException} and {@code finally} blocks
 *     run.</dd>
 * </dl>
 * {@snippet :
 * FlowableBody<Integer> countdown = emitter -> {
 *     for (int i = 3; i > 0; i--) {
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
public interface FlowableBody<T> {

    /**
     * Runs the body.
     *
     * @param emitter where the items go
     * @throws Exception anything; the Flowable fails with it, unchanged
     */
    void run(RxFlowableEmitter<T> emitter) throws Exception;
}
