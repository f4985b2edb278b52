package dev.reactiveawait.sync;

import dev.reactiveawait.CancelledException;
import dev.reactiveawait.Coroutine;
import dev.reactiveawait.EventLoop;
import dev.reactiveawait.Promise;
import dev.reactiveawait.VoidCoroutine;
import java.util.ArrayDeque;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A mutual-exclusion lock for tasks (asyncio's {@code Lock}): fair, FIFO, without barging. A task
 * that finds the lock taken waits; {@link #release()} wakes the longest waiting task, and the lock
 * stays reserved for it: a task that calls {@link #acquire()} in between queues behind it.
 *
 * <p>Not reentrant, and not owned: any task may release it (as in asyncio). Between two
 * {@code await}s a task needs no lock at all; use one to keep a section that awaits exclusive.
 * {@snippet :
 * Lock lock = new Lock();
 * // in each of several tasks:
 * lock.withLock(() -> {
 *     int balance = await(readBalance());
 *     await(writeBalance(balance + 10)); // no other task interleaves here
 * });
 * }
 *
 * <dl>
 * <dt><b>Thread:</b></dt>
 * <dd>Bound to the first loop that uses it; {@link #acquire()} needs a task of that loop, the other
 *     methods may also run in its callbacks. Any other thread or loop gets
 *     {@link WrongThreadException} (see the {@linkplain dev.reactiveawait.sync package}).</dd>
 * <dt><b>Cancellation:</b></dt>
 * <dd>A task cancelled while it waits in {@link #acquire()} gets {@link CancelledException} and
 *     never holds the lock; if {@code release()} had already picked it, it passes the lock on to the
 *     next waiter.</dd>
 * </dl>
 *
 * @since 0.1
 */
public final class Lock {
    private final LoopBound bound = new LoopBound();
    /** Loop-only, like the fields below: one promise per waiting task, oldest first; created lazily. */
    private @Nullable ArrayDeque<Promise<Boolean>> waiters;
    private boolean locked;

    /** Creates an unlocked lock, bound to no loop yet. */
    public Lock() {}

    /**
     * Whether some task holds the lock.
     *
     * @return {@code true} if locked
     * @throws WrongThreadException if called from another loop, or from a foreign thread while the
     *     lock's loop runs
     */
    public boolean locked() {
        bound.check(this, "locked");
        return locked;
    }

    /**
     * Takes the lock, waiting (suspending the task) while another task holds it or earlier tasks
     * wait for it. Returns without suspending when the lock is free and nobody waits.
     * {@snippet :
     * lock.acquire();
     * try {
     *     await(save(state));
     * } finally {
     *     lock.release();
     * }
     * }
     *
     * @throws CancelledException if the task is cancelled while it waits; it does not hold the lock
     * @throws IllegalStateException if called outside a task (in a callback)
     * @throws WrongThreadException if called from another loop or from a thread that runs no loop
     */
    public void acquire() {
        EventLoop loop = bound.checkTask(this, "acquire");
        ArrayDeque<Promise<Boolean>> w = waiters;
        if (!locked && (w == null || Waiters.allCancelled(w))) {
            locked = true;
            return;
        }
        if (w == null) {
            w = new ArrayDeque<>();
            waiters = w;
        }
        try {
            Waiters.await(w, Promise.create(loop)); // leaves w before the catch: wakeUpFirst() cannot pick it
        } catch (Throwable e) { // CancelledException, in practice
            if (!locked) {
                wakeUpFirst(); // release() chose us, but we leave: the next waiter gets the lock
            }
            throw e;
        }
        locked = true;
    }

    /**
     * Releases the lock and wakes the first waiting task, which will hold it next.
     *
     * @throws IllegalStateException if the lock is not held
     * @throws WrongThreadException if called from another loop, or from a foreign thread while the
     *     lock's loop runs
     */
    public void release() {
        bound.check(this, "release");
        if (!locked) {
            throw new IllegalStateException("Lock is not acquired. (release() must follow a successful acquire(), "
                    + "once per acquire)");
        }
        locked = false;
        wakeUpFirst();
    }

    /**
     * Takes the lock like {@link #acquire()} and returns a {@link Held} that releases it: for
     * try-with-resources.
     * {@snippet :
     * try (Held held = lock.hold()) {
     *     await(save(state));
     * }
     * }
     *
     * @return the hold; closing it releases the lock (once)
     * @throws CancelledException if the task is cancelled while it waits; it does not hold the lock
     * @throws IllegalStateException if called outside a task
     * @throws WrongThreadException if called from another loop or from a thread that runs no loop
     */
    public Held hold() {
        acquire();
        return new Held(this::release);
    }

    /**
     * Runs {@code body} holding the lock, and releases it however the body ends (asyncio's
     * {@code async with lock:}).
     * {@snippet :
     * int n = lock.withLock(() -> await(counter.increment()));
     * }
     *
     * @param body the critical section, run in the calling task
     * @param <T> the body's result type
     * @return what {@code body} returned
     * @throws Exception what {@code body} threw, unchanged
     * @throws CancelledException if the task is cancelled while it waits for the lock (the body
     *     does not run) or inside the body
     * @throws IllegalStateException if called outside a task
     * @throws WrongThreadException if called from another loop or from a thread that runs no loop
     */
    public <T extends @Nullable Object> T withLock(Coroutine<T> body) throws Exception {
        Objects.requireNonNull(body, "body");
        acquire();
        try {
            return body.call();
        } finally {
            release();
        }
    }

    /**
     * Runs {@code body} holding the lock, and releases it however the body ends.
     * {@snippet :
     * lock.withLock(() -> { await(save(state)); });
     * }
     *
     * @param body the critical section, run in the calling task
     * @throws Exception what {@code body} threw, unchanged
     * @throws CancelledException if the task is cancelled while it waits or inside the body
     * @throws IllegalStateException if called outside a task
     * @throws WrongThreadException if called from another loop or from a thread that runs no loop
     */
    public void withLock(VoidCoroutine body) throws Exception {
        Objects.requireNonNull(body, "body");
        acquire();
        try {
            body.run();
        } finally {
            release();
        }
    }

    /** Wakes the first waiter unless it was already woken (or cancelled): it will take the lock or pass it on. */
    private void wakeUpFirst() {
        ArrayDeque<Promise<Boolean>> w = waiters;
        Promise<Boolean> first = w == null ? null : w.peekFirst();
        if (first != null && !first.isDone()) {
            first.trySucceed(Boolean.TRUE);
        }
    }

    /** Loop-only: the number of waiting tasks, for tests. */
    int waiterCount() {
        return Waiters.count(waiters);
    }

    @Override
    public String toString() {
        int n = waiterCount();
        return "Lock[" + (locked ? "locked" : "unlocked") + (n > 0 ? ", waiters=" + n : "") + "]";
    }
}
