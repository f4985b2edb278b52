package dev.reactiveawait.internal;

import dev.reactiveawait.Awaitable;
import dev.reactiveawait.CancelledException;
import org.jspecify.annotations.Nullable;

/**
 * How a done task or promise failed, for the bridges that turn its outcome into a terminal signal:
 * a cancellation is a failure like any other there ({@link Awaitable#exception()} throws it
 * instead of returning it).
 *
 * <p>Not API: exported to the bridges only.
 */
public final class Failure {
    private Failure() {}

    /**
     * The exception of {@code done}, its {@link CancelledException} if it was cancelled, or
     * {@code null} if it succeeded.
     *
     * @param done a done awaitable
     * @return the failure, or {@code null}
     */
    public static @Nullable Throwable of(Awaitable<?> done) {
        try {
            return done.exception();
        } catch (CancelledException cancelled) {
            return cancelled;
        }
    }
}
