package dev.reactiveawait.internal;

import dev.reactiveawait.Async;
import dev.reactiveawait.Task;
import org.jspecify.annotations.Nullable;

/**
 * Who waits for a source in the bridges' {@code await} and {@code iterate}: a task (which
 * suspends), or a plain thread (which blocks, as the host libraries' blocking calls do). Checked
 * before subscribing, so a misuse never leaves a subscription behind. Each bridge adds its host
 * library's own rule for plain threads that must not block.
 *
 * <p>Not API: exported to the bridges only.
 */
public final class AwaitingCaller {
    private AwaitingCaller() {}

    /**
     * The calling task, or {@code null} on a plain thread.
     *
     * @param method the bridge's method, for the message ({@code "await"}, {@code "iterate"})
     * @return the task, or {@code null}
     * @throws IllegalStateException on a loop's thread outside a task (in a callback, or on the
     *     thread running the loop): waiting there would deadlock the loop
     */
    public static @Nullable Task<?> taskOrPlainThread(String method) {
        Task<?> task = Async.currentTask();
        if (task == null && CoreAccess.currentLoopOrNull() != null) {
            throw new IllegalStateException(method + "() called on an event loop's thread outside a task "
                    + "(in a callback, or on the thread running the loop): waiting there would deadlock "
                    + "the loop; call it inside a task (createTask(...))");
        }
        return task;
    }
}
