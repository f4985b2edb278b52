package dev.reactiveawait;

/**
 * The body of a task that produces a value: plain imperative code that may {@code await}.
 *
 * <p>Java has no {@code async} keyword; any lambda is a coroutine once it runs as a task, because
 * tasks run on virtual threads that {@link Async#await(Awaitable)} suspends.
 * {@snippet :
 * Coroutine<Integer> job = () -> { sleep(Duration.ofSeconds(1)); return 42; };
 * Task<Integer> task = createTask(job);
 * }
 *
 * @param <T> the type of the result
 * @since 0.1
 */
@FunctionalInterface
public interface Coroutine<T extends @org.jspecify.annotations.Nullable Object> {
    /**
     * Runs the body.
     *
     * @return the task's result, may be {@code null}
     * @throws Exception anything; it becomes the task's exception and comes out of {@code await}
     *     unchanged
     */
    T call() throws Exception;
}
