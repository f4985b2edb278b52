package dev.reactiveawait;

import java.util.List;

/**
 * The failures of a {@link TaskGroup}, together: asyncio's {@code ExceptionGroup("unhandled errors in
 * a TaskGroup", ...)}. It carries every child's exception in the order the children failed, then the
 * body's own exception, if any; a nested group's failure appears as a nested
 * {@code TaskGroupException}. Cancelled children are not failures and do not appear.
 *
 * <p>Each exception is also attached as {@linkplain #getSuppressed() suppressed}, so a stack trace
 * prints them all.
 * {@snippet :
 * try {
 *     TaskGroup.run(g -> {
 *         g.createTask(() -> fetch(a));
 *         return g.createTask(() -> fetch(b));
 *     });
 * } catch (TaskGroupException e) {
 *     for (Throwable failure : e.getExceptions()) {
 *         log.warn("fetch failed", failure);
 *     }
 * }
 * }
 *
 * @since 0.1
 */
public final class TaskGroupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An array, not a List: serializable as it is. */
    private final Throwable[] exceptions;

    TaskGroupException(List<Throwable> exceptions) {
        super("unhandled errors in a TaskGroup (" + exceptions.size()
                + (exceptions.size() == 1 ? " sub-exception)" : " sub-exceptions)"));
        this.exceptions = exceptions.toArray(Throwable[]::new);
        for (Throwable e : this.exceptions) {
            addSuppressed(e);
        }
    }

    /**
     * The failures, in the order they happened (children first, then the body's own exception).
     *
     * @return an unmodifiable, non-empty list
     */
    public List<Throwable> getExceptions() {
        return List.of(exceptions);
    }
}
