package dev.reactiveawait.sync;

import dev.reactiveawait.Async;
import dev.reactiveawait.CancelledException;
import dev.reactiveawait.Promise;
import java.util.ArrayDeque;
import org.jspecify.annotations.Nullable;

/**
 * The waiting tasks of a primitive (asyncio's {@code _waiters}): a deque of promises, one per
 * waiting task, oldest first, which a release or a signal completes. What wakes whom stays with
 * each primitive ({@link Lock} wakes only the first waiter, {@link Semaphore} the first one not yet
 * woken, {@link Event} all of them); the wait itself is here. Loop-only, like the primitives.
 */
final class Waiters {
    private Waiters() {}

    /**
     * Suspends the calling task on {@code turn}, queued at the back of {@code waiters}, until a
     * release completes it. The promise leaves the deque however the wait ends, before this method
     * returns or throws, so that the caller's own clean-up never picks it again.
     *
     * @param waiters the primitive's waiters
     * @param turn a new promise of the primitive's loop
     * @throws CancelledException if the task is cancelled while it waits ({@code turn} is then
     *     cancelled too, unless a release had completed it first)
     */
    static void await(ArrayDeque<Promise<Boolean>> waiters, Promise<Boolean> turn) {
        waiters.add(turn);
        try {
            Async.await(turn);
        } finally {
            waiters.remove(turn);
        }
    }

    /** Whether every waiter was cancelled (none of them will take what is released). */
    static boolean allCancelled(ArrayDeque<Promise<Boolean>> waiters) {
        for (Promise<Boolean> w : waiters) {
            if (!w.isCancelled()) {
                return false;
            }
        }
        return true;
    }

    /** The number of waiting tasks, for tests and {@code toString()}; a deque not created yet holds none. */
    static int count(@Nullable ArrayDeque<Promise<Boolean>> waiters) {
        return waiters == null ? 0 : waiters.size();
    }
}
