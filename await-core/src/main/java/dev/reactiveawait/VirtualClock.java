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
        if (delta.isNegative()) {
            throw new IllegalArgumentException("a clock cannot go back: advanceBy(" + delta + ")");
        }
        now += delta.toNanos();
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
