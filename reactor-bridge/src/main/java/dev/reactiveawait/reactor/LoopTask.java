package dev.reactiveawait.reactor;

import dev.reactiveawait.EventLoop;
import dev.reactiveawait.TimerHandle;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Exceptions;

/**
 * A Reactor {@code Runnable} scheduled on a loop by a {@link LoopScheduler}: at once, at a deadline
 * on the loop's clock, or periodically at a fixed rate. It reaches the loop through its inbox
 * (one FIFO for every submitting thread), then waits in the loop's timer queue if it has a
 * deadline.
 */
final class LoopTask implements Runnable, Disposable {
    /** {@code deadline} of a task that runs at the loop's next iteration. */
    static final long NOW = Long.MIN_VALUE;

    private final EventLoop loop;
    private final Runnable action;
    private final PendingTasks owner;
    /** Next run, on the loop's clock; loop-only after submission. */
    private long deadline;
    /** Nanoseconds between runs of a periodic task ({@code <= 0}: once per loop iteration); unused for one-shot. */
    private final long period;
    private final boolean periodic;
    /** Written by dispose() on any thread, read by the loop before each run. */
    private volatile boolean disposed;
    /** The armed timer; loop-only. */
    private @Nullable TimerHandle timer;

    private LoopTask(EventLoop loop, Runnable action, PendingTasks owner, long deadline, long period, boolean periodic) {
        this.loop = loop;
        this.action = action;
        this.owner = owner;
        this.deadline = deadline;
        this.period = period;
        this.periodic = periodic;
    }

    /**
     * Schedules {@code action} on {@code loop}, tracked by {@code owner}.
     *
     * @throws RejectedExecutionException if {@code owner} is disposed or the loop closed
     */
    static Disposable schedule(EventLoop loop, PendingTasks owner, Runnable action, long deadline, long period,
            boolean periodic) {
        LoopTask task = new LoopTask(loop, action, owner, deadline, period, periodic);
        if (!owner.add(task)) {
            throw Exceptions.failWithRejected("the loop scheduler (or its worker) is disposed");
        }
        try {
            loop.callSoonThreadsafe(task::arm);
        } catch (IllegalStateException closed) {
            owner.remove(task);
            throw Exceptions.failWithRejected(closed);
        }
        return task;
    }

    /** A deadline {@code delayNanos} from now on the loop's clock, saturating. */
    static long deadline(EventLoop loop, long delayNanos) {
        long now = loop.time();
        long sum = now + Math.max(0, delayNanos);
        return sum < now ? Long.MAX_VALUE : sum;
    }

    /** On the loop: runs now, or arms the timer. */
    private void arm() {
        if (disposed) {
            return;
        }
        if (deadline == NOW) {
            run();
        } else {
            timer = loop.callAt(deadline, this);
        }
    }

    /** On the loop, from the inbox or the timer. */
    @Override
    public void run() {
        timer = null;
        if (disposed) {
            return;
        }
        if (!periodic) {
            disposed = true;
            owner.remove(this);
            action.run(); // an exception goes to the loop, which logs it (no Reactor hook is reachable)
            return;
        }
        try {
            action.run();
        } catch (RuntimeException | Error e) {
            dispose(); // like ScheduledExecutorService: a periodic task that throws stops
            throw e;
        }
        if (disposed) {
            return;
        }
        if (period > 0) {
            long next = deadline + period; // fixed rate, from the previous deadline
            deadline = next < deadline ? Long.MAX_VALUE : next; // saturating
            timer = loop.callAt(deadline, this);
        } else {
            loop.callSoon(this); // period 0: again at the next iteration, after the others
        }
    }

    @Override
    public void dispose() {
        if (disposed) {
            return;
        }
        disposed = true;
        owner.remove(this);
        if (loop.inLoop()) {
            cancelTimer();
        } else if (!loop.isClosed()) {
            try {
                loop.callSoonThreadsafe(this::cancelTimer); // timers are loop-only; a still one keeps a virtual clock busy
            } catch (IllegalStateException closed) {
                // closed meanwhile: its timers are gone with it
            }
        }
    }

    private void cancelTimer() {
        TimerHandle t = timer;
        if (t != null) {
            timer = null;
            t.cancel();
        }
    }

    @Override
    public boolean isDisposed() {
        return disposed;
    }
}
