package dev.reactiveawait;

import java.util.Set;

/**
 * What {@link Async#wait(java.util.Collection, ReturnWhen, java.time.Duration)} returns: the
 * awaitables that are done and those still pending (asyncio's {@code (done, pending)} pair). Both
 * sets keep the order of the collection given to {@code wait} (asyncio's sets have no order).
 * {@snippet :
 * WaitResult<Task<String>> r = Async.wait(tasks, ReturnWhen.FIRST_COMPLETED, Duration.ofSeconds(5));
 * for (Task<String> t : r.done()) {
 *     System.out.println(t.result());
 * }
 * r.pending().forEach(Task::cancel);
 * }
 *
 * @param done the awaitables that are done, unmodifiable
 * @param pending the awaitables still pending, unmodifiable
 * @param <A> the type of the awaitables given to {@code wait}
 * @since 0.1
 */
public record WaitResult<A extends Awaitable<?>>(Set<A> done, Set<A> pending) {
    /**
     * Creates a result.
     *
     * @param done the awaitables that are done
     * @param pending the awaitables still pending
     */
    public WaitResult {
        java.util.Objects.requireNonNull(done, "done");
        java.util.Objects.requireNonNull(pending, "pending");
        done = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(done));
        pending = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(pending));
    }
}
