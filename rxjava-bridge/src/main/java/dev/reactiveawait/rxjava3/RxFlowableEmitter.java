package dev.reactiveawait.rxjava3;

import dev.reactiveawait.CancelledException;

/**
 * What a {@link FlowableBody} emits items through: {@link #emit} hands one item to the subscriber,
 * suspending the body's task while the subscriber has requested nothing (backpressure). Named
 * {@code Rx…} so that it never clashes with RxJava's own {@code io.reactivex.rxjava3.core.FlowableEmitter}
 * (the Reactor bridge's counterpart is {@code FluxEmitter}).
 *
 * <dl>
 * <dt><b>Thread:</b></dt>
 * <dd>Call it from the Flowable body's own task only (not from other tasks, callbacks or threads):
 *     the subscriber's {@code onNext} runs right there, on the task, never concurrently with another
 *     signal.</dd>
 * <dt><b>Cancellation:</b></dt>
 * <dd>Once the subscriber cancels (or requests a non-positive amount), {@code emit} throws
 *     {@link CancelledException}; let it propagate so the body's {@code finally} blocks run and the
 *     task ends cancelled.</dd>
 * </dl>
 * {@snippet :
 * Flowable<String> lines = RxTasks.rxFlowable(loop, emitter -> {
 *     for (String line : List.of("a", "b", "c")) {
 *         emitter.emit(line); // waits here while the subscriber has no demand
 *     }
 * });
 * }
 *
 * @param <T> the type of the items
 * @since 0.1
 */
public sealed interface RxFlowableEmitter<T> permits EmitterSubscription {

    /**
     * Sends {@code item} to the subscriber, first suspending the task until the subscriber has
     * requested at least one item. Returns once the subscriber's {@code onNext} has returned.
     *
     * @param item the item, not {@code null} (Reactive Streams rule 2.13; RxJava forbids nulls)
     * @throws NullPointerException if {@code item} is {@code null}
     * @throws CancelledException if the subscriber cancelled (or requested {@code n <= 0}, or threw
     *     from {@code onNext}: its exception is the cause, and goes to
     *     {@code RxJavaPlugins.onError}), or the task was cancelled while it waited for demand
     * @throws IllegalStateException if called from anything but the body's own task
     */
    void emit(T item);
}
