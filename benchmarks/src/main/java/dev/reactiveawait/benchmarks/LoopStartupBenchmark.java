package dev.reactiveawait.benchmarks;

import static dev.reactiveawait.Async.sleep;

import dev.reactiveawait.EventLoop;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the opt-in JMX bean ({@code -Ddev.reactiveawait.jmx=true}) costs a cold JVM: the first loop's
 * first run (create, run a task that yields once, close) in a fresh JVM, with and without it. One
 * shot per fork, no warm-up: this is startup cost, what a CLI or a test JVM pays once. With JMX the
 * run also creates the platform MBean server and registers the loop's bean.
 *
 * <p>The fork's JVM has not touched JMX before the shot (JMH's forked side does not create the
 * platform MBean server), so {@code jmx=true} measures the full first-registration cost.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 10, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@State(Scope.Benchmark)
public class LoopStartupBenchmark {

    /** Whether loops register their JMX bean. */
    @Param({"false", "true"})
    public boolean jmx;

    /** Sets the property before the loop's first run, where it is read. */
    @Setup
    public void setUp() {
        System.setProperty("dev.reactiveawait.jmx", Boolean.toString(jmx));
    }

    /**
     * The first loop of the JVM: create, run a task that yields once, close.
     *
     * @return the task's result
     */
    @Benchmark
    public int firstLoop() {
        try (EventLoop loop = EventLoop.create()) {
            return loop.runUntilComplete(() -> {
                sleep(Duration.ZERO);
                return 42;
            });
        }
    }
}
