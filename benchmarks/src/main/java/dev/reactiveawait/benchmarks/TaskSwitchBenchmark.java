package dev.reactiveawait.benchmarks;

import static dev.reactiveawait.Async.await;
import static dev.reactiveawait.Async.createTask;
import static dev.reactiveawait.Async.sleep;

import dev.reactiveawait.EventLoop;
import dev.reactiveawait.Task;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Task switch: two coroutines hand control back and forth; the score is nanoseconds per switch
 * (one switch = one party suspends and the other resumes).
 *
 * <p>Every invocation performs {@link #SWITCHES} switches ({@code @OperationsPerInvocation}), so
 * the fixed cost of an invocation (for our loop: one {@code runUntilComplete}, i.e. two task
 * threads created and a driver-to-task handoff in and out; for the baselines: two continuations or
 * two virtual threads created) is spread over 10,000 switches (well under 1 ns per switch).
 *
 * <p>The loop is created once per trial ({@code @Setup(Level.Trial)}) and reused by every
 * invocation, as a long-lived loop is in an application; in particular the own-carrier variant
 * does not pay for starting its carrier thread per invocation.
 *
 * <ul>
 * <li>{@code loopDefaultScheduler}: our loop on the JDK's default virtual-thread scheduler (a
 *     ForkJoinPool with one carrier per core, here 2). Target (DESIGN.md §9): ≤ 4× raw.</li>
 * <li>{@code loopOwnCarrier}: the opt-in own carrier (a separate fork with add-opens and
 *     {@code -Ddev.reactiveawait.carrier=own}; the setup checks it is really active). Target ≤ 2× raw.</li>
 * <li>{@code loopDefaultScheduler1Carrier}: for information, the public default scheduler
 *     restricted to one carrier with {@code -Djdk.virtualThreadScheduler.parallelism=1}.</li>
 * <li>{@code rawContinuation}: baseline, two {@code jdk.internal.vm.Continuation}s driven
 *     alternately by the benchmark thread; one switch = one yield + one run.</li>
 * <li>{@code virtualThreadPingPong} (and {@code ...1Carrier}): baseline, two bare virtual threads
 *     handing a volatile turn flag back and forth with {@code LockSupport.park/unpark}.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {RawContinuation.ADD_EXPORTS, "-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class TaskSwitchBenchmark {
    /** Switches per invocation. */
    public static final int SWITCHES = 10_000;
    private static final int HALF = SWITCHES / 2;


    private EventLoop loop;

    /**
     * Creates the loop and checks the fork runs the variant it claims (own carrier or not).
     *
     * @param params which benchmark this trial runs
     */
    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        loop = EventLoop.create();
        String carrier = loop.runUntilComplete(() -> Thread.currentThread().toString());
        boolean own = carrier.contains("reactive-await-carrier");
        boolean wantOwn = params.getBenchmark().endsWith("loopOwnCarrier");
        if (own != wantOwn) {
            throw new IllegalStateException(params.getBenchmark() + " runs its tasks on " + carrier
                    + ": own carrier " + (wantOwn ? "expected but not active (JVM flags?)" : "active unexpectedly"));
        }
    }

    /** Closes the loop. */
    @TearDown(Level.Trial)
    public void tearDown() {
        loop.close();
    }

    // ---------------------------------------------------------------- our loop

    /**
     * Our loop, default scheduler.
     *
     * @return a value for the blackhole
     */
    @Benchmark
    @OperationsPerInvocation(SWITCHES)
    public int loopDefaultScheduler() {
        return pingPong(loop);
    }

    /**
     * Our loop, default scheduler limited to one carrier (public JDK flag).
     *
     * @return a value for the blackhole
     */
    @Benchmark
    @OperationsPerInvocation(SWITCHES)
    @Fork(value = 2, jvmArgsAppend = {RawContinuation.ADD_EXPORTS, "-Xms1g", "-Xmx1g", JvmFlags.ONE_CARRIER})
    public int loopDefaultScheduler1Carrier() {
        return pingPong(loop);
    }

    /**
     * Our loop on its own carrier (opt-in).
     *
     * @return a value for the blackhole
     */
    @Benchmark
    @OperationsPerInvocation(SWITCHES)
    @Fork(value = 2, jvmArgsAppend = {RawContinuation.ADD_EXPORTS, "-Xms1g", "-Xmx1g",
            JvmFlags.OWN_CARRIER_OPENS, JvmFlags.OWN_CARRIER_PROPERTY})
    public int loopOwnCarrier() {
        return pingPong(loop);
    }

    /** The main task and one other task each yield {@code HALF} times with {@code sleep(0)}. */
    private static int pingPong(EventLoop loop) {
        return loop.runUntilComplete(() -> {
            Task<Integer> other = createTask(() -> {
                for (int i = 0; i < HALF; i++) {
                    sleep(Duration.ZERO);
                }
                return HALF;
            });
            for (int i = 0; i < HALF; i++) {
                sleep(Duration.ZERO);
            }
            return await(other) + HALF;
        });
    }

    // ---------------------------------------------------------------- baselines

    /**
     * Baseline: raw continuations, A yields, the driver runs B, B yields, the driver runs A.
     *
     * @return a value for the blackhole
     */
    @Benchmark
    @OperationsPerInvocation(SWITCHES)
    public int rawContinuation() {
        Runnable body = () -> {
            for (int i = 0; i < HALF; i++) {
                RawContinuation.yieldNow();
            }
        };
        Object a = RawContinuation.create(body);
        Object b = RawContinuation.create(body);
        int runs = 0;
        while (!RawContinuation.isDone(a) || !RawContinuation.isDone(b)) {
            RawContinuation.run(a);
            RawContinuation.run(b);
            runs += 2;
        }
        return runs;
    }

    /**
     * Baseline: two virtual threads, park/unpark ping-pong, default scheduler.
     *
     * @return a value for the blackhole
     * @throws InterruptedException never
     */
    @Benchmark
    @OperationsPerInvocation(SWITCHES)
    public int virtualThreadPingPong() throws InterruptedException {
        return new PingPong().play();
    }

    /**
     * Baseline: two virtual threads, park/unpark ping-pong, default scheduler on one carrier.
     *
     * @return a value for the blackhole
     * @throws InterruptedException never
     */
    @Benchmark
    @OperationsPerInvocation(SWITCHES)
    @Fork(value = 2, jvmArgsAppend = {RawContinuation.ADD_EXPORTS, "-Xms1g", "-Xmx1g", JvmFlags.ONE_CARRIER})
    public int virtualThreadPingPong1Carrier() throws InterruptedException {
        return new PingPong().play();
    }

    /** Two virtual threads pass a turn flag: write it, then unpark the other, then park until it is yours. */
    private static final class PingPong {
        private volatile int turn;
        private final Thread a = Thread.ofVirtual().unstarted(() -> side(0));
        private final Thread b = Thread.ofVirtual().unstarted(() -> side(1));

        int play() throws InterruptedException {
            a.start();
            b.start();
            a.join();
            b.join();
            return turn;
        }

        private void side(int me) {
            Thread other = me == 0 ? b : a;
            for (int i = 0; i < HALF; i++) {
                while (turn != me) {
                    LockSupport.park(this);
                }
                turn = 1 - me;
                LockSupport.unpark(other);
            }
        }
    }
}
