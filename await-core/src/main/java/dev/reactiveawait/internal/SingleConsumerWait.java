package dev.reactiveawait.internal;

import dev.reactiveawait.Async;
import dev.reactiveawait.CancelledException;
import dev.reactiveawait.Promise;
import dev.reactiveawait.Task;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The wait of one consumer (a task, or a plain thread) for a producer that signals on any thread,
 * as the bridges' iterators do: the producer makes its signal visible (an item offered to a queue,
 * a done flag) and calls {@link #wake()}; the consumer calls {@link #await} with the condition it
 * waits for.
 *
 * <p>No lost wakeup, by a Dekker handshake: the consumer registers itself in {@link #waiter}, then
 * checks its condition; the producer publishes its signal, fences, then reads {@link #waiter}. One
 * of the two sees the other. The consumer registers anew for each look: a task with a fresh promise
 * each time; a blocked thread after every wakeup, because a producer may have read an earlier
 * registration of that same thread, then clear the current one and unpark it after its signal was
 * already consumed (the thread is the same object each time: an ABA that the producer's
 * compare-and-set cannot see). A thread that parked again without registering would never wake.
 *
 * <p>Not API: exported to the bridges only.
 */
public final class SingleConsumerWait {
    private static final VarHandle WAITER;

    static {
        try {
            WAITER = MethodHandles.lookup().findVarHandle(SingleConsumerWait.class, "waiter", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The waiting consumer's promise or thread: set by the consumer, taken by whoever wakes it. */
    private volatile @Nullable Object waiter;

    /** An idle wait: nobody waits yet. */
    public SingleConsumerWait() {}

    /** The producer, on any thread, once its signal is visible: wakes the consumer if it waits. */
    public void wake() {
        VarHandle.fullFence(); // the signal before our read of waiter: see the class comment
        Object w = waiter;
        if (w != null && WAITER.compareAndSet(this, w, null)) {
            resume(w);
        }
    }

    /** Anyone (an iteration closed under its consumer): wakes the waiting consumer now, to re-check. */
    public void wakeNow() {
        Object w = WAITER.getAndSet(this, null);
        if (w != null) {
            resume(w);
        }
    }

    /**
     * The consumer: waits until {@code ready} holds. A task suspends on a promise and returns after
     * one wakeup (the caller loops and re-checks); a plain thread blocks until {@code ready} holds.
     *
     * @param task the consuming task, or {@code null} for a plain thread, which blocks
     * @param ready the condition, checked after each registration
     * @param leave what to do if the consumer gives up: run on the loop when the task is cancelled
     *     while it waits, or on the thread when it is interrupted
     * @param where the wait, for messages ("iterate(FluxRange)")
     * @throws CancelledException if the task was cancelled, or the plain thread interrupted (its
     *     interrupt flag stays set), while it waited
     * @throws IllegalStateException if another consumer waits at the same time
     */
    public void await(@Nullable Task<?> task, BooleanSupplier ready, Runnable leave, Supplier<String> where) {
        if (task == null) {
            block(ready, leave, where);
            return;
        }
        Promise<@Nullable Void> wakeUp = CoreAccess.foreignPromise(task.loop(), leave);
        if (!WAITER.compareAndSet(this, null, wakeUp)) {
            wakeUp.trySucceed(null);
            throw concurrentConsumers(where);
        }
        if (ready.getAsBoolean()) { // a signal came before our registration was visible
            if (WAITER.compareAndSet(this, wakeUp, null)) {
                wakeUp.trySucceed(null);
            } // else the producer took it and completes it
            return;
        }
        Async.await(wakeUp); // a cancelled task cancels wakeUp, whose hook runs leave
    }

    private void block(BooleanSupplier ready, Runnable leave, Supplier<String> where) {
        Thread me = Thread.currentThread();
        try {
            for (;;) {
                if (waiter != me && !WAITER.compareAndSet(this, null, me)) {
                    throw concurrentConsumers(where);
                }
                if (ready.getAsBoolean()) {
                    return;
                }
                LockSupport.park(this);
                if (Thread.interrupted()) {
                    Thread.currentThread().interrupt();
                    leave.run();
                    throw new CancelledException("interrupted while blocked in " + where.get());
                }
            }
        } finally {
            WAITER.compareAndSet(this, me, null);
        }
    }

    private static void resume(Object w) {
        if (w instanceof Promise<?> wakeUp) {
            wakeUp.trySucceed(null);
        } else {
            LockSupport.unpark((Thread) w);
        }
    }

    private static IllegalStateException concurrentConsumers(Supplier<String> where) {
        return new IllegalStateException(where.get() + ": two tasks or threads iterate it at once; "
                + "an iteration has one consumer");
    }
}
