package dev.reactiveawait.benchmarks;

import static dev.reactiveawait.Async.await;
import static dev.reactiveawait.Async.createTask;
import static dev.reactiveawait.Async.gather;
import static dev.reactiveawait.Async.sleep;

import dev.reactiveawait.Coroutine;
import dev.reactiveawait.EventLoop;
import dev.reactiveawait.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Spawn + gather: create {@code n} tasks that each yield once ({@code sleep(0)}), then await
 * {@code gather} of all of them. One invocation = {@code n} tasks; JMH reports time per
 * invocation, and ns per task is that score (and its error) divided by {@code n}
 * ({@code @OperationsPerInvocation} cannot depend on a {@code @Param}; the README and results
 * file show the division).
 *
 * <p>Fixed heap ({@code -Xms4g -Xmx4g}, pre-touched) on the default collector (G1), and a full GC
 * before every iteration ({@code @Setup(Level.Iteration)}, not timed) so each iteration starts from
 * the same heap: 1M suspended virtual threads are ~1 GB live and GC dominates the variance.
 *
 * <p>Five warm-up iterations, not three: at n = 1M the first two or three invocations of
 * {@code loopGather} (15–30 s each, against ~6 s later) hit a deoptimization storm. C2 compiles
 * {@code VirtualThread.run} while the first million task threads are all started and none has
 * ended yet, so the call in its {@code finally} ({@code StackableScope.popAll}) is still
 * unresolved and compiled as an uncommon trap; every one of the million threads then traps on its
 * way out (JFR: ~1M {@code jdk.Deoptimization} events per invocation), until the method is
 * recompiled.
 *
 * <ul>
 * <li>{@code loopGather}: our loop (created once per trial, reused).</li>
 * <li>{@code virtualThreadsParkUnpark}: baseline, {@code n} bare virtual threads that each
 *     {@code LockSupport.park()} once; the starter unparks each, then joins each (a thread that
 *     has not parked yet when unparked finds the permit and does not block).</li>
 * <li>{@code loopGatherOwnCarrier}: our loop on its own carrier (opt-in).</li>
 * <li>{@code virtualThreadsParkUnpark1Carrier}: the park/unpark baseline on one carrier, the
 *     parallelism our loop has (one task at a time): the bare threads no longer start and end on
 *     both cores at once.</li>
 * <li>{@code virtualThreadsYield}: baseline, {@code n} bare virtual threads that each
 *     {@code Thread.yield()} once (the closest analogue of {@code sleep(0)}), joined.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
@State(Scope.Benchmark)
public class SpawnGatherBenchmark {
    private static final Coroutine<@Nullable Object> YIELD_ONCE = () -> {
        sleep(Duration.ZERO);
        return null;
    };
    private static final Runnable PARK_ONCE = LockSupport::park;
    private static final Runnable YIELD_THREAD_ONCE = Thread::yield;

    /** Tasks (or threads) per invocation. */
    @Param({"10000", "1000000"})
    public int n;

    private EventLoop loop;
    private ThreadFactory virtualThreads;

    /** Creates the loop. */
    @Setup(Level.Trial)
    public void setUp() {
        loop = EventLoop.create();
        virtualThreads = Thread.ofVirtual().factory();
    }

    /** Starts every iteration from a collected heap (not timed). */
    @Setup(Level.Iteration)
    public void collect() {
        System.gc();
        System.gc();
    }

    /** Closes the loop. */
    @TearDown(Level.Trial)
    public void tearDown() {
        loop.close();
    }

    /**
     * Our loop: {@code n} tasks created inside the main task, then {@code await(gather(tasks))}.
     *
     * @return a value for the blackhole
     */
    @Benchmark
    public int loopGather() {
        int count = n;
        return loop.runUntilComplete(() -> {
            List<Task<@Nullable Object>> tasks = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                tasks.add(createTask(YIELD_ONCE));
            }
            return await(gather(tasks)).size();
        });
    }

    /**
     * Baseline: start {@code n} virtual threads that park once, unpark each, join each.
     *
     * @return a value for the blackhole
     * @throws InterruptedException never
     */
    @Benchmark
    public int virtualThreadsParkUnpark() throws InterruptedException {
        Thread[] threads = new Thread[n];
        for (int i = 0; i < threads.length; i++) {
            Thread t = virtualThreads.newThread(PARK_ONCE);
            t.start();
            threads[i] = t;
        }
        for (Thread t : threads) {
            LockSupport.unpark(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        return threads.length;
    }

    /**
     * Our loop on its own carrier (opt-in).
     *
     * @return a value for the blackhole
     */
    @Benchmark
    @Fork(value = 2, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch",
            JvmFlags.OWN_CARRIER_OPENS, JvmFlags.OWN_CARRIER_PROPERTY})
    public int loopGatherOwnCarrier() {
        return loopGather();
    }

    /**
     * Baseline on one carrier: the park/unpark baseline with the JDK scheduler's parallelism at 1.
     *
     * @return a value for the blackhole
     * @throws InterruptedException never
     */
    @Benchmark
    @Fork(value = 2, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch", JvmFlags.ONE_CARRIER})
    public int virtualThreadsParkUnpark1Carrier() throws InterruptedException {
        return virtualThreadsParkUnpark();
    }

    /**
     * Baseline: start {@code n} virtual threads that yield once, join each.
     *
     * @return a value for the blackhole
     * @throws InterruptedException never
     */
    @Benchmark
    public int virtualThreadsYield() throws InterruptedException {
        Thread[] threads = new Thread[n];
        for (int i = 0; i < threads.length; i++) {
            Thread t = virtualThreads.newThread(YIELD_THREAD_ONCE);
            t.start();
            threads[i] = t;
        }
        for (Thread t : threads) {
            t.join();
        }
        return threads.length;
    }
}
