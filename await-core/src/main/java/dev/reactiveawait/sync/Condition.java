package dev.reactiveawait.sync;

import dev.reactiveawait.CancelledException;
import dev.reactiveawait.Coroutine;
import dev.reactiveawait.EventLoop;
import dev.reactiveawait.Promise;
import dev.reactiveawait.VoidCoroutine;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * A condition variable for tasks (asyncio's {@code Condition}): tasks holding its lock wait until
 * another task signals them, then hold the lock again.
 *
 * <p>Names: {@code Object.wait()}, {@code notify()} and {@code notifyAll()} are final in Java, so
 * asyncio's methods take the names of {@link java.util.concurrent.locks.Condition}:
 * <table class="striped">
 * <caption>asyncio names and ours</caption>
 * <thead><tr><th>asyncio</th><th>here</th></tr></thead>
 * <tbody>
 * <tr><td>{@code wait()}</td><td>{@link #await()}</td></tr>
 * <tr><td>{@code wait_for(predicate)}</td><td>{@link #waitFor(BooleanSupplier)}</td></tr>
 * <tr><td>{@code notify(n=1)}</td><td>{@link #signal()}, {@link #signal(int)}</td></tr>
 * <tr><td>{@code notify_all()}</td><td>{@link #signalAll()}</td></tr>
 * <tr><td>{@code acquire()}, {@code release()}, {@code locked()}, {@code async with}</td>
 *     <td>the same, and {@link #hold()}, {@link #withLock(Coroutine)}</td></tr>
 * </tbody>
 * </table>
 * {@snippet :
 * Condition nonEmpty = new Condition();
 * // consumer task
 * nonEmpty.withLock(() -> {
 *     nonEmpty.waitFor(() -> !items.isEmpty());
 *     return items.removeFirst();
 * });
 * // producer task
 * nonEmpty.withLock(() -> { items.add(x); nonEmpty.signal(); });
 * }
 *
 * <dl>
 * <dt><b>Thread:</b></dt>
 * <dd>Bound to the first loop that uses it; waiting needs a task of that loop.</dd>
 * <dt><b>Cancellation:</b></dt>
 * <dd>A task cancelled in {@link #await()} first takes the lock back (waiting for it if needed,
 *     however often it is cancelled meanwhile), then throws {@link CancelledException}: code after
 *     {@code await()} always runs with the lock held. A cancelled waiter is never signalled; the
 *     signal goes to the next one.</dd>
 * </dl>
 *
 * @since 0.1
 */
public final class Condition {
    private final LoopBound bound = new LoopBound();
    private final Lock lock;
    /** Loop-only: one promise per waiting task, oldest first. */
    private final ArrayDeque<Promise<Boolean>> waiters = new ArrayDeque<>();

    /** Creates a condition with a new lock of its own. */
    public Condition() {
        this(new Lock());
    }

    /**
     * Creates a condition over {@code lock}, which other conditions may share.
     *
     * @param lock the underlying lock
     */
    public Condition(Lock lock) {
        this.lock = Objects.requireNonNull(lock, "lock");
    }

    /**
     * Whether the underlying lock is held.
     *
     * @return {@code true} if locked
     * @throws WrongThreadException if called from another loop, or from a foreign thread while the
     *     loop runs
     */
    public boolean locked() {
        return lock.locked();
    }

    /**
     * Takes the underlying lock; see {@link Lock#acquire()}.
     *
     * @throws CancelledException if the task is cancelled while it waits
     * @throws IllegalStateException if called outside a task
     * @throws WrongThreadException if called from another loop or from a thread that runs no loop
     */
    public void acquire() {
        lock.acquire();
    }

    /**
     * Releases the underlying lock; see {@link Lock#release()}.
     *
     * @throws IllegalStateException if the lock is not held
     * @throws WrongThreadException if called from another loop, or from a foreign thread while the
     *     loop runs
     */
    public void release() {
        lock.release();
    }

    /**
     * Takes the underlying lock and returns a {@link Held} that releases it.
     *
     * @return the hold
     * @throws CancelledException if the task is cancelled while it waits
     * @throws IllegalStateException if called outside a task
     * @throws WrongThreadException if called from another loop or from a thread that runs no loop
     */
    public Held hold() {
        return lock.hold();
    }

    /**
     * Runs {@code body} holding the underlying lock (asyncio's {@code async with condition:}).
     *
     * @param body the critical section
     * @param <T> the result type
     * @return what {@code body} returned
     * @throws Exception what {@code body} threw, unchanged
     * @throws CancelledException if the task is cancelled while it waits or inside the body
     * @throws IllegalStateException if called outside a task
     * @throws WrongThreadException if called from another loop or from a thread that runs no loop
     */
    public <T extends @Nullable Object> T withLock(Coroutine<T> body) throws Exception {
        return lock.withLock(body);
    }

    /**
     * Runs {@code body} holding the underlying lock.
     *
     * @param body the critical section
     * @throws Exception what {@code body} threw, unchanged
     * @throws CancelledException if the task is cancelled while it waits or inside the body
     * @throws IllegalStateException if called outside a task
     * @throws WrongThreadException if called from another loop or from a thread that runs no loop
     */
    public void withLock(VoidCoroutine body) throws Exception {
        lock.withLock(body);
    }

    /**
     * Releases the lock, waits until signalled, then takes the lock again before returning
     * (asyncio's {@code wait()}). The task must hold the lock.
     * {@snippet :
     * condition.acquire();
     * try {
     *     while (!done) {
     *         condition.await();
     *     }
     * } finally {
     *     condition.release();
     * }
     * }
     *
     * @throws CancelledException if the task is cancelled while it waits; it holds the lock again
     *     all the same
     * @throws IllegalStateException if the lock is not held, or if called outside a task
     * @throws WrongThreadException if called from another loop or from a thread that runs no loop
     */
    public void await() {
        EventLoop loop = bound.checkTask(this, "await");
        if (!lock.locked()) {
            throw new IllegalStateException("cannot wait on un-acquired lock (acquire() the condition's lock "
                    + "before await())");
        }
        lock.release();
        try {
            Waiters.await(waiters, Promise.create(loop));
        } finally {
            reacquire();
        }
    }

    /** Takes the lock back even if cancelled meanwhile, then reports the (last) cancellation. */
    private void reacquire() {
        CancelledException cancelled = null;
        for (;;) {
            try {
                lock.acquire();
                break;
            } catch (CancelledException e) {
                cancelled = e;
            }
        }
        if (cancelled != null) {
            throw cancelled;
        }
    }

    /**
     * Waits until {@code predicate} is true: checks it, and {@linkplain #await() awaits} a signal
     * before each new check (asyncio's {@code wait_for}). The task must hold the lock; the predicate
     * runs with the lock held.
     * {@snippet :
     * condition.waitFor(() -> queue.size() >= batchSize);
     * }
     *
     * @param predicate the condition to wait for
     * @throws CancelledException if the task is cancelled while it waits; it holds the lock again
     * @throws IllegalStateException if the predicate is false and the lock is not held, or if
     *     called outside a task
     * @throws WrongThreadException if called from another loop or from a thread that runs no loop
     */
    public void waitFor(BooleanSupplier predicate) {
        Objects.requireNonNull(predicate, "predicate");
        bound.checkTask(this, "waitFor");
        boolean result = predicate.getAsBoolean();
        while (!result) {
            await();
            result = predicate.getAsBoolean();
        }
    }

    /**
     * Wakes the first waiting task (asyncio's {@code notify()}). It resumes once it gets the lock,
     * so the caller should release it. The task must hold the lock.
     *
     * @throws IllegalStateException if the lock is not held
     * @throws WrongThreadException if called from another loop, or from a foreign thread while the
     *     loop runs
     */
    public void signal() {
        signal(1);
    }

    /**
     * Wakes the first {@code n} waiting tasks, skipping those already woken or cancelled
     * (asyncio's {@code notify(n)}). The task must hold the lock.
     * {@snippet :
     * condition.withLock(() -> { stock += 2; condition.signal(2); });
     * }
     *
     * @param n how many to wake; 0 wakes none
     * @throws IllegalArgumentException if {@code n} is negative
     * @throws IllegalStateException if the lock is not held
     * @throws WrongThreadException if called from another loop, or from a foreign thread while the
     *     loop runs
     */
    public void signal(int n) {
        bound.check(this, "signal");
        if (n < 0) {
            throw new IllegalArgumentException("signal(" + n + "): the number of tasks to wake must be >= 0");
        }
        if (!lock.locked()) {
            throw new IllegalStateException("cannot notify on un-acquired lock (acquire() the condition's lock "
                    + "before signal())");
        }
        int woken = 0;
        for (Promise<Boolean> fut : waiters) {
            if (woken >= n) {
                break;
            }
            if (!fut.isDone()) {
                woken++;
                fut.trySucceed(Boolean.FALSE);
            }
        }
    }

    /**
     * Wakes every waiting task (asyncio's {@code notify_all()}); they take the lock in turn. The
     * task must hold the lock.
     *
     * @throws IllegalStateException if the lock is not held
     * @throws WrongThreadException if called from another loop, or from a foreign thread while the
     *     loop runs
     */
    public void signalAll() {
        signal(waiters.size());
    }

    /** Loop-only: the number of waiting tasks, for tests. */
    int waiterCount() {
        return waiters.size();
    }

    @Override
    public String toString() {
        int n = waiters.size();
        return "Condition[" + lock + (n > 0 ? ", waiters=" + n : "") + "]";
    }
}
