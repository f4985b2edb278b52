package dev.reactiveawait;

import java.time.Duration;

/**
 * A clock that stands still until its loop has nothing ready to run; then the loop jumps it to the
 * next timer's deadline (like Kotlin's {@code runTest} and trio's autojump clock). A test that
 * sleeps a virtual day finishes in milliseconds, and timers keep their exact relative order.
 *
 * <dl>
 * <dt><b>Thread:</b></dt>
 * <dd>Read from any thread; moved only by its loop (or by {@link #advanceBy} while no loop runs on
 *     it, or from inside that loop).</dd>
 * </dl>
 * {@snippet :
 * VirtualClock clock = LoopClock.virtual();
 * Async.run(clock, () -> sleep(Duration.ofHours(5)));
 * assert clock.nanoTime() == Duration.ofHours(5).toNanos();
 * }
 *
 * @since 0.1
 */
public final class VirtualClock implements LoopClock {
    /** Written by the loop's baton holder (or the test thread while no loop runs); read anywhere. */
    private volatile long now;
    /** Set before a loop is created on this clock; -1: never jump while foreign work is awaited. */
    private volatile long autojumpNanos = -1;

    VirtualClock() {}

    @Override
    public long nanoTime() {
        return now;
    }

    /**
     * Moves the clock forward; timers that become due run at the loop's next iteration.
     *
     * @param delta how far to move, not negative
     * @throws IllegalArgumentException if {@code delta} is negative
     */
    public void advanceBy(Duration delta) {
        java.util.Objects.requireNonNull(delta, "delta");
        if (delta.isNegative()) {
            throw new IllegalArgumentException("a clock cannot go back: advanceBy(" + delta + ")");
        }
        now += delta.toNanos();
    }

    /**
     * Lets the loop jump to its next timer even while a task awaits work that another thread may
     * complete (a {@code CompletionStage}, a {@code Mono}, a {@code Single}), once the loop has been
     * idle for {@code threshold} of real time: trio's autojump threshold.
     *
     * <p>By default a virtual clock stands still while such work is pending, so that real I/O in a
     * test cannot see its timeouts fire early. That default cannot tell a reactive timer the loop
     * drives itself (a {@code Single.timer} on the loop's scheduler, a {@code mono} body that
     * sleeps) from real work, and waits for it forever. {@link Duration#ZERO} jumps at once: right
     * when every scheduler the code uses is the loop's, as under the {@code @AsyncTest} extension;
     * a few milliseconds tolerate quick real I/O. Set it before creating the loop.
     * {@snippet :
     * VirtualClock clock = LoopClock.virtual().autojump(Duration.ZERO);
     * Async.run(clock, () -> RxAwait.await(Single.timer(1, TimeUnit.HOURS, RxTasks.scheduler(currentLoop()))));
     * }
     *
     * @param threshold real idle time before a jump, not negative
     * @return this clock
     * @throws IllegalArgumentException if {@code threshold} is negative
     */
    public VirtualClock autojump(Duration threshold) {
        java.util.Objects.requireNonNull(threshold, "threshold");
        if (threshold.isNegative()) {
            throw new IllegalArgumentException("autojump(" + threshold + "): a threshold cannot be negative");
        }
        autojumpNanos = threshold.toNanos();
        return this;
    }

    long autojumpNanos() {
        return autojumpNanos;
    }

    /** Jumps to {@code deadline} if it lies in the future; called by the loop only. */
    void advanceTo(long deadline) {
        if (deadline > now) {
            now = deadline;
        }
    }

    @Override
    public String toString() {
        return "VirtualClock[" + Duration.ofNanos(now) + "]";
    }
}
