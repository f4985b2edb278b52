package dev.reactiveawait.sync;

import dev.reactiveawait.CancelledException;
import java.util.concurrent.BrokenBarrierException;

/**
 * Makes a fixed number of tasks wait for each other (asyncio's {@code Barrier}): each task that
 * calls {@link #await()} waits until {@link #parties()} tasks have called it, then all of them go
 * on. The barrier then fills again for the next round; tasks that arrive while the previous round
 * is still leaving wait for it to drain first.
 *
 * <p>asyncio's {@code wait()} is {@code await()} here ({@code Object.wait()} is final in Java);
 * {@code BrokenBarrierError} is the JDK's {@link BrokenBarrierException}, as thrown by
 * {@link java.util.concurrent.CyclicBarrier}. Built, as in asyncio, on a {@link Condition}, so
 * the order in which parties resume is asyncio's: the last arrival first, then the others in
 * arrival order.
 * {@snippet :
 * Barrier start = new Barrier(3);
 * for (int i = 0; i < 3; i++) {
 *     createTask(() -> { prepare(); start.await(); run(); }); // all run() together
 * }
 * }
 *
 * <dl>
 * <dt><b>Thread:</b></dt>
 * <dd>Bound to the first loop that uses it; {@link #await()}, {@link #reset()} and
 *     {@link #abort()} take its internal lock, so they need a task of that loop.</dd>
 * <dt><b>Cancellation:</b></dt>
 * <dd>A task cancelled while it waits leaves the barrier (one party fewer is waiting) and gets
 *     {@link CancelledException}; the barrier is not broken.</dd>
 * </dl>
 *
 * @since 0.1
 */
public final class Barrier {
    /** asyncio's {@code _BarrierState}. */
    private enum State { FILLING, DRAINING, RESETTING, BROKEN }

    private final LoopBound bound = new LoopBound();
    /** Wakes every waiting task when the state changes. */
    private final Condition cond = new Condition();
    private final int parties;
    /** Loop-only, like {@link #count}. */
    private State state = State.FILLING;
    /** The tasks inside {@link #await()}: filling, or still leaving (draining). */
    private int count;

    /**
     * Creates a barrier for {@code parties} tasks.
     *
     * @param parties how many tasks each round waits for
     * @throws IllegalArgumentException if {@code parties} is less than 1
     */
    public Barrier(int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be > 0 (got " + parties + ")");
        }
        this.parties = parties;
    }

    /**
     * Waits until {@link #parties()} tasks are waiting, then returns with all of them (asyncio's
     * {@code wait()}).
     * {@snippet :
     * int index = barrier.await();
     * if (index == 0) {
     *     System.out.println("first to arrive");
     * }
     * }
     *
     * @return this task's index in the round, from 0 (first to arrive) to {@code parties - 1} (the
     *     one that let everybody through)
     * @throws BrokenBarrierException if the barrier is broken ({@link #abort()}), or is aborted or
     *     {@linkplain #reset() reset} while the task waits
     * @throws CancelledException if the task is cancelled while it waits
     * @throws IllegalStateException if called outside a task
     * @throws WrongThreadException if called from another loop or from a thread that runs no loop
     */
    public int await() throws BrokenBarrierException {
        bound.checkTask(this, "await");
        cond.acquire();
        try {
            block();
            try {
                int index = count;
                count++;
                if (index + 1 == parties) {
                    releaseParties();
                } else {
                    waitReleased();
                }
                return index;
            } finally {
                count--;
                exit();
            }
        } finally {
            cond.release();
        }
    }

    /** Waits while the previous round drains or a reset completes; fails if broken. */
    private void block() throws BrokenBarrierException {
        cond.waitFor(() -> state != State.DRAINING && state != State.RESETTING);
        if (state == State.BROKEN) {
            throw new BrokenBarrierException("Barrier aborted");
        }
    }

    /** The last party arrived: everybody may leave. */
    private void releaseParties() {
        state = State.DRAINING;
        cond.signalAll();
    }

    /** Waits for the last party; fails if the barrier is aborted or reset meanwhile. */
    private void waitReleased() throws BrokenBarrierException {
        cond.waitFor(() -> state != State.FILLING);
        if (state == State.BROKEN || state == State.RESETTING) {
            throw new BrokenBarrierException("Abort or reset of barrier");
        }
    }

    /** The last task out of a draining (or resetting) round opens the barrier for the next one. */
    private void exit() {
        if (count == 0) {
            if (state == State.RESETTING || state == State.DRAINING) {
                state = State.FILLING;
            }
            cond.signalAll();
        }
    }

    /**
     * Returns the barrier to its initial, empty state. Tasks waiting at this moment get
     * {@link BrokenBarrierException}; the barrier fills again once they have left.
     *
     * @throws CancelledException if the task is cancelled while it waits for the internal lock
     * @throws IllegalStateException if called outside a task
     * @throws WrongThreadException if called from another loop or from a thread that runs no loop
     */
    public void reset() {
        bound.checkTask(this, "reset");
        cond.acquire();
        try {
            if (count > 0) {
                state = State.RESETTING; // the waiting tasks break; the last one out refills
            } else {
                state = State.FILLING;
            }
            cond.signalAll();
        } finally {
            cond.release();
        }
    }

    /**
     * Breaks the barrier: tasks waiting now, and every later {@link #await()}, get
     * {@link BrokenBarrierException} until {@link #reset()}. Use it when a party fails and the
     * others must not wait for it forever.
     *
     * @throws CancelledException if the task is cancelled while it waits for the internal lock
     * @throws IllegalStateException if called outside a task
     * @throws WrongThreadException if called from another loop or from a thread that runs no loop
     */
    public void abort() {
        bound.checkTask(this, "abort");
        cond.acquire();
        try {
            state = State.BROKEN;
            cond.signalAll();
        } finally {
            cond.release();
        }
    }

    /**
     * The number of tasks each round waits for.
     *
     * @return the parties
     */
    public int parties() {
        return parties;
    }

    /**
     * How many tasks wait in the current round (asyncio's {@code n_waiting}); 0 while a round
     * drains, resets or is broken.
     *
     * @return the waiting tasks
     * @throws WrongThreadException if called from another loop, or from a foreign thread while the
     *     loop runs
     */
    public int nWaiting() {
        bound.check(this, "nWaiting");
        return state == State.FILLING ? count : 0;
    }

    /**
     * Whether the barrier is broken ({@link #abort()} was called, and no {@link #reset()} since).
     *
     * @return {@code true} if broken
     * @throws WrongThreadException if called from another loop, or from a foreign thread while the
     *     loop runs
     */
    public boolean isBroken() {
        bound.check(this, "isBroken");
        return state == State.BROKEN;
    }

    @Override
    public String toString() {
        String s = "Barrier[" + state.name().toLowerCase(java.util.Locale.ROOT);
        return state == State.BROKEN ? s + "]" : s + ", waiting=" + (state == State.FILLING ? count : 0) + "/" + parties + "]";
    }
}
