package dev.reactiveawait.reactor;

import dev.reactiveawait.Awaitable;
import dev.reactiveawait.EventLoop;
import dev.reactiveawait.Task;
import dev.reactiveawait.internal.LoopOfSubscription;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;

/**
 * {@link ReactorTasks#toMono}: a hot Mono of a task that already runs. Every subscriber gets the
 * task's outcome; a subscriber's {@code cancel()} only stops listening, it never cancels the task
 * (other subscribers, and the task's creator, may still want it).
 */
final class TaskAsMono<T> extends Mono<T> {
    private final Task<? extends @Nullable T> task;

    private TaskAsMono(Task<? extends @Nullable T> task) {
        this.task = task;
    }

    static <T> Mono<T> of(Task<? extends @Nullable T> task) {
        return onAssembly(new TaskAsMono<T>(task));
    }

    @Override
    public void subscribe(CoreSubscriber<? super T> actual) {
        ResultSubscription<T> subscription = new ResultSubscription<>(actual);
        actual.onSubscribe(subscription);
        if (task.isDone()) {
            subscription.complete(task); // the outcome is readable from any thread once done
            return;
        }
        EventLoop loop = task.loop();
        Consumer<Awaitable<? extends @Nullable T>> listener = subscription::complete;
        try {
            LoopOfSubscription.execute(loop, () -> listen(loop, subscription, listener));
        } catch (IllegalStateException closed) {
            if (task.isDone()) {
                subscription.complete(task); // close() cancelled it and let it finish
            } else {
                subscription.fail(closed);
            }
        }
    }

    /** On the loop: done-callbacks are loop-only. */
    private void listen(EventLoop loop, ResultSubscription<T> subscription,
            Consumer<Awaitable<? extends @Nullable T>> listener) {
        if (subscription.isDisposed()) {
            return;
        }
        task.addDoneCallback(listener);
        // RS 3.13: a cancelled subscriber must not stay referenced by the task until it ends
        subscription.onCancel(() -> {
            try {
                LoopOfSubscription.execute(loop, () -> task.removeDoneCallback(listener));
            } catch (IllegalStateException closed) {
                // the loop is closed: nothing of it runs any more
            }
        });
    }
}
