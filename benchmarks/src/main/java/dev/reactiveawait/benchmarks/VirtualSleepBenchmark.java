package dev.reactiveawait.benchmarks;

import static dev.reactiveawait.Async.await;
import static dev.reactiveawait.Async.createTask;
import static dev.reactiveawait.Async.gather;
import static dev.reactiveawait.Async.sleep;

import dev.reactiveawait.Async;
import dev.reactiveawait.EventLoop;
import dev.reactiveawait.LoopClock;
import dev.reactiveawait.Promise;
import dev.reactiveawait.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * Virtual time (issue 6, "Proof"): {@value #TASKS} tasks each sleeping a random 1..3600 virtual
 * seconds (fixed seed), then gathered, on {@code Async.run(LoopClock.virtual(), ...)}, vs the same
 * number of {@code Mono.delay}s with the same delays on reactor-test's
 * {@code VirtualTimeScheduler}, all subscribed, then {@code advanceTimeBy(1 h)}. Target: our wall
 * time at most 1× the baseline's. One invocation = all {@value #TASKS}; score is ms per invocation.
 * A fresh loop (and a fresh scheduler) per invocation, as a test gets.
 * <pre>
 *   java -jar benchmarks/target/benchmarks.jar VirtualSleepBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class VirtualSleepBenchmark {
    static final int TASKS = 100_000;
    private static final long SEED = 42;

    /** Delays in seconds, 1..3600, the same for both sides. */
    private long[] delaySeconds;
    /** Task indexes in the order their timers fire: by delay, then by creation. */
    private int[] wakeOrder;

    /** Draws the delays. */
    @Setup(Level.Trial)
    public void drawDelays() {
        Random random = new Random(SEED);
        delaySeconds = new long[TASKS];
        for (int i = 0; i < TASKS; i++) {
            delaySeconds[i] = 1 + random.nextInt(3600);
        }
        long[] d = delaySeconds;
        wakeOrder = java.util.stream.IntStream.range(0, TASKS).boxed()
                .sorted(java.util.Comparator.<Integer>comparingLong(i -> d[i]).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
    }

    /** Starts every iteration from a collected heap (not timed). */
    @Setup(Level.Iteration)
    public void collect() {
        System.gc();
    }

    /**
     * Ours: {@value #TASKS} sleeping tasks gathered on a virtual-clock loop.
     *
     * @return how many completed
     */
    @Benchmark
    public int loopVirtualSleepGather() {
        long[] delays = delaySeconds;
        int done = Async.run(LoopClock.virtual(), () -> {
            List<Task<@Nullable Object>> tasks = new ArrayList<>(delays.length);
            for (long d : delays) {
                Duration delay = Duration.ofSeconds(d);
                tasks.add(createTask(() -> {
                    sleep(delay);
                    return null;
                }));
            }
            return await(gather(tasks)).size();
        });
        if (done != TASKS) {
            throw new IllegalStateException("gathered " + done);
        }
        return done;
    }

    /**
     * Ours on the default scheduler limited to one carrier (a public JDK flag).
     *
     * @return how many completed
     */
    @Benchmark
    @Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g", JvmFlags.ONE_CARRIER})
    public int loopVirtualSleepGather1Carrier() {
        return loopVirtualSleepGather();
    }

    /**
     * Ours on the loop's own carrier (opt-in).
     *
     * @return how many completed
     */
    @Benchmark
    @Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g", JvmFlags.OWN_CARRIER_OPENS, JvmFlags.OWN_CARRIER_PROPERTY})
    public int loopVirtualSleepGatherOwnCarrier() {
        return loopVirtualSleepGather();
    }

    /**
     * The same timers as callbacks, no task per sleeper: {@value #TASKS} {@code callLater}s on a
     * virtual-clock loop, the main task awaiting a promise the last one completes. What our
     * virtual time itself costs (timer heap, clock jumps, callbacks), the counterpart of the
     * baseline's scheduler of plain runnables.
     *
     * @return how many completed
     */
    @Benchmark
    public int loopVirtualCallLater() {
        long[] delays = delaySeconds;
        int done = Async.run(LoopClock.virtual(), () -> {
            EventLoop loop = Async.currentLoop();
            Promise<Integer> all = Promise.create();
            int[] fired = {0};
            Runnable tick = () -> {
                if (++fired[0] == delays.length) {
                    all.succeed(fired[0]);
                }
            };
            for (long d : delays) {
                loop.callLater(Duration.ofSeconds(d), tick);
            }
            return await(all);
        });
        if (done != TASKS) {
            throw new IllegalStateException("fired " + done);
        }
        return done;
    }

    /**
     * Floor of one virtual thread per sleeper (no loop, no timers): {@value #TASKS} virtual
     * threads each park; one platform thread unparks them in deadline order (the order our timers
     * fire) and joins them all. What the JDK alone costs for this shape of work.
     *
     * @return how many completed
     */
    @Benchmark
    public int virtualThreadsUnparkedInDeadlineOrder() throws InterruptedException {
        int n = wakeOrder.length;
        Thread[] threads = new Thread[n];
        java.util.concurrent.CountDownLatch parked = new java.util.concurrent.CountDownLatch(n);
        boolean[] woken = new boolean[n];
        for (int i = 0; i < n; i++) {
            int me = i;
            threads[i] = Thread.ofVirtual().start(() -> {
                parked.countDown();
                while (!wokenRead(woken, me)) {
                    java.util.concurrent.locks.LockSupport.park();
                }
            });
        }
        parked.await();
        for (int i : wakeOrder) {
            wokenWrite(woken, i);
            java.util.concurrent.locks.LockSupport.unpark(threads[i]);
        }
        for (Thread t : threads) {
            t.join();
        }
        return n;
    }

    private static final java.lang.invoke.VarHandle WOKEN =
            java.lang.invoke.MethodHandles.arrayElementVarHandle(boolean[].class);

    private static boolean wokenRead(boolean[] woken, int i) {
        return (boolean) WOKEN.getVolatile(woken, i);
    }

    private static void wokenWrite(boolean[] woken, int i) {
        WOKEN.setVolatile(woken, i, true);
    }

    /**
     * Baseline: {@value #TASKS} {@code Mono.delay}s on a {@code VirtualTimeScheduler}, advanced by
     * one hour.
     *
     * @return how many completed
     */
    @Benchmark
    public int reactorVirtualTimeScheduler() {
        VirtualTimeScheduler scheduler = VirtualTimeScheduler.create();
        try {
            AtomicInteger completed = new AtomicInteger();
            for (long d : delaySeconds) {
                Mono.delay(Duration.ofSeconds(d), scheduler).subscribe(tick -> completed.incrementAndGet());
            }
            scheduler.advanceTimeBy(Duration.ofHours(1));
            int done = completed.get();
            if (done != TASKS) {
                throw new IllegalStateException("completed " + done);
            }
            return done;
        } finally {
            scheduler.dispose();
        }
    }
}
