package dev.reactiveawait.reactor;

import dev.reactiveawait.Task;
import dev.reactiveawait.internal.AwaitingCaller;
import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Schedulers;

/**
 * Who waits for a sequence: a task (which suspends), or a plain thread (which blocks, as
 * {@code block()} and {@code toIterable()} do). Checked before subscribing, so a misuse never
 * leaves a subscription behind.
 */
final class Caller {
    private Caller() {}

    /**
     * The calling task, or {@code null} on a plain thread that may block.
     *
     * @throws IllegalStateException on a loop's thread outside a task, or on a thread Reactor marks
     *     non-blocking: waiting there would deadlock or starve it
     */
    static @Nullable Task<?> taskOrBlockingThread(String method) {
        Task<?> task = AwaitingCaller.taskOrPlainThread(method);
        if (task == null && Schedulers.isInNonBlockingThread()) {
            throw new IllegalStateException(method + "() outside a task would block thread \""
                    + Thread.currentThread().getName() + "\", which Reactor marks non-blocking; call it "
                    + "inside a task, or compose the sequence with Reactor operators instead");
        }
        return task;
    }
}
