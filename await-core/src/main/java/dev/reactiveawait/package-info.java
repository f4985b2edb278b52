/**
 * Python asyncio's programming model for Java: an {@link dev.reactiveawait.EventLoop}, tasks written
 * as plain imperative code, {@link dev.reactiveawait.Promise}s, {@code gather}, {@code sleep} and
 * cancellation.
 *
 * <p>Code inside a task reads like blocking code; {@link dev.reactiveawait.Async#await(Awaitable)}
 * suspends the task (not a platform thread) and lets the loop run the next ready task:
 * {@snippet :
 * import static dev.reactiveawait.Async.*;
 *
 * String greeting = run(() -> {
 *     Task<String> hello = createTask(() -> { sleep(Duration.ofSeconds(1)); return "hello"; });
 *     return await(hello) + " world";
 * });
 * }
 */
@NullMarked
package dev.reactiveawait;

import org.jspecify.annotations.NullMarked;
