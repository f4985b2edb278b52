package dev.reactiveawait.benchmarks;

import static dev.reactiveawait.Async.await;
import static dev.reactiveawait.Async.createTask;

import dev.reactiveawait.EventLoop;
import dev.reactiveawait.Task;
import dev.reactiveawait.sync.Queue;
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
 * A producer and a consumer task pass {@value #ITEMS} items through a {@link Queue}. Score:
 * nanoseconds per item.
 *
 * <p>With {@code maxsize = 1} every item is a handoff: the producer's {@code put} suspends until the
 * consumer's {@code get} takes the previous item, so each item costs about two task switches. With
 * {@code maxsize = 0} (unbounded) the producer runs ahead and the consumer drains in bulk, so few
 * switches are needed: that is the bookkeeping of {@code put}/{@code get} without suspension. The
 * same-run baseline {@code sleepZeroSwitch} is one task switch ({@code sleep(0)} ping-pong), so
 * {@code handoff(maxsize=1) / sleepZeroSwitch} near 2 means the queue adds little. CPython's
 * {@code asyncio.Queue} ping-pong costs ~3.8 µs per exchange on this kind of machine (DESIGN.md §9).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class QueuePingPongBenchmark {
    /** Items (or switches, for the baseline) per invocation. */
    public static final int ITEMS = 10_000;

    /** The queue's capacity: 1 forces a handoff per item, 0 is unbounded. */
    @Param({"1", "0"})
    public int maxsize;

    private EventLoop loop;

    /**
     * Creates the loop, reused by every invocation, and checks the carrier mode of the fork.
     *
     * @param params which benchmark this trial runs
     */
    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        loop = LockContentionBenchmark.createLoop(params);
    }

    /** Closes the loop. */
    @TearDown(Level.Trial)
    public void tearDown() {
        loop.close();
    }

    /**
     * Producer puts, consumer gets, on the default scheduler.
     *
     * @return a value for the blackhole
     */
    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public long handoff() {
        return pass(loop, maxsize);
    }

    /**
     * The same, on the loop's own carrier.
     *
     * @return a value for the blackhole
     */
    @Benchmark
    @OperationsPerInvocation(ITEMS)
    @Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", JvmFlags.OWN_CARRIER_OPENS,
            JvmFlags.OWN_CARRIER_PROPERTY})
    public long handoffOwnCarrier() {
        return pass(loop, maxsize);
    }

    private static long pass(EventLoop loop, int maxsize) {
        return loop.runUntilComplete(() -> {
            Queue<Integer> q = new Queue<>(maxsize);
            Task<Long> consumer = createTask(() -> {
                long sum = 0;
                for (int i = 0; i < ITEMS; i++) {
                    sum += q.get();
                }
                return sum;
            });
            for (int i = 0; i < ITEMS; i++) {
                q.put(i);
            }
            return await(consumer);
        });
    }

    /**
     * Baseline: one task switch ({@code sleep(0)} ping-pong), in the same run. Not a function of
     * {@code maxsize}; JMH runs it once per value all the same.
     *
     * @return a value for the blackhole
     */
    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public int sleepZeroSwitch() {
        return LockContentionBenchmark.sleepZeroPingPong(loop, ITEMS);
    }
}
