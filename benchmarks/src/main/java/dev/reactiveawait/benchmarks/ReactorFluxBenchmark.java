package dev.reactiveawait.benchmarks;

import dev.reactiveawait.EventLoop;
import dev.reactiveawait.reactor.ReactorTasks;
import java.util.concurrent.TimeUnit;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * The publisher side of the Reactor bridge (issue 3, "Proof"): a coroutine emitting
 * {@value #ITEMS} ints through {@code ReactorTasks.flux} into {@code reduce().block()} vs the same
 * through {@code Flux.create} (the target: at least its throughput) and {@code Flux.generate}.
 * The coroutine runs on a long-lived loop served by a background thread, as in a server; the
 * benchmark thread subscribes and blocks, so every request crosses threads as in production.
 * <pre>
 *   java -jar benchmarks/target/benchmarks.jar ReactorFluxBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = "-Xmx1g")
@State(Scope.Benchmark)
public class ReactorFluxBenchmark {
    static final int ITEMS = 1_000_000;

    EventLoop loop;
    Thread loopThread;
    Flux<Integer> coroutineFlux;
    final Flux<Integer> created = Flux.create(sink -> {
        for (int i = 0; i < ITEMS; i++) {
            sink.next(i);
        }
        sink.complete();
    }, FluxSink.OverflowStrategy.BUFFER);
    final Flux<Integer> generated = Flux.generate(() -> 0, (i, sink) -> {
        if (i < ITEMS) {
            sink.next(i);
        } else {
            sink.complete();
        }
        return i + 1;
    });

    @Setup(Level.Trial)
    public void startLoop() {
        loop = EventLoop.create();
        loopThread = Thread.ofPlatform().name("bench-loop").daemon().start(loop::runForever);
        coroutineFlux = ReactorTasks.flux(loop, emitter -> {
            for (int i = 0; i < ITEMS; i++) {
                emitter.emit(i);
            }
        });
    }

    @TearDown(Level.Trial)
    public void stopLoop() throws InterruptedException {
        loop.stop();
        loopThread.join();
        loop.close();
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public Integer coroutineFluxEmit() {
        return coroutineFlux.reduce(0, Integer::sum).block();
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public Integer fluxCreate() {
        return created.reduce(0, Integer::sum).block();
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public Integer fluxGenerate() {
        return generated.reduce(0, Integer::sum).block();
    }
}
