package dev.reactiveawait.sync;

import org.jspecify.annotations.Nullable;

/**
 * Thrown by a {@link Queue}'s {@code put}, {@code putNowait}, {@code get} and {@code getNowait}
 * once the queue is {@linkplain Queue#shutdown(boolean) shut down} (asyncio 3.13's
 * {@code QueueShutDown}): puts at once, gets when no item is left. A task blocked in {@code put} or
 * {@code get} when the queue shuts down is woken and gets it too.
 * {@snippet :
 * try {
 *     for (;;) {
 *         handle(jobs.get());
 *         jobs.taskDone();
 *     }
 * } catch (QueueShutDownException e) {
 *     // no more work will come
 * }
 * }
 *
 * @since 0.1
 */
public final class QueueShutDownException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was refused, or {@code null} for none
     */
    public QueueShutDownException(@Nullable String message) {
        super(message);
    }
}
