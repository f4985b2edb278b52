package dev.reactiveawait.internal;

import dev.reactiveawait.EventLoop;
import dev.reactiveawait.TimerHandle;
import org.jspecify.annotations.Nullable;

/**
 * A {@code Runnable} that a host library's scheduler (the bridges' loop schedulers and workers)
 * runs on a loop: at the loop's next iteration, at a deadline on the loop's clock, or periodically
 * at a fixed rate. It reaches the loop through its inbox (one FIFO for every submitting thread),
 * then waits in the loop's timer queue if it has a deadline. A bridge extends it with the set of
 * tasks that owns it and with what happens to an exception of the action; its {@code Disposable}
 * interface is implemented by the public methods inherited from here.
 *
 * <p>Not API: exported to the bridges only.
 */
public abstract class SchedulerTask implements Runnable {
    private final EventLoop loop;
    private final Runnable action;
    /** Whether the first run is at the loop's next iteration (no delay) rather than at a timer. */
    private final boolean immediate;
    /** Next run, on the loop's clock; loop-only after submission. */
    private long deadline;
    /** Nanoseconds between runs of a periodic task ({@code <= 0}: once per loop iteration); unused for one-shot. */
    private final long period;
    private final boolean periodic;
    /** Written by dispose() on any thread, read by the loop before each run. */
    private volatile boolean disposed;
    /** The armed timer; loop-only. */
    private @Nullable TimerHandle timer;

    /**
     * For the bridge's task that extends it; {@link #post()} hands it to the loop.
     *
     * @param loop the loop it runs on
     * @param action what it runs
     * @param immediate whether the first run is at the loop's next iteration, without a timer
     * @param deadline the first run on the loop's clock, unless {@code immediate}; see {@link #deadline}
     * @param period nanoseconds between the deadlines of a periodic task ({@code <= 0}: at every
     *     loop iteration)
     * @param periodic whether it runs again after each run
     */
    protected SchedulerTask(EventLoop loop, Runnable action, boolean immediate, long deadline, long period,
            boolean periodic) {
        this.loop = loop;
        this.action = action;
        this.immediate = immediate;
        this.deadline = deadline;
        this.period = period;
        this.periodic = periodic;
    }

    /**
     * A deadline {@code delayNanos} from now on the loop's clock, saturating.
     *
     * @param loop the loop
     * @param delayNanos the delay; negative counts as zero
     * @return the deadline, at most {@link Long#MAX_VALUE}
     */
    public static long deadline(EventLoop loop, long delayNanos) {
        long now = loop.time();
        long sum = now + Math.max(0, delayNanos);
        return sum < now ? Long.MAX_VALUE : sum;
    }

    /** Any thread: leaves the set of tasks that owns it (the task ran once, or was disposed). */
    protected abstract void removeFromOwner();

    /**
     * On the loop: the action threw {@code e}; the task is disposed already. Rethrow it to the
     * loop (which logs it), or hand it to the host library's hook.
     *
     * @param e what the action threw
     */
    protected abstract void actionFailed(Throwable e);

    /**
     * Any thread, once, after the owner took the task: hands it to the loop.
     *
     * @throws IllegalStateException if the loop is closed; the task is then disposed and removed
     *     from its owner
     */
    protected final void post() {
        try {
            loop.callSoonThreadsafe(this::arm);
        } catch (IllegalStateException closed) {
            disposed = true;
            removeFromOwner();
            throw closed;
        }
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

    /** On the loop, from the inbox or the timer: runs the action, and schedules the next run of a periodic task. */
    @Override
    public final void run() {
        timer = null;
        if (disposed) {
            return;
        }
        if (!periodic) {
            disposed = true;
            removeFromOwner();
        }
        try {
            action.run();
        } catch (Throwable e) {
            dispose(); // like ScheduledExecutorService: a periodic task that throws stops
            actionFailed(e);
            return;
        }
        if (!periodic || disposed) {
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

    /** Any thread: the task will not run (again); its timer, if armed, is cancelled on the loop. Idempotent. */
    public final void dispose() {
        if (disposed) {
            return;
        }
        disposed = true;
        removeFromOwner();
        if (loop.inLoop()) {
            cancelTimer();
        } else if ((!immediate || periodic) && !loop.isClosed()) { // only these ever arm a timer
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

    /**
     * Whether the task ran (a one-shot one) or was disposed.
     *
     * @return {@code true} once it will not run again
     */
    public final boolean isDisposed() {
        return disposed;
    }
}
