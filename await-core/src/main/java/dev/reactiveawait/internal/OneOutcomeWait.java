package dev.reactiveawait.internal;

import dev.reactiveawait.Async;
import dev.reactiveawait.CancelledException;
import dev.reactiveawait.Promise;
import dev.reactiveawait.Task;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * The wait of one awaiting task or thread for one outcome that a source signals on any thread, as
 * the bridges' {@code await*} subscribers do: the signalling side writes the outcome, then calls
 * {@link #signalOutcome()}; the awaiting side calls {@link #awaitOutcome}, then reads the outcome.
 *
 * <p>The handoff, field {@link #waiter}:
 * <pre>
 *   null ──awaiting side, CAS──▶ Promise (a task suspends) | Thread (a plain thread blocks)
 *   null | Promise | Thread ──signalling side at the outcome, getAndSet──▶ DONE
 *   Thread ──the blocked thread, interrupted, CAS──▶ ABANDONED
 * </pre>
 * An outcome signalled before the awaiting side looks leaves {@code DONE} behind: the awaiting side
 * returns without a promise and without suspending. An outcome that nobody will read (the task was
 * cancelled, the thread interrupted, first) goes to {@link #orphan()}.
 *
 * <p>The subscriber extends this class, so the wait costs no object of its own. Not API: exported
 * to the bridges only.
 */
public abstract class OneOutcomeWait {
    private static final Object DONE = new Object();
    private static final Object ABANDONED = new Object();
    private static final VarHandle WAITER;

    static {
        try {
            WAITER = MethodHandles.lookup().findVarHandle(OneOutcomeWait.class, "waiter", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The handoff (see the class comment). */
    private volatile @Nullable Object waiter;

    /** For the subscriber that extends it: its waiter field is this object's own. */
    protected OneOutcomeWait() {}

    /** Either side: leaves the source (cancels or disposes it), now or as soon as it arrives. */
    protected abstract void cancelUpstream();

    /** Signalling side, or the awaiting task once cancelled: releases an outcome nobody will read. */
    protected abstract void orphan();

    /**
     * The await, for the message of an interrupted plain thread.
     *
     * @return e.g. {@code await(MonoJust)}
     */
    protected abstract String describe();

    /**
     * Whether the outcome was signalled.
     *
     * @return whether {@link #signalOutcome()} ran
     */
    public final boolean outcomeArrived() {
        return waiter == DONE;
    }

    /**
     * The signalling side, once, after it wrote the outcome: wakes the awaiting task or thread, or
     * orphans the outcome if the awaiting side gave up first.
     */
    public final void signalOutcome() {
        Object w = WAITER.getAndSet(this, DONE);
        if (w instanceof Promise<?> wakeUp) {
            if (!wakeUp.trySucceed(null)) { // the task was cancelled first
                orphan();
            }
        } else if (w instanceof Thread blocked) {
            LockSupport.unpark(blocked);
        } else if (w == ABANDONED) {
            orphan();
        }
    }

    /**
     * The awaiting side, after {@code subscribe()} returned: returns once the outcome is signalled.
     * A task suspends on a promise (none is made if the outcome is there already); a plain thread
     * blocks. Giving up (the task cancelled, the thread interrupted) leaves the source with
     * {@link #cancelUpstream()}, unless the outcome came first.
     *
     * @param task the awaiting task, or {@code null} on a plain thread, which blocks
     * @throws CancelledException if the task was cancelled, or the plain thread interrupted (its
     *     interrupt flag stays set), before the outcome
     */
    public final void awaitOutcome(@Nullable Task<?> task) {
        if (waiter != DONE) {
            if (task != null) {
                suspend(task);
            } else {
                block();
            }
        }
    }

    /** Awaiting side (the promise's cancel hook, on the loop): the task stopped waiting. */
    private void cancelByAwaiter() {
        if (waiter != DONE) { // never cancel a source that ended (RS 3.7 would allow it; doOnCancel would see it)
            cancelUpstream();
        }
    }

    private void suspend(Task<?> task) {
        Promise<@Nullable Void> wakeUp = CoreAccess.foreignPromise(task.loop(), this::cancelByAwaiter);
        if (!WAITER.compareAndSet(this, null, wakeUp)) {
            wakeUp.trySucceed(null); // the outcome raced in: nothing to wait for, just end the promise
            return;
        }
        try {
            Async.await(wakeUp); // cancelling the task cancels wakeUp, whose hook cancels the source
        } catch (CancelledException c) {
            if (!wakeUp.isCancelled()) { // woken with the outcome, but the task was cancelled before it ran
                orphan();
            }
            throw c;
        }
    }

    private void block() {
        Thread me = Thread.currentThread();
        if (!WAITER.compareAndSet(this, null, me)) {
            return;
        }
        while (waiter != DONE) {
            LockSupport.park(this);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt(); // keep the flag for the caller in both cases
                if (WAITER.compareAndSet(this, me, ABANDONED)) {
                    cancelUpstream();
                    throw new CancelledException("interrupted while blocked in " + describe());
                }
                return; // the outcome won the race
            }
        }
    }
}
