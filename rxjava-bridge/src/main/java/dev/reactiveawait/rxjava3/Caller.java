package dev.reactiveawait.rxjava3;

import dev.reactiveawait.Task;
import dev.reactiveawait.internal.AwaitingCaller;
import io.reactivex.rxjava3.plugins.RxJavaPlugins;
import org.jspecify.annotations.Nullable;

/**
 * Who waits for a source: a task (which suspends), or a plain thread (which blocks, as
 * {@code blockingGet()} and {@code blockingIterable()} do). Checked before subscribing, so a misuse
 * never leaves a subscription behind.
 */
final class Caller {
    private Caller() {}

    /**
     * The calling task, or {@code null} on a plain thread that may block.
     *
     * @throws IllegalStateException on a loop's thread outside a task, or on a thread where RxJava
     *     forbids blocking ({@code RxJavaPlugins.setFailOnNonBlockingScheduler(true)} and the
     *     {@code onBeforeBlocking} handler says so): waiting there would deadlock or starve it
     */
    static @Nullable Task<?> taskOrBlockingThread(String method) {
        Task<?> task = AwaitingCaller.taskOrPlainThread(method);
        if (task == null && RxJavaPlugins.isFailOnNonBlockingScheduler() && RxJavaPlugins.onBeforeBlocking()) {
            throw new IllegalStateException(method + "() outside a task would block thread \""
                    + Thread.currentThread().getName() + "\", where RxJava forbids blocking "
                    + "(RxJavaPlugins.onBeforeBlocking); call it inside a task, or compose the source "
                    + "with RxJava operators instead");
        }
        return task;
    }
}
