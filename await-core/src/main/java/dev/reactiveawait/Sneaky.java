package dev.reactiveawait;

/**
 * The core package's name for {@link dev.reactiveawait.internal.Sneaky}, which the bridges share
 * (kept while {@code Async} imports it by this name).
 */
final class Sneaky {
    private Sneaky() {}

    /**
     * Throws {@code t}; declared to return so that callers can write {@code throw Sneaky.raise(t)}.
     */
    static RuntimeException raise(Throwable t) {
        return dev.reactiveawait.internal.Sneaky.raise(t);
    }
}
