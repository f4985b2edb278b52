package dev.reactiveawait.benchmarks;

import static dev.reactiveawait.reactor.ReactorAwait.await;
import static dev.reactiveawait.reactor.ReactorAwait.iterate;

import dev.reactiveawait.Async;
import dev.reactiveawait.LoopClock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The await side of the Reactor bridge against Reactor's own blocking calls (issue 3, "Proof"):
 * awaiting a Mono that is already done inside a task vs {@code block()}, and iterating
 * {@code Flux.range} inside a task vs {@code toIterable()}. The await benchmarks run
 * {@value #AWAITS} awaits inside one task per invocation, so a result is the cost of one await.
 * <pre>
 *   ./mvnw -pl benchmarks -am package -Pbench -DskipTests
 *   java -jar benchmarks/target/benchmarks.jar ReactorAwaitBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@State(Scope.Benchmark)
public class ReactorAwaitBenchmark {
    static final int AWAITS = 100_000;
    static final int ITEMS = 1_000_000;

    final Mono<Integer> just = Mono.just(42);
    final Mono<Integer> callable = Mono.fromCallable(() -> 42);
    final Mono<Integer> mapped = Mono.just(41).map(i -> i + 1);
    final Flux<Integer> range = Flux.range(0, ITEMS);
    final Flux<Integer> hiddenRange = Flux.range(0, ITEMS).hide();

    // ------------------------------------------------------------ Mono already done

    @Benchmark
    @OperationsPerInvocation(AWAITS)
    public void awaitMonoJustInTask(Blackhole bh) {
        Async.run(LoopClock.virtual(), () -> {
            for (int i = 0; i < AWAITS; i++) {
                bh.consume(await(just));
            }
        });
    }

    @Benchmark
    @OperationsPerInvocation(AWAITS)
    public void blockMonoJust(Blackhole bh) {
        for (int i = 0; i < AWAITS; i++) {
            bh.consume(just.block());
        }
    }

    @Benchmark
    @OperationsPerInvocation(AWAITS)
    public void awaitMonoFromCallableInTask(Blackhole bh) {
        Async.run(LoopClock.virtual(), () -> {
            for (int i = 0; i < AWAITS; i++) {
                bh.consume(await(callable));
            }
        });
    }

    @Benchmark
    @OperationsPerInvocation(AWAITS)
    public void blockMonoFromCallable(Blackhole bh) {
        for (int i = 0; i < AWAITS; i++) {
            bh.consume(callable.block());
        }
    }

    @Benchmark
    @OperationsPerInvocation(AWAITS)
    public void awaitMonoJustMapInTask(Blackhole bh) {
        Async.run(LoopClock.virtual(), () -> {
            for (int i = 0; i < AWAITS; i++) {
                bh.consume(await(mapped));
            }
        });
    }

    @Benchmark
    @OperationsPerInvocation(AWAITS)
    public void blockMonoJustMap(Blackhole bh) {
        for (int i = 0; i < AWAITS; i++) {
            bh.consume(mapped.block());
        }
    }

    // ------------------------------------------------------------ Flux.range iteration

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public long iterateRangeInTask() {
        return Async.run(LoopClock.virtual(), () -> {
            long sum = 0;
            try (var items = iterate(range)) {
                for (int i : items) {
                    sum += i;
                }
            }
            return sum;
        });
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public long iterateHiddenRangeInTask() {
        return Async.run(LoopClock.virtual(), () -> {
            long sum = 0;
            try (var items = iterate(hiddenRange)) {
                for (int i : items) {
                    sum += i;
                }
            }
            return sum;
        });
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public long toIterableRange() {
        long sum = 0;
        for (int i : range.toIterable()) {
            sum += i;
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public long toIterableHiddenRange() {
        long sum = 0;
        for (int i : hiddenRange.toIterable()) {
            sum += i;
        }
        return sum;
    }
}
