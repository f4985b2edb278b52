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
 * A counting semaphore for tasks (asyncio's {@code Semaphore}): at most {@code value} tasks hold a
 * permit at once; the others wait, and get permits in the order they asked (FIFO, no barging).
 * {@link #release()} may raise the count above its initial value; {@link BoundedSemaphore} refuses
 * that.
 * {@snippet :
 * Semaphore connections = new Semaphore(10);
 * // in each of many tasks:
 * connections.withPermit(() -> await(fetch(url))); // at most 10 fetches at once
 * }
 *
 * <dl>
 * <dt><b>Thread:</b></dt>
 * <dd>Bound to the first loop that uses it; {@link #acquire()} needs a task of that loop, the other
 *     methods may also run in its callbacks.</dd>
 * <dt><b>Cancellation:</b></dt>
 * <dd>A task cancelled while it waits gets {@link CancelledException} and takes no permit; if a
 *     release had already picked it, the permit goes to the next waiter. No permit is ever lost.</dd>
 * </dl>
 *
 * @since 0.1
 */
public sealed class Semaphore permits BoundedSemaphore {
    final LoopBound bound = new LoopBound();
    /** Loop-only, like {@link #value}: one promise per waiting task, oldest first; created lazily. */
    private @Nullable ArrayDeque<Promise<Boolean>> waiters;
    /** Permits free now; a release that picks a waiter takes the permit out for it at once. */
    int value;

    /** Creates a semaphore with one permit. */
    public Semaphore() {
        this(1);
    }

    /**
     * Creates a semaphore with {@code value} permits.
     *
     * @param value the initial number of permits
     * @throws IllegalArgumentException if {@code value} is negative
     */
    public Semaphore(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("Semaphore initial value must be >= 0 (got " + value + ")");
        }
        this.value = value;
    }

    /**
     * Whether {@link #acquire()} would wait now: no permit is free, or tasks wait already.
     *
     * @return {@code true} if an acquire cannot succeed at once
     * @throws WrongThreadException if called from another loop, or from a foreign thread while the
     *     loop runs
     */
    public final boolean locked() {
        bound.check(this, "locked");
        return lockedNow();
    }

    private boolean lockedNow() {
        if (value == 0) {
            return true;
        }
        ArrayDeque<Promise<Boolean>> w = waiters;
        return w != null && !Waiters.allCancelled(w);
    }

    /**
     * Takes a permit, waiting (suspending the task) while none is free or earlier tasks wait.
     * {@snippet :
     * semaphore.acquire();
     * try {
     *     await(work());
     * } finally {
     *     semaphore.release();
     * }
     * }
     *
     * @throws CancelledException if the task is cancelled while it waits; it takes no permit
     * @throws IllegalStateException if called outside a task (in a callback)
     * @throws WrongThreadException if called from another loop or from a thread that runs no loop
     */
    public final void acquire() {
        EventLoop loop = bound.checkTask(this, "acquire");
        if (!lockedNow()) {
            value--;
            return;
        }
        ArrayDeque<Promise<Boolean>> w = waiters;
        if (w == null) {
            w = new ArrayDeque<>();
            waiters = w;
        }
        Promise<Boolean> fut = Promise.create(loop);
        try {
            Waiters.await(w, fut);
        } catch (Throwable e) { // CancelledException, in practice
            if (!fut.isCancelled()) {
                // a release picked us and took our permit out; we leave, so it goes to the next waiter
                value++;
                wakeUpNext();
            }
            throw e;
        }
        if (value > 0) {
            wakeUpNext();
        }
    }

    /**
     * Gives a permit back and wakes the first waiting task, which gets it.
     *
     * @throws IllegalStateException (only a {@link BoundedSemaphore}) if it would exceed the initial
     *     value
     * @throws WrongThreadException if called from another loop, or from a foreign thread while the
     *     loop runs
     */
    public void release() {
        bound.check(this, "release");
        value++;
        wakeUpNext();
    }

    /**
     * Takes a permit like {@link #acquire()} and returns a {@link Held} that gives it back.
     * {@snippet :
     * try (Held permit = semaphore.hold()) {
     *     await(work());
     * }
     * }
     *
     * @return the hold; closing it releases the permit (once)
     * @throws CancelledException if the task is cancelled while it waits
     * @throws IllegalStateException if called outside a task
     * @throws WrongThreadException if called from another loop or from a thread that runs no loop
     */
    public final Held hold() {
        acquire();
        return new Held(this::release);
    }

    /**
     * Runs {@code body} holding a permit (asyncio's {@code async with semaphore:}).
     *
     * @param body the work to limit
     * @param <T> the result type
     * @return what {@code body} returned
     * @throws Exception what {@code body} threw, unchanged
     * @throws CancelledException if the task is cancelled while it waits or inside the body
     * @throws IllegalStateException if called outside a task
     * @throws WrongThreadException if called from another loop or from a thread that runs no loop
     */
    public final <T extends @Nullable Object> T withPermit(Coroutine<T> body) throws Exception {
        Objects.requireNonNull(body, "body");
        acquire();
        try {
            return body.call();
        } finally {
            release();
        }
    }

    /**
     * Runs {@code body} holding a permit.
     *
     * @param body the work to limit
     * @throws Exception what {@code body} threw, unchanged
     * @throws CancelledException if the task is cancelled while it waits or inside the body
     * @throws IllegalStateException if called outside a task
     * @throws WrongThreadException if called from another loop or from a thread that runs no loop
     */
    public final void withPermit(VoidCoroutine body) throws Exception {
        Objects.requireNonNull(body, "body");
        acquire();
        try {
            body.run();
        } finally {
            release();
        }
    }

    /** Gives a free permit to the first waiter not yet woken (or cancelled), taking it out of {@link #value}. */
    private void wakeUpNext() {
        ArrayDeque<Promise<Boolean>> w = waiters;
        if (w == null) {
            return;
        }
        for (Promise<Boolean> fut : w) {
            if (!fut.isDone()) {
                value--;
                fut.trySucceed(Boolean.TRUE);
                return;
            }
        }
    }

    /** Loop-only: the permits free now, for tests (asyncio's {@code _value}). */
    final int value() {
        return value;
    }

    /** Loop-only: the number of waiting tasks, for tests. */
    final int waiterCount() {
        return Waiters.count(waiters);
    }

    @Override
    public String toString() {
        int n = waiterCount();
        return getClass().getSimpleName() + "[" + (lockedNow() ? "locked" : "unlocked, value=" + value)
                + (n > 0 ? ", waiters=" + n : "") + "]";
    }
}
