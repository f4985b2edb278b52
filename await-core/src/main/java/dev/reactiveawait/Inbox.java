package dev.reactiveawait;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * The only part of a loop other threads touch: a multi-producer queue of callbacks and the wakeup
 * of the strand that waits for them while the loop is idle.
 *
 * <p>No wakeup is lost (Dekker handshake): the waiter publishes itself in {@code sleeper} and then
 * re-checks the queue; a producer enqueues and then reads {@code sleeper}. Both are sequentially
 * consistent accesses, so at least one of them sees the other.
 */
final class Inbox {
    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
    /** Written by the idle loop strand (itself or null); read by producers on any thread. */
    private volatile @Nullable Thread sleeper;

    /** Any thread: enqueues and wakes the idle loop, if it waits. */
    void post(Runnable callback) {
        queue.add(callback);
        Thread s = sleeper;
        if (s != null) {
            LockSupport.unpark(s);
        }
    }

    /** Loop only. */
    @Nullable Runnable poll() {
        return queue.poll();
    }

    /** Loop only. */
    boolean isEmpty() {
        return queue.isEmpty();
    }

    /**
     * Loop only: waits until something is posted, or {@code nanos} of real time pass
     * ({@code Long.MAX_VALUE}: no limit). May return early; callers re-check.
     *
     * @return whether the thread was interrupted; the flag is cleared so that the next wait does
     *     not spin, and the caller restores it when the strand leaves the loop's machinery
     */
    boolean awaitPost(long nanos) {
        Thread me = Thread.currentThread();
        sleeper = me;
        boolean interrupted = false;
        try {
            if (queue.isEmpty()) {
                if (nanos == Long.MAX_VALUE) {
                    LockSupport.park(this);
                } else if (nanos > 0) {
                    SystemClock.parkNanos(this, nanos);
                }
                interrupted = Thread.interrupted();
            }
        } finally {
            sleeper = null;
        }
        return interrupted;
    }
}
