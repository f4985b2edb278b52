package dev.reactiveawait.benchmarks;

import static dev.reactiveawait.rxjava3.RxAwait.await;
import static dev.reactiveawait.rxjava3.RxAwait.iterate;

import dev.reactiveawait.Async;
import dev.reactiveawait.LoopClock;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Maybe;
import io.reactivex.rxjava3.core.Single;
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

/**
 * The await side of the RxJava bridge against RxJava's own blocking calls (issue 4, "Proof"):
 * awaiting a source that is already done inside a task vs {@code blockingGet()}, and iterating
 * {@code Flowable.range} inside a task vs {@code blockingIterable()}. The await benchmarks run
 * {@value #AWAITS} awaits inside one task per invocation, so a result is the cost of one await.
 * <pre>
 *   ./mvnw -pl benchmarks -am package -Pbench -DskipTests
 *   java -jar benchmarks/target/benchmarks.jar RxAwaitBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@State(Scope.Benchmark)
public class RxAwaitBenchmark {
    static final int AWAITS = 100_000;
    static final int ITEMS = 1_000_000;

    final Single<Integer> singleJust = Single.just(42);
    final Maybe<Integer> maybeJust = Maybe.just(42);
    final Single<Integer> singleFromCallable = Single.fromCallable(() -> 42);
    final Single<Integer> singleJustMap = Single.just(41).map(i -> i + 1);
    final Flowable<Integer> range = Flowable.range(0, ITEMS);
    final Flowable<Integer> hiddenRange = Flowable.range(0, ITEMS).hide();

    // ------------------------------------------------------------ sources already done

    @Benchmark
    @OperationsPerInvocation(AWAITS)
    public void awaitSingleJustInTask(Blackhole bh) {
        Async.run(LoopClock.virtual(), () -> {
            for (int i = 0; i < AWAITS; i++) {
                bh.consume(await(singleJust));
            }
        });
    }

    @Benchmark
    @OperationsPerInvocation(AWAITS)
    public void blockingGetSingleJust(Blackhole bh) {
        for (int i = 0; i < AWAITS; i++) {
            bh.consume(singleJust.blockingGet());
        }
    }

    @Benchmark
    @OperationsPerInvocation(AWAITS)
    public void awaitMaybeJustInTask(Blackhole bh) {
        Async.run(LoopClock.virtual(), () -> {
            for (int i = 0; i < AWAITS; i++) {
                bh.consume(await(maybeJust));
            }
        });
    }

    @Benchmark
    @OperationsPerInvocation(AWAITS)
    public void blockingGetMaybeJust(Blackhole bh) {
        for (int i = 0; i < AWAITS; i++) {
            bh.consume(maybeJust.blockingGet());
        }
    }

    @Benchmark
    @OperationsPerInvocation(AWAITS)
    public void awaitSingleFromCallableInTask(Blackhole bh) {
        Async.run(LoopClock.virtual(), () -> {
            for (int i = 0; i < AWAITS; i++) {
                bh.consume(await(singleFromCallable));
            }
        });
    }

    @Benchmark
    @OperationsPerInvocation(AWAITS)
    public void blockingGetSingleFromCallable(Blackhole bh) {
        for (int i = 0; i < AWAITS; i++) {
            bh.consume(singleFromCallable.blockingGet());
        }
    }

    @Benchmark
    @OperationsPerInvocation(AWAITS)
    public void awaitSingleJustMapInTask(Blackhole bh) {
        Async.run(LoopClock.virtual(), () -> {
            for (int i = 0; i < AWAITS; i++) {
                bh.consume(await(singleJustMap));
            }
        });
    }

    @Benchmark
    @OperationsPerInvocation(AWAITS)
    public void blockingGetSingleJustMap(Blackhole bh) {
        for (int i = 0; i < AWAITS; i++) {
            bh.consume(singleJustMap.blockingGet());
        }
    }

    // ------------------------------------------------------------ Flowable.range iteration

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
    public long blockingIterableRange() {
        long sum = 0;
        for (int i : range.blockingIterable()) {
            sum += i;
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public long blockingIterableHiddenRange() {
        long sum = 0;
        for (int i : hiddenRange.blockingIterable()) {
            sum += i;
        }
        return sum;
    }
}
