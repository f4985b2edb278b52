package dev.reactiveawait.examples;

import static dev.reactiveawait.Async.createTask;
import static dev.reactiveawait.Async.gather;
import static dev.reactiveawait.Async.sleep;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reactiveawait.Async;
import dev.reactiveawait.Awaitable;
import dev.reactiveawait.EventLoop;
import dev.reactiveawait.LoopClock;
import dev.reactiveawait.Promise;
import dev.reactiveawait.Task;
import dev.reactiveawait.TaskDump;
import dev.reactiveawait.reactor.ReactorAwait;
import dev.reactiveawait.rxjava3.RxAwait;
import dev.reactiveawait.sync.Event;
import dev.reactiveawait.sync.Semaphore;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.plugins.RxJavaPlugins;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Many tasks over several loops, each loop on a platform thread of its own, with random
 * cancellations (from the loop and from other threads) and completions from other threads: promises
 * completed by a plain thread pool and by {@code toThread} workers, Monos on Reactor's parallel
 * scheduler, Singles and Flowables on RxJava's computation scheduler (issue #7, "Hardening"). Checked:
 * <ul>
 * <li>no lost completion: every task ends exactly once (its done-callback counted per task id) with
 *     its own value, its own deliberate failure, or cancelled, and only tasks that were asked to
 *     cancel end cancelled;</li>
 * <li>no task stuck: the run ends within a wall-clock bound, else the failure prints each loop's
 *     {@link EventLoop#dump()};</li>
 * <li>no leaked subscription: each Mono, Single and Flowable counts its subscribe
 *     ({@code doOnSubscribe}) and its end ({@code doFinally}: complete, error or cancel), equal
 *     after the run; no error dropped to Reactor's or RxJava's hooks;</li>
 * <li>memory returns to its baseline: heap used after {@code System.gc()} (MemoryMXBean), before
 *     and after the run, within a tolerance of {@value #HEAP_TOLERANCE_MB} MB (GC and JIT noise;
 *     a leak of one suspended task per task id would be 500+ MB at the full run).</li>
 * </ul>
 *
 * <p>Short by default (20,000 tasks); {@code -Pstress} runs 1,000,000. Properties:
 * {@code stress.tasks}, {@code stress.loops} (4), {@code stress.seed} (replays a seed: the
 * workload, each task's kind and each cancel decision, not the threads' interleaving),
 * {@code stress.timeoutSeconds} (wall-clock bound of the run).
 */
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class LoopStressTest {
    private static final int TASKS = Integer.getInteger("stress.tasks", 20_000);
    private static final int LOOPS = Integer.getInteger("stress.loops", 4);
    private static final long TIMEOUT_SECONDS = Long.getLong("stress.timeoutSeconds", 120);
    /** Tasks in flight per loop at a time. */
    private static final int WINDOW = 500;
    static final long HEAP_TOLERANCE_MB = 64;

    private final LongAdder droppedErrors = new LongAdder();
    private final Queue<Throwable> dropped = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void countDroppedErrors() {
        Consumer<Throwable> drop = e -> {
            droppedErrors.increment();
            dropped.add(e);
        };
        Hooks.onErrorDropped(drop);
        RxJavaPlugins.setErrorHandler(drop::accept);
    }

    @AfterEach
    void resetHooks() {
        Hooks.resetOnErrorDropped();
        RxJavaPlugins.setErrorHandler(null);
    }

    /** A failure a task body throws on purpose: an outcome, not a bug. */
    static final class Deliberate extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int id;

        Deliberate(int id) {
            super("deliberate failure of task " + id, null, false, false);
            this.id = id;
        }
    }

    /** Counters shared by every loop of one run. */
    static final class Counts {
        final LongAdder results = new LongAdder();
        final LongAdder failures = new LongAdder();
        final LongAdder cancels = new LongAdder();
        final LongAdder cancelRequests = new LongAdder();
        final LongAdder reactorSubscribed = new LongAdder();
        final LongAdder reactorEnded = new LongAdder();
        final LongAdder rxSubscribed = new LongAdder();
        final LongAdder rxEnded = new LongAdder();
        final Queue<String> problems = new ConcurrentLinkedQueue<>();

        void problem(String p) {
            if (problems.size() < 20) {
                problems.add(p);
            }
        }
    }

    /** One loop's share: task ids {@code [first, first + count)}. */
    static final class Share {
        final EventLoop loop = EventLoop.create(LoopClock.system());
        final int first;
        final int count;
        /** Loop-only: how often each task ended (its done-callback ran). */
        final int[] ends;
        /** Set before a cancel is asked, from the loop (plain array: read after the run). */
        final boolean[] cancelAsked;
        final Random random;
        final CompletableFuture<Void> finished = new CompletableFuture<>();
        Thread thread;

        Share(int first, int count, long seed) {
            this.first = first;
            this.count = count;
            this.ends = new int[count];
            this.cancelAsked = new boolean[count];
            this.random = new Random(seed);
        }
    }

    @Test
    void manyTasksOverSeveralLoopsEndExactlyOnceLeakNoSubscriptionAndNoMemory() throws Exception {
        long seed = Long.getLong("stress.seed", new SecureRandom().nextLong());
        try {
            run(seed ^ 0x5DEECE66DL, Math.min(TASKS, 4_000), null); // warm up: classes, JIT, scheduler threads
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            long before = usedHeapAfterGc(memory);
            long start = System.nanoTime();
            Counts c = run(seed, TASKS, TIMEOUT_SECONDS);
            long wallMillis = (System.nanoTime() - start) / 1_000_000;
            long after = usedHeapAfterGc(memory);

            System.out.printf("LoopStressTest: %,d tasks over %d loops in %,d ms (seed %d): %,d results, %,d deliberate "
                    + "failures, %,d cancelled of %,d cancel requests; Reactor %,d subscribed / %,d ended, RxJava %,d / %,d; "
                    + "heap after GC %,d MB before, %,d MB after%n", TASKS, LOOPS, wallMillis, seed, c.results.sum(),
                    c.failures.sum(), c.cancels.sum(), c.cancelRequests.sum(), c.reactorSubscribed.sum(),
                    c.reactorEnded.sum(), c.rxSubscribed.sum(), c.rxEnded.sum(), before >> 20, after >> 20);

            assertThat(c.problems).as("lost or wrong completions").isEmpty();
            assertThat(c.results.sum() + c.failures.sum() + c.cancels.sum()).as("every task ended once").isEqualTo(TASKS);
            assertThat(c.cancels.sum()).as("only tasks asked to cancel are cancelled").isLessThanOrEqualTo(c.cancelRequests.sum());
            assertThat(c.results.sum()).as("most tasks completed with their value").isGreaterThan(TASKS / 2);
            assertThat(c.reactorSubscribed.sum()).as("Reactor subscriptions, each ended once").isPositive()
                    .isEqualTo(c.reactorEnded.sum());
            assertThat(c.rxSubscribed.sum()).as("RxJava subscriptions, each ended once").isPositive()
                    .isEqualTo(c.rxEnded.sum());
            assertThat(droppedErrors.sum()).as("errors dropped to the hooks: " + dropped).isZero();
            assertThat((after - before) >> 20).as("heap growth over the run, MB (before %d MB, after %d MB)",
                    before >> 20, after >> 20).isLessThanOrEqualTo(HEAP_TOLERANCE_MB);
        } catch (AssertionError | TimeoutException e) {
            throw new AssertionError("LoopStressTest failed with seed " + seed + " (replay: -Dstress.seed=" + seed
                    + "): " + e.getMessage(), e);
        }
    }

    private static long usedHeapAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /**
     * Runs {@code tasks} tasks over {@link #LOOPS} loops; with a {@code timeoutSeconds}, a run that
     * does not end in time fails with each loop's task dump.
     */
    private Counts run(long seed, int tasks, Long timeoutSeconds) throws Exception {
        Counts c = new Counts();
        ExecutorService completers = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "stress-completer");
            t.setDaemon(true);
            return t;
        });
        List<Share> shares = new ArrayList<>();
        try {
            int per = tasks / LOOPS;
            for (int i = 0; i < LOOPS; i++) {
                int count = i == LOOPS - 1 ? tasks - per * (LOOPS - 1) : per;
                Share s = new Share(i * per, count, seed + i);
                shares.add(s);
                s.thread = Thread.ofPlatform().daemon().name("stress-loop-" + i).start(s.loop::runForever);
                s.loop.submit(() -> {
                    drive(s, c, completers);
                    return null;
                }).whenComplete((v, e) -> {
                    if (e != null) {
                        s.finished.completeExceptionally(e);
                    } else {
                        s.finished.complete(null);
                    }
                });
            }
            CompletableFuture<Void> all = CompletableFuture.allOf(shares.stream().map(s -> s.finished).toArray(CompletableFuture[]::new));
            try {
                all.get(timeoutSeconds == null ? 600 : timeoutSeconds, TimeUnit.SECONDS);
            } catch (TimeoutException stuck) {
                StringBuilder dumps = new StringBuilder();
                for (Share s : shares) {
                    dumps.append("\n--- ").append(s.thread.getName()).append(": ");
                    try {
                        TaskDump d = s.loop.dumpAsync().get(5, TimeUnit.SECONDS);
                        dumps.append(d.tasks().size()).append(" pending tasks\n").append(d);
                    } catch (Exception e) {
                        dumps.append("no dump: ").append(e);
                    }
                }
                System.err.println("LoopStressTest: tasks stuck after " + timeoutSeconds + " s" + dumps);
                TimeoutException t = new TimeoutException("tasks stuck after " + timeoutSeconds + " s; dumps:" + dumps);
                t.initCause(stuck);
                throw t;
            }
            for (Share s : shares) {
                for (int i = 0; i < s.count; i++) {
                    if (s.ends[i] != 1) {
                        c.problem("task " + (s.first + i) + " ended " + s.ends[i] + " times");
                    }
                }
            }
            awaitSubscriptionsEnded(c);
        } finally {
            for (Share s : shares) {
                s.loop.stop();
                s.thread.join(TimeUnit.SECONDS.toMillis(30));
                if (!s.thread.isAlive()) {
                    s.loop.close();
                }
            }
            completers.shutdownNow();
        }
        return c;
    }

    /** {@code doFinally} runs right after the terminal signal reached our subscriber: wait a bounded time for it. */
    private static void awaitSubscriptionsEnded(Counts c) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((c.reactorSubscribed.sum() != c.reactorEnded.sum() || c.rxSubscribed.sum() != c.rxEnded.sum())
                && System.nanoTime() < deadline) {
            LockSupport.parkNanos(1_000_000);
        }
    }

    /** The driver task of one loop: creates its tasks, at most {@link #WINDOW} in flight, and waits for all. */
    private static void drive(Share s, Counts c, ExecutorService completers) {
        Semaphore window = new Semaphore(WINDOW);
        Event allEnded = new Event();
        int[] ended = {0};
        for (int i = 0; i < s.count; i++) {
            int idx = i;
            int id = s.first + i;
            int kind = s.random.nextInt(100);
            int cancelMode = s.random.nextInt(100); // < 6: cancel from the loop, < 12: from another thread
            int yields = s.random.nextInt(3);
            window.acquire();
            Task<Integer> t = createTask(() -> body(id, kind, yields, c, completers));
            t.addDoneCallback(done -> {
                s.ends[idx]++;
                record(id, s.cancelAsked[idx], done, c);
                window.release();
                if (++ended[0] == s.count) {
                    allEnded.set();
                }
            });
            if (cancelMode < 6) {
                s.cancelAsked[idx] = true;
                c.cancelRequests.increment();
                if (cancelMode < 3) {
                    t.cancel("from the loop, before its first step");
                } else {
                    s.loop.callSoon(() -> t.cancel("from the loop, later"));
                }
            } else if (cancelMode < 12) {
                s.cancelAsked[idx] = true;
                c.cancelRequests.increment();
                completers.execute(() -> t.cancel("from another thread"));
            }
        }
        allEnded.await();
    }

    private static void record(int id, boolean cancelAsked, Awaitable<Integer> done, Counts c) {
        if (done.isCancelled()) {
            if (!cancelAsked) {
                c.problem("task " + id + " was cancelled without a cancel request");
            }
            c.cancels.increment();
            return;
        }
        Throwable e = done.exception();
        if (e == null) {
            Integer value = done.result();
            if (value == null || value != id) {
                c.problem("task " + id + " returned " + value);
            }
            c.results.increment();
        } else if (e instanceof Deliberate d && d.id == id) {
            c.failures.increment();
        } else {
            c.problem("task " + id + " failed with " + e);
        }
    }

    /** One task's work, chosen by {@code kind}: each completes on another thread or yields. */
    private static int body(int id, int kind, int yields, Counts c, ExecutorService completers) {
        for (int i = 0; i < yields; i++) {
            sleep(Duration.ZERO);
        }
        if (kind < 25) { // a promise completed by a plain thread
            Promise<Integer> p = Promise.create();
            completers.execute(() -> p.trySucceed(id));
            return Async.await(p);
        }
        if (kind < 45) { // a Mono completed on Reactor's parallel scheduler
            Mono<Integer> mono = Mono.fromCallable(() -> id)
                    .subscribeOn(Schedulers.parallel())
                    .doOnSubscribe(sub -> c.reactorSubscribed.increment())
                    .doFinally(signal -> c.reactorEnded.increment());
            Integer v = ReactorAwait.await(mono);
            return v == null ? -1 : v;
        }
        if (kind < 60) { // a Single completed on RxJava's computation scheduler
            return RxAwait.await(Single.fromCallable(() -> id)
                    .subscribeOn(io.reactivex.rxjava3.schedulers.Schedulers.computation())
                    .doOnSubscribe(d -> c.rxSubscribed.increment())
                    .doFinally(c.rxEnded::increment));
        }
        if (kind < 70) { // a Flowable of three, observed on RxJava's computation scheduler
            return RxAwait.awaitLast(Flowable.range(id - 2, 3)
                    .observeOn(io.reactivex.rxjava3.schedulers.Schedulers.computation())
                    .doOnSubscribe(sub -> c.rxSubscribed.increment())
                    .doFinally(c.rxEnded::increment));
        }
        if (kind < 80) { // a child task gathered
            return Async.await(gather(createTask(() -> {
                sleep(Duration.ZERO);
                return id;
            }))).get(0);
        }
        if (kind < 88) { // a short timer on the loop's clock
            sleep(Duration.ofNanos(1 + (id % 50_000)));
            return id;
        }
        if (kind < 94) { // fails on purpose
            sleep(Duration.ZERO);
            throw new Deliberate(id);
        }
        return Async.toThread(() -> id); // completed by the default executor's worker thread
    }
}
