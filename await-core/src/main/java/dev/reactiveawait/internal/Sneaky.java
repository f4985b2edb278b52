package dev.reactiveawait.internal;

/**
 * Rethrows any throwable unchanged, checked or not, as {@code await} promises its callers: the
 * core's and both bridges' one copy.
 *
 * <p>Not API: exported to the bridges only.
 */
public final class Sneaky {
    private Sneaky() {}

    /**
     * Throws {@code t}; declared to return so that callers can write {@code throw Sneaky.raise(t)}.
     *
     * @param t the throwable, thrown as it is
     * @return never returns
     */
    public static RuntimeException raise(Throwable t) {
        throw Sneaky.<RuntimeException>raise0(t);
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E raise0(Throwable t) throws E {
        throw (E) t;
    }
}
