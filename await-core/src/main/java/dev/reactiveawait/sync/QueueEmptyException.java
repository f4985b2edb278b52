package dev.reactiveawait.sync;

import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown by {@link Queue#getNowait()} when the queue has no item (asyncio's {@code QueueEmpty}).
 * {@link Queue#get()} waits for one instead.
 * {@snippet :
 * try {
 *     process(queue.getNowait());
 * } catch (QueueEmptyException e) {
 *     idle();
 * }
 * }
 *
 * @since 0.1
 */
public final class QueueEmptyException extends NoSuchElementException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was refused, or {@code null} for none
     */
    public QueueEmptyException(@Nullable String message) {
        super(message);
    }
}
