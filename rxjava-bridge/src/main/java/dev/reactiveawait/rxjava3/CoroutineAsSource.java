package dev.reactiveawait.rxjava3;

import dev.reactiveawait.Coroutine;
import dev.reactiveawait.EventLoop;
import dev.reactiveawait.Task;
import dev.reactiveawait.VoidCoroutine;
import dev.reactiveawait.internal.LoopOfSubscription;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Maybe;
import io.reactivex.rxjava3.core.Single;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * {@link RxTasks#rxSingle}, {@link RxTasks#rxMaybe}, {@link RxTasks#rxCompletable}: a cold source
 * that runs its body as a new task for each observer, built on RxJava's own {@code create}
 * emitters (they serialize the terminal signal and run our cancellable on dispose). The task's
 * value is the source's value, its exception the source's error; disposing cancels the task.
 */
final class CoroutineAsSource {
    private CoroutineAsSource() {}

    static <T> Single<T> single(@Nullable EventLoop loop, Coroutine<? extends T> body) {
        Objects.requireNonNull(body, "body");
        return Single.create(emitter -> start(loop, "rxSingle", target -> target.createTask(body),
                OutcomeSink.single(emitter, true, "rxSingle(body): the body returned null, and RxJava forbids null "
                        + "values; return a value, or use rxMaybe(body), which completes empty on null")));
    }

    static <T> Maybe<T> maybe(@Nullable EventLoop loop, Coroutine<? extends @Nullable T> body) {
        Objects.requireNonNull(body, "body");
        return Maybe.create(emitter -> start(loop, "rxMaybe", target -> target.createTask(body),
                OutcomeSink.maybe(emitter, true)));
    }

    static Completable completable(@Nullable EventLoop loop, VoidCoroutine body) {
        Objects.requireNonNull(body, "body");
        return Completable.create(emitter -> start(loop, "rxCompletable", target -> target.createTask(body),
                OutcomeSink.<@Nullable Void>completable(emitter, true)));
    }

    /** On the subscribing thread (inside {@code create}, after {@code onSubscribe}). */
    private static <T> void start(@Nullable EventLoop given, String factory,
            Function<EventLoop, Task<? extends @Nullable T>> createTask, OutcomeSink<T> sink) {
        EventLoop target = LoopOfSubscription.resolve(given);
        if (target == null) {
            sink.fail(LoopOfSubscription.noLoop("RxTasks", factory));
            return;
        }
        try {
            LoopOfSubscription.execute(target, () -> run(target, createTask, sink));
        } catch (IllegalStateException closed) {
            sink.fail(closed);
        }
    }

    /** On the loop: task creation is loop-only. */
    private static <T> void run(EventLoop target, Function<EventLoop, Task<? extends @Nullable T>> createTask,
            OutcomeSink<T> sink) {
        if (sink.isDisposed()) {
            return; // disposed before the task existed: never start it
        }
        Task<? extends @Nullable T> task;
        try {
            task = createTask.apply(target);
        } catch (IllegalStateException closed) {
            sink.fail(closed);
            return;
        }
        task.addDoneCallback(sink::complete);
        // runs at once if disposed meanwhile; after the terminal signal too, where it is a no-op
        sink.setCancellable(() -> task.cancel("the observer disposed"));
    }
}
