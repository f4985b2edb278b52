package dev.reactiveawait.rxjava3;

import dev.reactiveawait.EventLoop;
import dev.reactiveawait.TimerHandle;
import io.reactivex.rxjava3.disposables.CompositeDisposable;
import io.reactivex.rxjava3.disposables.Disposable;
import io.reactivex.rxjava3.exceptions.Exceptions;
import io.reactivex.rxjava3.plugins.RxJavaPlugins;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A {@code Runnable} scheduled on a loop by a {@link LoopScheduler} or a {@link LoopWorker}: at
 * the loop's next iteration, at a deadline on the loop's clock, or periodically at a fixed rate.
 * It reaches the loop through its inbox (one FIFO for every submitting thread), then waits in the
 * loop's timer queue if it has a deadline. The Reactor bridge's {@code LoopTask} is the same
 * machine with Reactor's types; the bridges do not depend on each other, so each keeps its copy.
 */
final class LoopTask implements Runnable, Disposable {
    private final EventLoop loop;
    private final Runnable action;
    private final CompositeDisposable owner;
    /** Whether the first run is at the loop's next iteration (no delay) rather than at a timer. */
    private final boolean immediate;
    /** Next run, on the loop's clock; loop-only after submission. */
    private long deadline;
    /** Nanoseconds between runs of a periodic task ({@code <= 0}: once per loop iteration). */
    private final long period;
    private final boolean periodic;
    /** Written by dispose() on any thread, read by the loop before each run. */
    private volatile boolean disposed;
    /** The armed timer; loop-only. */
    private @Nullable TimerHandle timer;

    private LoopTask(EventLoop loop, Runnable action, CompositeDisposable owner, boolean immediate, long deadline,
            long period, boolean periodic) {
        this.loop = loop;
        this.action = action;
        this.owner = owner;
        this.immediate = immediate;
        this.deadline = deadline;
        this.period = period;
        this.periodic = periodic;
    }

    /**
     * Schedules {@code run} once, {@code delay} from now ({@code <= 0}: at the loop's next
     * iteration, after what is already scheduled), tracked by {@code owner}.
     *
     * @return the task, or a disposed {@code Disposable} if {@code owner} is disposed (RxJava's
     *     convention: no exception)
     * @throws RejectedExecutionException if the loop is closed
     */
    static Disposable schedule(EventLoop loop, CompositeDisposable owner, Runnable run, long delay, TimeUnit unit) {
        long delayNanos = unit.toNanos(delay);
        boolean immediate = delayNanos <= 0;
        return submit(new LoopTask(loop, RxJavaPlugins.onSchedule(run), owner, immediate,
                immediate ? 0 : deadline(loop, delayNanos), 0, false));
    }

    /**
     * Schedules {@code run} at a fixed rate: first {@code initialDelay} from now, then every
     * {@code period} after the previous deadline ({@code period <= 0}: at every loop iteration).
     *
     * @return the task, or a disposed {@code Disposable} if {@code owner} is disposed
     * @throws RejectedExecutionException if the loop is closed
     */
    static Disposable schedulePeriodically(EventLoop loop, CompositeDisposable owner, Runnable run, long initialDelay,
            long period, TimeUnit unit) {
        long delayNanos = unit.toNanos(initialDelay);
        return submit(new LoopTask(loop, RxJavaPlugins.onSchedule(run), owner, delayNanos <= 0,
                deadline(loop, delayNanos), unit.toNanos(period), true));
    }

    private static Disposable submit(LoopTask task) {
        if (!task.owner.add(task)) {
            return task; // the owner was disposed, and so disposed the task (it was never armed)
        }
        try {
            task.loop.callSoonThreadsafe(task::arm);
        } catch (IllegalStateException closed) {
            task.disposed = true;
            task.owner.delete(task);
            throw new RejectedExecutionException("scheduler(loop) cannot run a task: " + task.loop + " is closed", closed);
        }
        return task;
    }

    /** A deadline {@code delayNanos} from now on the loop's clock, saturating. */
    private static long deadline(EventLoop loop, long delayNanos) {
        long now = loop.time();
        long sum = now + Math.max(0, delayNanos);
        return sum < now ? Long.MAX_VALUE : sum;
    }

    /** On the loop: runs now, or arms the timer. */
    private void arm() {
        if (disposed) {
            return;
        }
        if (immediate) {
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
            owner.delete(this);
            runAction();
            return;
        }
        if (!runAction()) {
            return;
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

    /** Runs the action; what it throws goes to RxJava's error hook, as RxJava's own schedulers do. */
    private boolean runAction() {
        try {
            action.run();
            return true;
        } catch (Throwable e) {
            if (periodic) {
                dispose(); // like ScheduledExecutorService and RxJava: a periodic task that throws stops
            }
            Exceptions.throwIfFatal(e);
            RxJavaPlugins.onError(e);
            return false;
        }
    }

    @Override
    public void dispose() {
        if (disposed) {
            return;
        }
        disposed = true;
        owner.delete(this);
        if (loop.inLoop()) {
            cancelTimer();
        } else if (!immediate || periodic) {
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
