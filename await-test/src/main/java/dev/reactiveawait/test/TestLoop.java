package dev.reactiveawait.test;

import dev.reactiveawait.Async;
import dev.reactiveawait.EventLoop;
import dev.reactiveawait.LoopClock;
import dev.reactiveawait.VirtualClock;
import dev.reactiveawait.internal.CoreAccess;
import java.time.Duration;
import java.util.Objects;

/**
 * Manual control of a virtual-time loop, for tests that check what has happened at a given
 * instant: advance the clock by a duration, run what is ready, read the time. The counterpart of
 * RxJava's {@code TestScheduler.advanceTimeBy}/{@code triggerActions} and kotlinx's
 * {@code advanceTimeBy}/{@code runCurrent}, on one clock shared with Reactor's and RxJava's timers
 * under {@link AsyncTest}.
 *
 * <p>Two ways to use it:
 * <ul>
 * <li>As a parameter of an {@link AsyncTest} method: the methods are then called from the test's
 *     main task, which keeps the loop busy while they run, so the loop's usual jump to the next
 *     timer never happens behind their back.</li>
 * <li>By hand, without the extension: {@link #create()}, schedule work on {@link #loop()}, then
 *     call the methods from the test's thread while the loop is not running; each runs the loop
 *     until it returns.</li>
 * </ul>
 *
 * <dl>
 * <dt><b>Thread:</b></dt>
 * <dd>Call from a task of this loop, or from any thread while the loop does not run. From another
 *     thread while it runs: {@link WrongThreadException}; from a callback of the loop (which cannot
 *     suspend): {@link IllegalStateException}.</dd>
 * <dt><b>Cancellation:</b></dt>
 * <dd>Called from a task, the methods suspend it while other steps run; cancelling that task
 *     interrupts them with {@link dev.reactiveawait.CancelledException}.</dd>
 * </dl>
 * {@snippet :
 * @AsyncTest
 * void retriesAfterOneMinute(TestLoop time) {
 *     Task<String> call = createTask(() -> client.fetchWithRetry());   // retries after 60 s
 *     time.advanceBy(Duration.ofSeconds(59));
 *     assertThat(server.requests()).isEqualTo(1);
 *     time.advanceBy(Duration.ofSeconds(1));
 *     assertThat(server.requests()).isEqualTo(2);
 *     assertThat(time.now()).isEqualTo(Duration.ofMinutes(1));
 *     call.cancel();
 * }
 * }
 *
 * @since 0.2
 */
public final class TestLoop implements AutoCloseable {
    private final EventLoop loop;
    private final VirtualClock clock;

    private TestLoop(EventLoop loop, VirtualClock clock) {
        this.loop = loop;
        this.clock = clock;
    }

    /**
     * A new loop on a new virtual clock at time 0, driven by hand.
     * {@snippet :
     * try (TestLoop time = TestLoop.create()) {
     *     time.loop().callLater(Duration.ofSeconds(2), () -> System.out.println("at " + time.now()));
     *     time.advanceBy(Duration.ofSeconds(2));                 // prints "at PT2S"
     * }
     * }
     *
     * @return the test loop, not running
     */
    public static TestLoop create() {
        VirtualClock clock = LoopClock.virtual();
        return new TestLoop(EventLoop.create(clock), clock);
    }

    /**
     * Manual control of an existing loop, which must run on a {@link VirtualClock}.
     *
     * @param loop the loop
     * @return its test loop
     * @throws IllegalArgumentException if the loop runs on the system clock: real time cannot be
     *     advanced
     */
    public static TestLoop of(EventLoop loop) {
        Objects.requireNonNull(loop, "loop");
        if (!(loop.clock() instanceof VirtualClock virtual)) {
            throw new IllegalArgumentException("TestLoop needs a loop on a virtual clock, but " + loop + " runs on "
                    + loop.clock() + ": real time cannot be advanced; create the loop with "
                    + "EventLoop.create(LoopClock.virtual()), or use TestLoop.create()");
        }
        return new TestLoop(loop, virtual);
    }

    /**
     * The loop this controls.
     *
     * @return the loop
     */
    public EventLoop loop() {
        return loop;
    }

    /**
     * The loop's virtual clock.
     *
     * @return the clock
     */
    public VirtualClock clock() {
        return clock;
    }

    /**
     * The virtual time: how far the clock has moved since it was created.
     *
     * @return the time, from {@link Duration#ZERO}
     */
    public Duration now() {
        return Duration.ofNanos(clock.nanoTime());
    }

    /**
     * Runs every step and callback that is ready, and every timer due at the current virtual time,
     * including what they make ready in turn, until nothing is ready and no timer is due. The clock
     * does not move. Work that other threads do (real I/O, a future a test thread completes) is not
     * waited for: what has reached the loop runs, the rest stays pending. A task that never stops
     * yielding keeps it running (the test's timeout ends that).
     * {@snippet :
     * Task<Void> t = createTask(() -> { log.add("started"); sleep(Duration.ofSeconds(1)); log.add("woke"); });
     * time.runUntilIdle();
     * assertThat(log).containsExactly("started");     // its first step ran, its timer is not due
     * }
     *
     * @throws WrongThreadException if called from another thread while the loop runs
     * @throws IllegalStateException if called from a callback of the loop, or if the loop is closed
     */
    public void runUntilIdle() {
        drive(Long.MIN_VALUE, "runUntilIdle()");
    }

    /**
     * Moves the virtual clock forward by {@code delta}, firing the timers due on the way in
     * (deadline, scheduling) order, each at its own instant: the clock stops at each timer's
     * deadline and everything ready runs (as {@link #runUntilIdle()} does) before it moves on, so
     * a callback sees {@code now()} equal to its deadline, and a timer scheduled on the way that
     * falls inside the window fires too. Ends at exactly {@code now() + delta}, idle; a timer due
     * at that instant has run.
     * {@snippet :
     * time.loop().callLater(Duration.ofSeconds(1), () -> log.add("1 s at " + time.now()));
     * time.advanceBy(Duration.ofMillis(1500));
     * assertThat(log).containsExactly("1 s at PT1S");
     * assertThat(time.now()).isEqualTo(Duration.ofMillis(1500));
     * }
     *
     * @param delta how far to move, zero or positive
     * @throws IllegalArgumentException if {@code delta} is negative
     * @throws WrongThreadException if called from another thread while the loop runs
     * @throws IllegalStateException if called from a callback of the loop, or if the loop is closed
     */
    public void advanceBy(Duration delta) {
        Objects.requireNonNull(delta, "delta");
        if (delta.isNegative()) {
            throw new IllegalArgumentException("advanceBy(" + delta + "): virtual time cannot go back; pass a zero or "
                    + "positive duration");
        }
        long now = clock.nanoTime();
        long target;
        try {
            target = Math.addExact(now, delta.toNanos());
        } catch (ArithmeticException tooFar) {
            throw new IllegalArgumentException("advanceBy(" + delta + ") from " + now() + " overflows the clock "
                    + "(292 years of nanoseconds)", tooFar);
        }
        drive(target, "advanceBy()");
    }

    /**
     * Closes the loop: tasks still pending are cancelled and run their {@code finally} blocks.
     * Under {@link AsyncTest} the extension closes the loop itself; this is for loops driven by hand.
     */
    @Override
    public void close() {
        loop.close();
    }

    @Override
    public String toString() {
        return "TestLoop[" + now() + ", " + loop + "]";
    }

    /** Runs until idle with the clock at {@code target} at most (no move when it lies in the past). */
    private void drive(long target, String method) {
        if (loop.isClosed()) {
            throw new IllegalStateException(method + " on a closed loop: " + loop);
        }
        if (loop.inLoop()) {
            if (Async.currentTask() == null) {
                throw new IllegalStateException(method + " called from a callback of the loop, which cannot wait for "
                        + "other steps to run; call it from a task (an @AsyncTest body is one) or from the test's "
                        + "thread while the loop does not run");
            }
            steps(target);
        } else if (loop.isRunning()) {
            throw new WrongThreadException(method + " called from thread \"" + Thread.currentThread().getName()
                    + "\" while " + loop + " runs on another thread; call it from a task of that loop, or while the "
                    + "loop does not run");
        } else {
            loop.runUntilComplete(() -> steps(target));
        }
    }

    /** In a task of the loop: the calling task yields until nothing else is ready or due by {@code target}. */
    private void steps(long target) {
        for (;;) {
            long next = CoreAccess.nextWorkAt(loop);
            long now = clock.nanoTime();
            if (next <= now) {
                Async.sleep(Duration.ZERO); // one round: what is ready (or due) runs
                continue;
            }
            long to = Math.min(next, target);
            if (to <= now) {
                return;
            }
            clock.advanceBy(Duration.ofNanos(to - now)); // to the next timer, or to the target
        }
    }
}
