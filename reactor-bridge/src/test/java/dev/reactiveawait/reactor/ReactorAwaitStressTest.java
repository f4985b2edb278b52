package dev.reactiveawait.reactor;

import static dev.reactiveawait.Async.createTask;
import static dev.reactiveawait.Async.gatherSettled;
import static dev.reactiveawait.Async.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reactiveawait.Async;
import dev.reactiveawait.CancelledException;
import dev.reactiveawait.LoopClock;
import dev.reactiveawait.Outcome;
import dev.reactiveawait.Task;
import dev.reactiveawait.testkit.Races;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.core.publisher.SignalType;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;

/**
 * Many tasks await Monos completed on other threads while others are cancelled at random, from the
 * loop and from other threads. Short by default; {@code -Dstress.iterations=N} (rounds) lengthens
 * it. Checked: every task ends with its own value or cancelled; no value is lost (each value that
 * reached our subscriber was returned, discarded or dropped, exactly once); every subscription
 * ended exactly once (subscribe count == complete + cancel count).
 */
@Timeout(120)
class ReactorAwaitStressTest {
    private static final int ROUNDS = Integer.getInteger("stress.iterations", 20);
    private static final int TASKS = 200;

    @RegisterExtension
    final DroppedSignals drops = new DroppedSignals();

    private ExecutorService emitters;

    @BeforeEach
    void startEmitters() {
        emitters = Executors.newFixedThreadPool(4);
    }

    @AfterEach
    void stopEmitters() throws InterruptedException {
        emitters.shutdownNow();
        assertThat(emitters.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void monosCompletedElsewhereWhileTasksAreCancelledAtRandom() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Counters c = new Counters();
            List<Future<?>> emissions = new ArrayList<>();
            List<Outcome<String>> outcomes = run(LoopClock.virtual(), () -> ReactorAwait.withContext(
                    Operators.enableOnDiscard(Context.empty(), c.discarded::add), () -> {
                        List<Task<String>> tasks = new ArrayList<>();
                        for (int i = 0; i < TASKS; i++) {
                            String value = "v" + i;
                            Sinks.One<String> sink = Sinks.one();
                            Mono<String> mono = sink.asMono()
                                    .doOnNext(c.received::add) // right before our subscriber: it reached us
                                    .doOnSubscribe(s -> c.subscribed.incrementAndGet())
                                    .doFinally(c::ended);
                            tasks.add(createTask(() -> ReactorAwait.await(mono)));
                            emissions.add(emitters.submit(() -> {
                                Races.park();
                                sink.tryEmitValue(value);
                            }));
                        }
                        Races.cancelSomeAtRandom(tasks, emitters);
                        return Async.await(gatherSettled(tasks));
                    }));
            for (Future<?> f : emissions) {
                f.get(10, TimeUnit.SECONDS);
            }
            List<Object> dropped = drops.takeItems();

            List<String> returned = new ArrayList<>();
            for (int i = 0; i < TASKS; i++) {
                Outcome<String> o = outcomes.get(i);
                if (o instanceof Outcome.Success<String> s) {
                    assertThat(s.value()).as("task %d's own value", i).isEqualTo("v" + i);
                    returned.add(s.value());
                } else {
                    assertThat(((Outcome.Failure<String>) o).error()).isInstanceOf(CancelledException.class);
                }
            }
            // Each value that reached our subscriber was returned, discarded or dropped, once. (The
            // sink itself may discard a value that lost a race with a cancellation: it never
            // reached us, and lands in the same discard hook, through our subscriber's context.)
            List<Object> accounted = new ArrayList<>(returned);
            accounted.addAll(c.discarded);
            accounted.addAll(dropped);
            String where = "round " + round + ": returned " + returned + ", discarded " + c.discarded
                    + ", dropped " + dropped;
            assertThat(accounted).as("nothing accounted twice; " + where).doesNotHaveDuplicates();
            assertThat(accounted).as("no value lost; " + where).containsAll(c.received);
            assertThat(c.received).as("returned values reached the subscriber").containsAll(returned);
            assertThat(c.subscribed.get()).as("round %d: subscriptions == completions + cancellations", round)
                    .isEqualTo(c.completed.get() + c.cancelled.get())
                    .isGreaterThan(0);
            assertThat(c.completed.get()).isGreaterThanOrEqualTo(returned.size());
        }
    }

    @Test
    void iterationsOfFluxesOnOtherThreadsWhileTasksAreCancelledAtRandom() {
        for (int round = 0; round < ROUNDS; round++) {
            Counters c = new Counters();
            List<Outcome<Long>> outcomes = run(LoopClock.virtual(), () -> {
                List<Task<Long>> tasks = new ArrayList<>();
                for (int i = 0; i < TASKS / 4; i++) {
                    Flux<Integer> items = Flux.range(0, 1000)
                            .publishOn(Schedulers.parallel(), 32)
                            .doOnSubscribe(s -> c.subscribed.incrementAndGet())
                            .doFinally(c::ended);
                    int prefetch = 1 + ThreadLocalRandom.current().nextInt(64);
                    tasks.add(createTask(() -> {
                        long sum = 0;
                        try (var it = ReactorAwait.iterate(items, prefetch)) {
                            for (int item : it) {
                                sum += item;
                            }
                        }
                        return sum;
                    }));
                }
                Races.cancelSomeAtRandom(tasks, emitters);
                return Async.await(gatherSettled(tasks));
            });
            for (Outcome<Long> o : outcomes) {
                if (o instanceof Outcome.Success<Long> s) {
                    assertThat(s.value()).isEqualTo(999L * 1000 / 2);
                } else {
                    assertThat(((Outcome.Failure<Long>) o).error()).isInstanceOf(CancelledException.class);
                }
            }
            drops.takeItems(); // items in flight when an iteration was cancelled are dropped, by design
            c.awaitAllEnded(); // doFinally runs on the parallel thread after our onComplete returned
            assertThat(c.subscribed.get()).as("round %d: subscriptions == completions + cancellations", round)
                    .isEqualTo(c.completed.get() + c.cancelled.get());
        }
    }

    private static final class Counters {
        final AtomicInteger subscribed = new AtomicInteger();
        final AtomicInteger completed = new AtomicInteger();
        final AtomicInteger cancelled = new AtomicInteger();
        final ConcurrentLinkedQueue<Object> received = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Object> discarded = new ConcurrentLinkedQueue<>();

        void awaitAllEnded() {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (subscribed.get() != completed.get() + cancelled.get() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        }

        void ended(SignalType signal) {
            if (signal == SignalType.CANCEL) {
                cancelled.incrementAndGet();
            } else {
                completed.incrementAndGet();
            }
        }
    }
}
