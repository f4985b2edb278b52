package dev.reactiveawait;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when an awaitable is asked for something its state does not allow: the result of a
 * pending task, or a second completion of a {@link Promise} (asyncio's {@code InvalidStateError}).
 * {@snippet :
 * Task<Integer> t = createTask(() -> 1);
 * t.result(); // InvalidStateException: Result is not set (Task-1 is pending)
 * }
 *
 * @since 0.1
 */
public final class InvalidStateException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was asked and in which state, or {@code null} for none
     */
    public InvalidStateException(@Nullable String message) {
        super(message);
    }
}
