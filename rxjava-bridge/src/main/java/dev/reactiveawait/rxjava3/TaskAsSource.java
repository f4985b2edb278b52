package dev.reactiveawait.rxjava3;

import dev.reactiveawait.Awaitable;
import dev.reactiveawait.EventLoop;
import dev.reactiveawait.Task;
import dev.reactiveawait.internal.LoopOfSubscription;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Maybe;
import io.reactivex.rxjava3.core.Single;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * {@link RxTasks#toSingle}, {@link RxTasks#toMaybe}, {@link RxTasks#toCompletable}: a hot source of
 * a task that already runs. Every observer gets the task's outcome; disposing only stops listening,
 * it never cancels the task (other observers, and the task's creator, may still want it).
 */
final class TaskAsSource {
    private TaskAsSource() {}

    static <T> Single<T> single(Task<? extends T> task) {
        Objects.requireNonNull(task, "task");
        return Single.create(emitter -> listen(task, OutcomeSink.single(emitter, false, "toSingle(task): " + task
                + " ended with null, and RxJava forbids null values; use toMaybe(task), which completes empty on null")));
    }

    static <T> Maybe<T> maybe(Task<? extends @Nullable T> task) {
        Objects.requireNonNull(task, "task");
        return Maybe.create(emitter -> listen(task, OutcomeSink.maybe(emitter, false)));
    }

    static Completable completable(Task<?> task) {
        Objects.requireNonNull(task, "task");
        return Completable.create(emitter -> listen(task, OutcomeSink.completable(emitter, false)));
    }

    /** On the subscribing thread (inside {@code create}, after {@code onSubscribe}). */
    private static <T> void listen(Task<? extends @Nullable T> task, OutcomeSink<T> sink) {
        if (task.isDone()) {
            sink.complete(task); // the outcome is readable from any thread once done
            return;
        }
        EventLoop loop = task.loop();
        try {
            LoopOfSubscription.execute(loop, () -> addListener(loop, task, sink));
        } catch (IllegalStateException closed) {
            if (task.isDone()) {
                sink.complete(task); // close() cancelled it and let it finish
            } else {
                sink.fail(closed);
            }
        }
    }

    /** On the loop: done-callbacks are loop-only. */
    private static <T> void addListener(EventLoop loop, Task<? extends @Nullable T> task, OutcomeSink<T> sink) {
        if (sink.isDisposed()) {
            return;
        }
        Consumer<Awaitable<? extends @Nullable T>> listener = sink::complete;
        task.addDoneCallback(listener);
        // a disposed observer must not stay referenced by the task until it ends
        sink.setCancellable(() -> {
            try {
                LoopOfSubscription.execute(loop, () -> task.removeDoneCallback(listener));
            } catch (IllegalStateException closed) {
                // the loop is closed: nothing of it runs any more
            }
        });
    }
}
