package dev.reactiveawait.benchmarks;

import static dev.reactiveawait.Async.await;
import static dev.reactiveawait.Async.createTask;
import static dev.reactiveawait.Async.gather;
import static dev.reactiveawait.Async.sleep;

import dev.reactiveawait.EventLoop;
import dev.reactiveawait.Task;
import dev.reactiveawait.sync.Lock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * A contended {@link Lock}: {@code tasks} tasks take turns on one lock, each holding it across one
 * {@code sleep(0)} so that every other task is queued on it. Score: nanoseconds per acquisition
 * ({@value #ACQUISITIONS} per invocation, split evenly between the tasks).
 *
 * <p>One contended acquisition costs two task switches: the holder yields (its {@code sleep(0)}),
 * and after its release the first waiter resumes (woken through the ready queue, as asyncio does).
 * The baseline of the same run, {@code sleepZeroSwitch}, is the cost of one switch (two tasks
 * alternating on {@code sleep(0)}, as in {@code TaskSwitchBenchmark}), so
 * {@code contended / sleepZeroSwitch} near 2 means the lock adds little beyond the switches it
 * needs. {@code uncontended} (one task, no waiting: the fast path) shows the bookkeeping alone.
 * For scale: CPython's {@code asyncio.Lock} under the same pattern takes several microseconds per
 * acquisition (DESIGN.md §9 puts an asyncio switch at 1.7–3.8 µs).
 *
 * <p>The {@code OwnCarrier} variants fork with the loop's opt-in own carrier (add-opens and
 * {@code -Ddev.reactiveawait.carrier=own}); the setup checks the fork runs what it claims.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class LockContentionBenchmark {
    /** Acquisitions (or switches, for the baseline) per invocation. */
    public static final int ACQUISITIONS = 10_000;


    /** How many tasks compete for the lock. */
    @Param({"2", "8"})
    public int tasks;

    private EventLoop loop;

    /**
     * Creates the loop, reused by every invocation, and checks the carrier mode of the fork.
     *
     * @param params which benchmark this trial runs
     */
    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        loop = createLoop(params);
    }

    /** Closes the loop. */
    @TearDown(Level.Trial)
    public void tearDown() {
        loop.close();
    }

    static EventLoop createLoop(BenchmarkParams params) {
        EventLoop loop = EventLoop.create();
        String carrier = loop.runUntilComplete(() -> Thread.currentThread().toString());
        boolean own = carrier.contains("reactive-await-carrier");
        boolean wantOwn = params.getBenchmark().endsWith("OwnCarrier");
        if (own != wantOwn) {
            loop.close();
            throw new IllegalStateException(params.getBenchmark() + " runs its tasks on " + carrier
                    + ": own carrier " + (wantOwn ? "expected but not active (JVM flags?)" : "active unexpectedly"));
        }
        return loop;
    }

    /**
     * {@code tasks} tasks, each acquiring the lock, yielding once while holding it, releasing.
     *
     * @return a value for the blackhole
     */
    @Benchmark
    @OperationsPerInvocation(ACQUISITIONS)
    public int contended() {
        return contend(loop, tasks);
    }

    /**
     * The same, on the loop's own carrier.
     *
     * @return a value for the blackhole
     */
    @Benchmark
    @OperationsPerInvocation(ACQUISITIONS)
    @Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", JvmFlags.OWN_CARRIER_OPENS, JvmFlags.OWN_CARRIER_PROPERTY})
    public int contendedOwnCarrier() {
        return contend(loop, tasks);
    }

    private static int contend(EventLoop loop, int tasks) {
        return loop.runUntilComplete(() -> {
            Lock lock = new Lock();
            int each = ACQUISITIONS / tasks;
            List<Task<Integer>> all = new ArrayList<>(tasks);
            for (int t = 0; t < tasks; t++) {
                all.add(createTask(() -> {
                    int n = 0;
                    for (int i = 0; i < each; i++) {
                        lock.acquire();
                        try {
                            sleep(Duration.ZERO);
                            n++;
                        } finally {
                            lock.release();
                        }
                    }
                    return n;
                }));
            }
            int total = 0;
            for (int n : await(gather(all))) {
                total += n;
            }
            return total;
        });
    }

    /**
     * One task acquiring and releasing a free lock: the fast path, no suspension.
     *
     * @return a value for the blackhole
     */
    @Benchmark
    @OperationsPerInvocation(ACQUISITIONS)
    public int uncontended() {
        return loop.runUntilComplete(() -> {
            Lock lock = new Lock();
            int n = 0;
            for (int i = 0; i < ACQUISITIONS; i++) {
                lock.acquire();
                n++;
                lock.release();
            }
            return n;
        });
    }

    /**
     * Baseline: one task switch (two tasks alternating on {@code sleep(0)}), in the same run.
     *
     * @return a value for the blackhole
     */
    @Benchmark
    @OperationsPerInvocation(ACQUISITIONS)
    public int sleepZeroSwitch() {
        return sleepZeroPingPong(loop, ACQUISITIONS);
    }

    /**
     * Baseline on the loop's own carrier.
     *
     * @return a value for the blackhole
     */
    @Benchmark
    @OperationsPerInvocation(ACQUISITIONS)
    @Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", JvmFlags.OWN_CARRIER_OPENS, JvmFlags.OWN_CARRIER_PROPERTY})
    public int sleepZeroSwitchOwnCarrier() {
        return sleepZeroPingPong(loop, ACQUISITIONS);
    }

    /** {@code switches} switches: the main task and another each yield half as many times. */
    static int sleepZeroPingPong(EventLoop loop, int switches) {
        int half = switches / 2;
        return loop.runUntilComplete(() -> {
            Task<Integer> other = createTask(() -> {
                for (int i = 0; i < half; i++) {
                    sleep(Duration.ZERO);
                }
                return half;
            });
            for (int i = 0; i < half; i++) {
                sleep(Duration.ZERO);
            }
            return await(other) + half;
        });
    }
}
