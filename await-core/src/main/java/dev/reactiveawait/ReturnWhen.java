package dev.reactiveawait;

/**
 * When {@link Async#wait(java.util.Collection, ReturnWhen, java.time.Duration)} returns (asyncio's
 * {@code return_when}).
 * {@snippet :
 * WaitResult<Task<String>> r = Async.wait(mirrors, ReturnWhen.FIRST_COMPLETED, null);
 * }
 *
 * @since 0.1
 */
public enum ReturnWhen {
    /** As soon as any awaitable is done (with a value, an exception, or cancelled). */
    FIRST_COMPLETED,
    /** As soon as any awaitable fails with an exception (a cancellation does not count), else when all are done. */
    FIRST_EXCEPTION,
    /** When every awaitable is done. */
    ALL_COMPLETED
}
