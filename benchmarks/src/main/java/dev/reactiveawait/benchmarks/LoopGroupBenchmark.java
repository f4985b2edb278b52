package dev.reactiveawait.benchmarks;

import static dev.reactiveawait.Async.await;
import static dev.reactiveawait.Async.createTask;
import static dev.reactiveawait.Async.gather;
import static dev.reactiveawait.Async.sleep;

import dev.reactiveawait.Coroutine;
import dev.reactiveawait.EventLoop;
import dev.reactiveawait.LoopGroup;
import dev.reactiveawait.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of independent tasks on a {@link LoopGroup} of 1 or 2 loops ({@code @Param loops}):
 * how it grows when a second loop can use the second core. Score: tasks per second
 * ({@code @OperationsPerInvocation(TASKS)}: one invocation runs {@link #TASKS} tasks to completion).
 *
 * <p>Each task is a small independent job: {@link #YIELDS} times a burst of CPU work
 * ({@code Blackhole.consumeCPU(WORK_TOKENS)}) followed by {@code sleep(Duration.ZERO)} (a yield
 * through the loop's ready queue), then a last burst. The group is created once per trial and
 * reused, as a server's is.
 *
 * <ul>
 * <li>{@code submitEach}: the benchmark thread submits every task with {@link LoopGroup#submit}
 *     (round-robin, through each loop's thread-safe inbox), then joins every future: the way work
 *     arrives from outside (connections from an acceptor thread).</li>
 * <li>{@code spawnOnEachLoop}: one submission per loop, whose task creates its share of the tasks
 *     on its own loop and gathers them: the loops' own throughput, without cross-thread traffic
 *     per task.</li>
 * <li>{@code ...OwnCarrier}: the same on the opt-in own carrier (each loop's tasks on one platform
 *     thread of its own; a separate fork with the flags, checked by the setup).</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class LoopGroupBenchmark {
    /** Tasks per invocation. */
    public static final int TASKS = 4_000;
    /** Yields per task. */
    public static final int YIELDS = 4;
    /** CPU work per burst ({@code Blackhole.consumeCPU} tokens; a burst is roughly 0.3–0.6 µs here). */
    public static final long WORK_TOKENS = 200;

    private static final Coroutine<Integer> JOB = () -> {
        for (int i = 0; i < YIELDS; i++) {
            Blackhole.consumeCPU(WORK_TOKENS);
            sleep(Duration.ZERO);
        }
        Blackhole.consumeCPU(WORK_TOKENS);
        return 1;
    };

    /** Loops in the group. */
    @Param({"1", "2"})
    public int loops;

    private LoopGroup group;

    /**
     * Creates the group and checks the fork runs the variant it claims (own carrier or not).
     *
     * @param params which benchmark this trial runs
     */
    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        group = LoopGroup.create(loops);
        String carrier = group.submit(() -> Thread.currentThread().toString()).join();
        boolean own = carrier.contains("reactive-await-carrier");
        boolean wantOwn = params.getBenchmark().endsWith("OwnCarrier");
        if (own != wantOwn) {
            throw new IllegalStateException(params.getBenchmark() + " runs its tasks on " + carrier
                    + ": own carrier " + (wantOwn ? "expected but not active (JVM flags?)" : "active unexpectedly"));
        }
    }

    /** Closes the group. */
    @TearDown(Level.Trial)
    public void tearDown() {
        group.close();
    }

    /**
     * Every task submitted from the benchmark thread, round-robin; then every future joined.
     *
     * @return a value for the blackhole
     */
    @Benchmark
    @OperationsPerInvocation(TASKS)
    public int submitEach() {
        return submitEach(group);
    }

    /**
     * One batch per loop, each creating and gathering its share of the tasks on its own loop.
     *
     * @return a value for the blackhole
     */
    @Benchmark
    @OperationsPerInvocation(TASKS)
    public int spawnOnEachLoop() {
        return spawnOnEachLoop(group);
    }

    /**
     * {@link #submitEach()} on the opt-in own carrier.
     *
     * @return a value for the blackhole
     */
    @Benchmark
    @OperationsPerInvocation(TASKS)
    @Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", JvmFlags.OWN_CARRIER_OPENS, JvmFlags.OWN_CARRIER_PROPERTY})
    public int submitEachOwnCarrier() {
        return submitEach(group);
    }

    /**
     * {@link #spawnOnEachLoop()} on the opt-in own carrier.
     *
     * @return a value for the blackhole
     */
    @Benchmark
    @OperationsPerInvocation(TASKS)
    @Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", JvmFlags.OWN_CARRIER_OPENS, JvmFlags.OWN_CARRIER_PROPERTY})
    public int spawnOnEachLoopOwnCarrier() {
        return spawnOnEachLoop(group);
    }

    private static int submitEach(LoopGroup group) {
        List<CompletableFuture<Integer>> futures = new ArrayList<>(TASKS);
        for (int i = 0; i < TASKS; i++) {
            futures.add(group.submit(JOB));
        }
        int done = 0;
        for (CompletableFuture<Integer> f : futures) {
            done += f.join();
        }
        return check(done);
    }

    private static int spawnOnEachLoop(LoopGroup group) {
        List<EventLoop> all = group.loops();
        List<CompletableFuture<Integer>> batches = new ArrayList<>(all.size());
        for (int l = 0; l < all.size(); l++) {
            int share = TASKS / all.size() + (l < TASKS % all.size() ? 1 : 0);
            batches.add(all.get(l).submit(() -> {
                List<Task<Integer>> tasks = new ArrayList<>(share);
                for (int i = 0; i < share; i++) {
                    tasks.add(createTask(JOB));
                }
                int sum = 0;
                for (int one : await(gather(tasks))) {
                    sum += one;
                }
                return sum;
            }));
        }
        int done = 0;
        for (CompletableFuture<Integer> b : batches) {
            done += b.join();
        }
        return check(done);
    }

    private static int check(int done) {
        if (done != TASKS) {
            throw new IllegalStateException(done + " of " + TASKS + " tasks completed");
        }
        return done;
    }
}
