package dev.reactiveawait.rxjava3;

import java.util.concurrent.atomic.AtomicLongFieldUpdater;

/**
 * The bridge's one helper for Reactive Streams demand, as RxJava's {@code BackpressureHelper} and
 * Reactor's {@code Operators} are theirs (RxJava's is internal, not exported by its module): adding
 * requests capped at {@link Long#MAX_VALUE} (RS 3.17) and taking one emitted item off.
 */
final class Demand {
    private Demand() {}

    /**
     * Adds {@code n > 0} to the demand, capped at {@link Long#MAX_VALUE} (RS 3.17: unbounded from
     * then on).
     *
     * @return the demand before the addition
     */
    static <T> long addCap(AtomicLongFieldUpdater<T> requested, T instance, long n) {
        for (;;) {
            long r = requested.get(instance);
            if (r == Long.MAX_VALUE) {
                return r;
            }
            long u = r + n;
            if (u < 0) {
                u = Long.MAX_VALUE;
            }
            if (requested.compareAndSet(instance, r, u)) {
                return r;
            }
        }
    }

    /** Takes one delivered item off the demand, unless it is unbounded. */
    static <T> void produced(AtomicLongFieldUpdater<T> requested, T instance) {
        for (;;) {
            long r = requested.get(instance);
            if (r == Long.MAX_VALUE) {
                return;
            }
            if (requested.compareAndSet(instance, r, r - 1)) {
                return;
            }
        }
    }

    /** The error of rule 3.9, which a non-positive request must signal. */
    static IllegalArgumentException badRequest(long n) {
        return new IllegalArgumentException("request(" + n + "): Reactive Streams rule 3.9 requires a positive "
                + "number of items; request at least 1 (Long.MAX_VALUE for unbounded)");
    }
}
