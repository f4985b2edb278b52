package dev.reactiveawait.sync;

import org.jspecify.annotations.Nullable;

/**
 * Thrown by {@link Queue#putNowait(Object)} when the queue holds {@link Queue#maxsize()} items
 * (asyncio's {@code QueueFull}). {@link Queue#put(Object)} waits for a free slot instead.
 * {@snippet :
 * try {
 *     queue.putNowait(item);
 * } catch (QueueFullException e) {
 *     dropped++; // shed load instead of waiting
 * }
 * }
 *
 * @since 0.1
 */
public final class QueueFullException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was refused, or {@code null} for none
     */
    public QueueFullException(@Nullable String message) {
        super(message);
    }
}
