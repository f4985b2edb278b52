package dev.reactiveawait.benchmarks;

import static dev.reactiveawait.Async.await;
import static dev.reactiveawait.Async.createTask;
import static dev.reactiveawait.Async.gatherSettled;
import static dev.reactiveawait.Async.sleep;

import dev.reactiveawait.EventLoop;
import dev.reactiveawait.Promise;
import dev.reactiveawait.Task;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * Heap per suspended task: a plain {@code main}, not a JMH benchmark, because it measures retained
 * heap (live bytes after full GCs), not time, and JMH has no mode for that.
 *
 * <p>Each round of each variant, on one JVM: preallocate the array that will hold the references,
 * take the heap used after three {@code System.gc()}s, suspend {@code tasks} tasks (or threads),
 * take the heap used after three more GCs, divide the difference by {@code tasks}, then release
 * them all. Variants alternate round by round so that drift hits them alike; the first round of
 * each is a warm-up and is not reported (class loading, JIT, the loop's ready queue and timer heap
 * growing to their working size).
 *
 * <ul>
 * <li>{@code loop sleep(1h)}: our tasks suspended in {@code sleep(Duration.ofHours(1))}, which
 *     includes a promise and a loop timer per task. The measured workload.</li>
 * <li>{@code loop await(promise)}: our tasks suspended awaiting a promise nobody completes (no
 *     timer): the cost of suspension alone, for comparison.</li>
 * <li>{@code VT park}: bare virtual threads in {@code LockSupport.park()}. The baseline.</li>
 * <li>{@code VT sleep(1h)}: bare virtual threads in {@code Thread.sleep(1h)} (a JDK timer each),
 *     for comparison.</li>
 * </ul>
 *
 * <p>Run: {@code java -Xms2g -Xmx2g -cp benchmarks/target/benchmarks.jar
 * dev.reactiveawait.benchmarks.SuspendedTaskMemoryBenchmark [tasks] [rounds]} (defaults 100000 and
 * 6); add the own-carrier flags to measure that mode, and {@code -Dhisto=true} to print which classes
 * grew per task (a class histogram diff, in a separate run: the histograms' own garbage and
 * full GCs are not wanted in the measured rounds).
 */
public final class SuspendedTaskMemoryBenchmark {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private SuspendedTaskMemoryBenchmark() {}

    /**
     * Runs the measurement and prints a Markdown table.
     *
     * @param args {@code [tasks] [rounds]}
     * @throws Exception if a round fails
     */
    public static void main(String[] args) throws Exception {
        int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        System.out.println("JVM " + Runtime.version() + ", " + ManagementFactory.getRuntimeMXBean().getInputArguments());
        System.out.println("GC " + ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList());
        System.out.println("carrier property: " + System.getProperty("dev.reactiveawait.carrier"));

        Map<String, double[]> results = new LinkedHashMap<>();
        results.put("loop sleep(1h)", new double[rounds]);
        results.put("loop await(promise)", new double[rounds]);
        results.put("VT park", new double[rounds]);
        results.put("VT sleep(1h)", new double[rounds]);
        try (EventLoop loop = EventLoop.create()) {
            System.out.println("loop tasks run on: " + loop.runUntilComplete(() -> Thread.currentThread().toString()));
            for (int r = 0; r < rounds; r++) {
                results.get("loop sleep(1h)")[r] = loopRound(loop, tasks, false);
                results.get("loop await(promise)")[r] = loopRound(loop, tasks, true);
                results.get("VT park")[r] = threadRound(tasks, false);
                results.get("VT sleep(1h)")[r] = threadRound(tasks, true);
                System.out.printf(Locale.ROOT, "round %d%s:", r, r == 0 ? " (warm-up)" : "");
                for (Map.Entry<String, double[]> e : results.entrySet()) {
                    System.out.printf(Locale.ROOT, "  %s %.0f B", e.getKey(), e.getValue()[r]);
                }
                System.out.println();
            }
        }

        double base = median(results.get("VT park"));
        System.out.println();
        System.out.printf(Locale.ROOT, "%d suspended tasks, %d measured rounds (after 1 warm-up)%n", tasks, rounds - 1);
        System.out.println("| variant | bytes/task median | min | max | ratio vs VT park |");
        System.out.println("|---|---|---|---|---|");
        for (Map.Entry<String, double[]> e : results.entrySet()) {
            double[] v = Arrays.copyOfRange(e.getValue(), 1, rounds);
            Arrays.sort(v);
            double m = median(e.getValue());
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.2f× |%n",
                    e.getKey(), m, v[0], v[v.length - 1], m / base);
        }
    }

    /** Median of the measured rounds (the first is the warm-up). */
    private static double median(double[] all) {
        double[] v = Arrays.copyOfRange(all, 1, all.length);
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** With {@code -Dhisto=true}: the class histogram before the tasks were created, per variant. */
    private static final Map<String, Map<String, long[]>> HISTO_BEFORE = new LinkedHashMap<>();
    private static final boolean HISTO = Boolean.getBoolean("histo");

    /**
     * With {@code -Dhisto=true}, prints per task the classes that grew between the last call for
     * {@code variant} with {@code count == 0} (before) and this one (after): where the bytes go.
     */
    private static void histogramDiff(String variant, int count) throws Exception {
        if (!HISTO) {
            return;
        }
        Map<String, long[]> now = histogram();
        if (count == 0) {
            HISTO_BEFORE.put(variant, now);
            return;
        }
        Map<String, long[]> before = HISTO_BEFORE.getOrDefault(variant, Map.of());
        List<Map.Entry<String, long[]>> grown = new ArrayList<>();
        for (Map.Entry<String, long[]> e : now.entrySet()) {
            long[] b = before.getOrDefault(e.getKey(), new long[2]);
            long[] d = {e.getValue()[0] - b[0], e.getValue()[1] - b[1]};
            if (d[1] >= count / 2) { // at least 0.5 B per task
                grown.add(Map.entry(e.getKey(), d));
            }
        }
        grown.sort((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1]));
        System.out.printf(Locale.ROOT, "  histogram growth, %s (per task):%n", variant);
        long total = 0;
        for (Map.Entry<String, long[]> e : grown) {
            total += e.getValue()[1];
            System.out.printf(Locale.ROOT, "    %8.2f objects %8.1f B  %s%n",
                    e.getValue()[0] / (double) count, e.getValue()[1] / (double) count, e.getKey());
        }
        System.out.printf(Locale.ROOT, "    total %.1f B%n", total / (double) count);
    }

    /** class name to {instances, bytes}, from the GC.class_histogram diagnostic command (after a full GC). */
    private static Map<String, long[]> histogram() throws Exception {
        javax.management.ObjectName name = new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand");
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(name, "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Map<String, long[]> result = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[0].endsWith(":")) {
                result.put(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
            }
        }
        return result;
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    /** One round on our loop; the measuring code runs in the main task while the others are suspended. */
    private static double loopRound(EventLoop loop, int count, boolean promise) {
        return loop.runUntilComplete(() -> {
            List<Task<@Nullable Object>> tasks = new ArrayList<>(count);
            Promise<@Nullable Object> never = Promise.create();
            long before = usedAfterGc();
            histogramDiff(promise ? "loop await(promise)" : "loop sleep(1h)", 0);
            for (int i = 0; i < count; i++) {
                tasks.add(promise
                        ? createTask(() -> await(never))
                        : createTask(() -> {
                            sleep(Duration.ofHours(1));
                            return null;
                        }));
            }
            sleep(Duration.ZERO); // every task runs its first step up to its suspension
            for (Task<?> t : tasks) {
                if (t.isDone()) {
                    throw new IllegalStateException(t + " is not suspended");
                }
            }
            long after = usedAfterGc();
            histogramDiff(promise ? "loop await(promise)" : "loop sleep(1h)", count);
            for (Task<?> t : tasks) {
                t.cancel();
            }
            await(gatherSettled(tasks));
            return (after - before) / (double) count;
        });
    }

    /** One round of bare virtual threads, parked or sleeping an hour. */
    private static double threadRound(int count, boolean sleepHour) throws Exception {
        Thread[] threads = new Thread[count];
        Runnable body = sleepHour
                ? () -> {
                    try {
                        Thread.sleep(Duration.ofHours(1));
                    } catch (InterruptedException e) {
                        // released
                    }
                }
                : () -> LockSupport.park();
        long before = usedAfterGc();
        histogramDiff(sleepHour ? "VT sleep(1h)" : "VT park", 0);
        for (int i = 0; i < count; i++) {
            threads[i] = Thread.ofVirtual().start(body);
        }
        for (Thread t : threads) {
            Thread.State want = sleepHour ? Thread.State.TIMED_WAITING : Thread.State.WAITING;
            while (t.getState() != want) {
                Thread.sleep(1);
            }
        }
        long after = usedAfterGc();
        histogramDiff(sleepHour ? "VT sleep(1h)" : "VT park", count);
        for (Thread t : threads) {
            if (sleepHour) {
                t.interrupt();
            } else {
                LockSupport.unpark(t);
            }
        }
        for (Thread t : threads) {
            t.join();
        }
        return (after - before) / (double) count;
    }
}
