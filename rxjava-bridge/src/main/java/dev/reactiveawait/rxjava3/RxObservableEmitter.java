package dev.reactiveawait.rxjava3;

import dev.reactiveawait.CancelledException;

/**
 * What an {@link ObservableBody} emits items through: {@link #emit} hands one item to the observer
 * at once. An {@code Observable} has no backpressure, so {@code emit} never waits for demand (use
 * {@link RxTasks#rxFlowable(FlowableBody) rxFlowable} when the consumer must set the pace). Named
 * {@code Rx…} so that it never clashes with RxJava's own
 * {@code io.reactivex.rxjava3.core.ObservableEmitter}.
 *
 * <dl>
 * <dt><b>Thread:</b></dt>
 * <dd>Call it from the Observable body's own task only (not from other tasks, callbacks or
 *     threads): the observer's {@code onNext} runs right there, on the task, so signals never
 *     overlap. A body that emits in a long loop without awaiting holds the loop meanwhile, like any
 *     task; {@code sleep(Duration.ZERO)} lets the others run.</dd>
 * <dt><b>Cancellation:</b></dt>
 * <dd>Once the observer disposed, {@code emit} throws {@link CancelledException}; let it
 *     propagate so the body's {@code finally} blocks run and the task ends cancelled.</dd>
 * </dl>
 * {@snippet :
 * Observable<String> events = RxTasks.rxObservable(loop, emitter -> {
 *     while (true) {
 *         emitter.emit(await(nextEvent())); // returns at once: no backpressure
 *     }
 * });
 * }
 *
 * @param <T> the type of the items
 * @since 0.1
 */
public sealed interface RxObservableEmitter<T> permits ObservableBodyEmitter {

    /**
     * Sends {@code item} to the observer; returns once its {@code onNext} has returned.
     *
     * @param item the item, not {@code null} (RxJava forbids nulls)
     * @throws NullPointerException if {@code item} is {@code null}
     * @throws CancelledException if the observer disposed, or threw from {@code onNext} (its
     *     exception is the cause, and goes to {@code RxJavaPlugins.onError})
     * @throws IllegalStateException if called from anything but the body's own task
     */
    void emit(T item);
}
