package dev.reactiveawait.rxjava3;

/** Rethrows a source's error unchanged, checked or not, as {@code await} promises its callers. */
final class Sneaky {
    private Sneaky() {}

    /** Throws {@code t}; declared to return so that callers can write {@code throw Sneaky.raise(t)}. */
    static RuntimeException raise(Throwable t) {
        throw Sneaky.<RuntimeException>raise0(t);
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E raise0(Throwable t) throws E {
        throw (E) t;
    }
}
