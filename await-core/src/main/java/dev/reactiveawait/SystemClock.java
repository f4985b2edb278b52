package dev.reactiveawait;

import java.util.concurrent.locks.LockSupport;

/** The monotonic system clock; the only place that reads {@link System#nanoTime()}. */
final class SystemClock implements LoopClock {
    private final long origin = System.nanoTime();

    @Override
    public long nanoTime() {
        return System.nanoTime() - origin;
    }

    /** Parks the calling thread for at most {@code nanos} of real time (spurious returns allowed). */
    static void parkNanos(Object blocker, long nanos) {
        LockSupport.parkNanos(blocker, nanos);
    }

    /** Wakes {@code thread} from {@link #parkNanos}. */
    static void unpark(Thread thread) {
        LockSupport.unpark(thread);
    }

    @Override
    public String toString() {
        return "SystemClock";
    }
}
