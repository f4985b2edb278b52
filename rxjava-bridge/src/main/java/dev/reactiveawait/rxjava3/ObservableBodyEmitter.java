package dev.reactiveawait.rxjava3;

import dev.reactiveawait.Async;
import dev.reactiveawait.Awaitable;
import dev.reactiveawait.CancelledException;
import dev.reactiveawait.EventLoop;
import dev.reactiveawait.Task;
import dev.reactiveawait.internal.DemandEmitter;
import dev.reactiveawait.internal.Failure;
import dev.reactiveawait.internal.LoopOfSubscription;
import io.reactivex.rxjava3.core.ObservableEmitter;
import io.reactivex.rxjava3.exceptions.Exceptions;
import io.reactivex.rxjava3.plugins.RxJavaPlugins;
import org.jspecify.annotations.Nullable;

/**
 * One subscription of an {@link ObservableBodyAsObservable}: the body's {@link RxObservableEmitter}
 * over RxJava's own {@link ObservableEmitter}, which already drops signals after dispose and runs
 * our cancellable (cancel the task) on dispose. {@code onNext} comes from the body's task only, the
 * terminal signal from the loop after the task ended: signals never overlap, without a lock and
 * without {@code serialize()}.
 */
final class ObservableBodyEmitter<T> implements RxObservableEmitter<T> {
    private final ObservableEmitter<T> emitter;
    /**
     * The body's task: written once on the loop before its first step; read by emit() on that task
     * (the loop's baton handoff orders the two, as for any loop state).
     */
    private @Nullable Task<?> task;
    /** Set by the task when the observer's onNext threw (it counts as disposed); read on the loop after the task ended. */
    private boolean observerFailed;

    private ObservableBodyEmitter(ObservableEmitter<T> emitter) {
        this.emitter = emitter;
    }

    /** On the subscribing thread (inside {@code Observable.create}, after {@code onSubscribe}). */
    static <T> void start(@Nullable EventLoop given, ObservableBody<T> body, ObservableEmitter<T> emitter) {
        EventLoop target = LoopOfSubscription.resolve(given);
        if (target == null) {
            emitter.onError(LoopOfSubscription.noLoop("RxTasks", "rxObservable"));
            return;
        }
        ObservableBodyEmitter<T> bodyEmitter = new ObservableBodyEmitter<>(emitter);
        try {
            LoopOfSubscription.execute(target, () -> bodyEmitter.run(target, body));
        } catch (IllegalStateException closed) {
            emitter.tryOnError(closed);
        }
    }

    /** On the loop: task creation is loop-only. */
    private void run(EventLoop target, ObservableBody<T> body) {
        if (emitter.isDisposed()) {
            return; // disposed before the task existed: never start it
        }
        Task<Void> t;
        try {
            t = target.createTask(() -> body.run(this));
        } catch (IllegalStateException closed) {
            emitter.tryOnError(closed);
            return;
        }
        task = t; // before its first step runs: createTask only schedules it
        t.addDoneCallback(this::ended);
        // runs at once if disposed meanwhile; after the terminal signal too, where it is a no-op
        emitter.setCancellable(() -> t.cancel("the Observable's observer disposed"));
    }

    /** On the loop, once the task is done: the terminal signal. */
    private void ended(Awaitable<?> done) {
        Throwable failure = Failure.of(done);
        if (failure == null) {
            if (!observerFailed) {
                emitter.onComplete(); // a no-op once disposed
            }
        } else if ((observerFailed || !emitter.tryOnError(failure)) && !(failure instanceof CancelledException)) {
            RxJavaPlugins.onError(failure); // never lost, never thrown into the loop; our own cancel is no error
        }
    }

    @Override
    public void emit(T item) {
        if (item == null) {
            throw new NullPointerException("emit(null): RxJava forbids null items; emit a value, or end the body "
                    + "to complete the Observable");
        }
        Task<?> me = Async.currentTask();
        if (me == null || me != task) {
            throw DemandEmitter.notTheBodysTask(me, "rxObservable");
        }
        if (observerFailed || emitter.isDisposed()) {
            throw new CancelledException("the Observable's observer disposed");
        }
        try {
            emitter.onNext(item);
        } catch (Throwable e) {
            Exceptions.throwIfFatal(e);
            throw observerFailed(e);
        }
    }

    /**
     * An observer whose onNext throws counts as disposed (as Reactive Streams rule 2.13 has it for
     * subscribers): nothing more is signalled to it, its exception goes to
     * {@code RxJavaPlugins.onError}, the body's task is cancelled, and the returned {@link CancelledException} (caused by the observer's exception) is what emit
     * throws, so that the body's finally blocks run.
     */
    private CancelledException observerFailed(Throwable e) {
        observerFailed = true;
        RxJavaPlugins.onError(e);
        CancelledException cancelled = DemandEmitter.throwingOnNext("the Observable's observer", e);
        Task<?> t = task;
        if (t != null) {
            t.cancel(cancelled.getMessage());
        }
        return cancelled;
    }
}
