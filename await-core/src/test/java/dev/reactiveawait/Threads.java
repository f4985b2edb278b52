package dev.reactiveawait;

import java.util.concurrent.locks.LockSupport;

/** Plain threads for cross-thread tests. */
final class Threads {
    private Threads() {}

    /** Starts a daemon platform thread named {@code name} (a hung test cannot keep the JVM alive). */
    static Thread start(String name, Runnable body) {
        return Thread.ofPlatform().daemon().name(name).start(body);
    }

    /**
     * Returns once {@code thread} is parked in an untimed wait ({@link Thread.State#WAITING}): the
     * way to know that a thread really blocked before waking it. Polls; asserts no timing.
     */
    static void awaitWaiting(Thread thread) {
        while (thread.getState() != Thread.State.WAITING) {
            if (!thread.isAlive()) {
                throw new AssertionError(thread + " ended instead of blocking");
            }
            LockSupport.parkNanos(100_000);
        }
    }
}
