package dev.reactiveawait;

/**
 * The body of a task that produces no value (its task is a {@code Task<Void>} whose result is
 * {@code null}).
 * {@snippet :
 * Task<Void> t1 = createTask(() -> {
 *     System.out.println("T1 start");
 *     sleep(Duration.ofSeconds(2));
 *     System.out.println("T1 end");
 * });
 * }
 *
 * @since 0.1
 */
@FunctionalInterface
public interface VoidCoroutine {
    /**
     * Runs the body.
     *
     * @throws Exception anything; it becomes the task's exception and comes out of {@code await}
     *     unchanged
     */
    void run() throws Exception;
}
