package dev.reactiveawait.benchmarks;

import dev.reactiveawait.EventLoop;
import dev.reactiveawait.rxjava3.RxTasks;
import io.reactivex.rxjava3.core.BackpressureStrategy;
import io.reactivex.rxjava3.core.Flowable;
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

/**
 * The publisher side of the RxJava bridge (issue 4, "Proof"): a coroutine emitting {@value #ITEMS}
 * ints through {@code RxTasks.rxFlowable} into {@code reduce().blockingGet()} vs the same through
 * {@code Flowable.create} (BUFFER) and {@code Flowable.generate}. The coroutine runs on a
 * long-lived loop served by a background thread; the benchmark thread subscribes and blocks.
 * <pre>
 *   java -jar benchmarks/target/benchmarks.jar RxFlowableBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = "-Xmx1g")
@State(Scope.Benchmark)
public class RxFlowableBenchmark {
    static final int ITEMS = 1_000_000;

    EventLoop loop;
    Thread loopThread;
    Flowable<Integer> coroutineFlowable;
    final Flowable<Integer> created = Flowable.create(emitter -> {
        for (int i = 0; i < ITEMS; i++) {
            emitter.onNext(i);
        }
        emitter.onComplete();
    }, BackpressureStrategy.BUFFER);
    final Flowable<Integer> generated = Flowable.generate(() -> 0, (i, emitter) -> {
        if (i < ITEMS) {
            emitter.onNext(i);
        } else {
            emitter.onComplete();
        }
        return i + 1;
    });

    @Setup(Level.Trial)
    public void startLoop() {
        loop = EventLoop.create();
        loopThread = Thread.ofPlatform().name("bench-loop").daemon().start(loop::runForever);
        coroutineFlowable = RxTasks.rxFlowable(loop, emitter -> {
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
    public Integer rxFlowableEmit() {
        return coroutineFlowable.reduce(0, Integer::sum).blockingGet();
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public Integer flowableCreate() {
        return created.reduce(0, Integer::sum).blockingGet();
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public Integer flowableGenerate() {
        return generated.reduce(0, Integer::sum).blockingGet();
    }
}
