package dev.reactiveawait;

import org.jspecify.annotations.Nullable;

/**
 * Thrown at the pending {@code await} of a cancelled task, and by {@code result()} of a cancelled
 * awaitable (asyncio's {@code CancelledError}).
 *
 * <p>A task may catch it to clean up, and usually rethrows it; a task that swallows it goes on
 * running (see {@link Task#uncancel()}). The message is the one given to
 * {@link Awaitable#cancel(String)}, or {@code null}.
 * {@snippet :
 * try {
 *     sleep(Duration.ofHours(1));
 * } catch (CancelledException e) {
 *     System.out.println("cancelled: " + e.getMessage());
 *     throw e;
 * }
 * }
 *
 * @since 0.1
 */
public final class CancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the cancel message, or {@code null}
     */
    public CancelledException(@Nullable String message) {
        super(message);
    }
}
