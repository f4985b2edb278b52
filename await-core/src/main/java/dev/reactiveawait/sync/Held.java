package dev.reactiveawait.sync;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A lock or permit held by the current task, released by {@link #close()}: the
 * try-with-resources form of asyncio's {@code async with lock:}.
 * {@snippet :
 * try (Held held = lock.hold()) { // acquires, waiting if needed
 *     balance += amount;
 * }                               // releases, also on an exception
 * }
 * A body that does not use {@code held} makes javac's {@code -Xlint:try} warn; where that matters,
 * {@link Lock#withLock(dev.reactiveawait.Coroutine)} says the same thing without a variable.
 *
 * <dl>
 * <dt><b>Thread:</b></dt>
 * <dd>Close it on the loop that acquired it, normally in the task that did.</dd>
 * <dt><b>Cancellation:</b></dt>
 * <dd>Closing never waits, so a cancellation cannot interrupt it.</dd>
 * </dl>
 *
 * @since 0.1
 */
public final class Held implements AutoCloseable {
    /** Loop-only: releases the lock or permit; {@code null} once closed. */
    private @Nullable Runnable release;

    Held(Runnable release) {
        this.release = Objects.requireNonNull(release, "release");
    }

    /**
     * Releases the lock or permit; a second call does nothing.
     *
     * @throws WrongThreadException if called from another loop, or from a foreign thread while the
     *     primitive's loop runs
     */
    @Override
    public void close() {
        Runnable r = release;
        if (r != null) {
            r.run();
            release = null; // after: a close() refused for the wrong thread can be retried
        }
    }

    @Override
    public String toString() {
        return release == null ? "Held[released]" : "Held[held]";
    }
}
