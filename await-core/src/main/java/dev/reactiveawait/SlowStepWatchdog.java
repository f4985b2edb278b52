package dev.reactiveawait;

import java.lang.System.Logger.Level;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * asyncio's debug-mode slow callback warning: a daemon platform thread that watches one running
 * loop and logs, once per step, a task step or callback that holds the loop longer than the
 * threshold, with the stack where it was when the threshold passed.
 *
 * <p>The loop {@linkplain #mark marks} each step as it hands the loop over (one volatile write,
 * only while the watchdog exists); the watchdog reads the mark, and parks until the current step's
 * deadline. Measured in real time ({@link SystemClock}), also on a virtual-clock loop.
 */
final class SlowStepWatchdog implements Runnable {
    private static final System.Logger LOG = System.getLogger("dev.reactiveawait");

    /** What holds the loop since when; {@code null} while the loop idles or runs its own machinery. */
    private record Step(Thread thread, Object what, long startNanos) {}

    private final SystemClock clock = new SystemClock();
    private final long thresholdNanos;
    private final String loopName;
    private volatile @Nullable Step step;
    private volatile boolean stopped;
    private final Thread thread;

    private SlowStepWatchdog(long thresholdNanos, String loopName) {
        this.thresholdNanos = thresholdNanos;
        this.loopName = loopName;
        this.thread = Thread.ofPlatform().daemon().name("reactive-await-slow-step-watchdog").unstarted(this);
    }

    static SlowStepWatchdog start(long thresholdNanos, String loopName) {
        SlowStepWatchdog w = new SlowStepWatchdog(thresholdNanos, loopName);
        w.thread.start();
        return w;
    }

    /** Loop: {@code holder} starts running {@code what} (a {@link Task} step or a callback) now. */
    void mark(Thread holder, Object what) {
        step = new Step(holder, what, clock.nanoTime());
    }

    /** Loop: nothing of the user's holds the loop (it idles, or stops). */
    void idle() {
        step = null;
    }

    /**
     * The loop, as it stops running: ends the watchdog thread and waits for it, so no warning about
     * this run is logged after the run has returned.
     */
    void stop() {
        stopped = true;
        step = null;
        SystemClock.unpark(thread);
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true; // restored below: the caller's interrupt is not ours to take
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void run() {
        Step reported = null;
        while (!stopped) {
            Step s = step;
            if (s == null || s == reported) {
                SystemClock.parkNanos(this, thresholdNanos);
                continue;
            }
            long held = clock.nanoTime() - s.startNanos;
            if (held < thresholdNanos) {
                SystemClock.parkNanos(this, thresholdNanos - held);
                continue;
            }
            StackTraceElement[] frames = s.thread.getStackTrace();
            if (step == s) { // the sample belongs to the step that is still slow
                reported = s;
                report(s, held, frames);
            }
        }
    }

    private void report(Step s, long heldNanos, StackTraceElement[] frames) {
        String what = s.what instanceof Task<?> t ? "task '" + t.name() + "'" : "callback " + s.what;
        List<StackTraceElement> user = TaskDumps.userFrames(frames);
        SlowStep where = new SlowStep("slow step of " + what + ": it was here after "
                + heldNanos / 1_000_000 + " ms");
        where.setStackTrace(user.isEmpty() ? frames : user.toArray(StackTraceElement[]::new));
        LOG.log(Level.WARNING, what + " has held the event loop " + loopName + " for more than "
                + thresholdNanos / 1_000_000 + " ms (slow step threshold) on thread " + s.thread, where);
    }

    /** Carries the sampled stack of a slow step into the log; never thrown. */
    static final class SlowStep extends Throwable {
        private static final long serialVersionUID = 1L;

        SlowStep(String message) {
            super(message, null, false, true);
        }
    }
}
