package dev.reactiveawait.reactor;

import static dev.reactiveawait.Async.createTask;
import static dev.reactiveawait.Async.run;
import static dev.reactiveawait.Async.sleep;
import static dev.reactiveawait.reactor.ReactorAwait.iterate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reactiveawait.Async;
import dev.reactiveawait.CancelledException;
import dev.reactiveawait.LoopClock;
import dev.reactiveawait.Task;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Schedulers;
import reactor.test.publisher.TestPublisher;
import reactor.util.context.Context;

@Timeout(10)
class IterateTest {
    @RegisterExtension
    final DroppedSignals drops = new DroppedSignals();

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    @Test
    void requestsPrefetchThenThreeQuartersOfItEachTimeThatManyWereTaken() {
        List<Long> requests = new CopyOnWriteArrayList<>();
        List<Integer> items = new ArrayList<>();
        run(LoopClock.virtual(), () -> {
            try (var it = iterate(Flux.range(0, 1000).hide().doOnRequest(requests::add))) {
                for (int i : it) {
                    items.add(i);
                }
            }
        });
        assertThat(items).isEqualTo(range(1000));
        assertThat(requests).containsExactly(256L, 192L, 192L, 192L, 192L); // none once the source ended
    }

    @Test
    void prefetchIsConfigurable() {
        List<Long> small = new CopyOnWriteArrayList<>();
        List<Long> one = new CopyOnWriteArrayList<>();
        List<Long> unbounded = new CopyOnWriteArrayList<>();
        run(LoopClock.virtual(), () -> {
            try (var it = iterate(Flux.range(0, 10).hide().doOnRequest(small::add), 4)) {
                it.forEach(i -> { });
            }
            try (var it = iterate(Flux.range(0, 3).hide().doOnRequest(one::add), 1)) {
                it.forEach(i -> { });
            }
            try (var it = iterate(Flux.range(0, 1000).hide().doOnRequest(unbounded::add), Integer.MAX_VALUE)) {
                it.forEach(i -> { });
            }
        });
        assertThat(small).containsExactly(4L, 3L, 3L);
        assertThat(one).containsExactly(1L, 1L, 1L);
        assertThat(unbounded).containsExactly(Long.MAX_VALUE);
        assertThatThrownBy(() -> iterate(Flux.empty(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prefetch must be at least 1, was 0");
    }

    @Test
    void synchronousSourceIsConsumedWithoutSuspendingTheTask() {
        run(LoopClock.virtual(), () -> {
            List<String> order = new ArrayList<>();
            createTask(() -> order.add("other task"));
            long sum = 0;
            try (var it = iterate(Flux.range(0, 10_000).hide())) {
                for (int i : it) {
                    sum += i;
                }
            }
            order.add("iterated " + sum);
            sleep(Duration.ZERO);
            assertThat(order).containsExactly("iterated 49995000", "other task");
        });
    }

    @Test
    void fusableSynchronousSourceIsPolledWithoutRequests() {
        List<Long> requests = new CopyOnWriteArrayList<>();
        List<Integer> items = new ArrayList<>();
        run(LoopClock.virtual(), () -> {
            try (var it = iterate(Flux.range(0, 500).doOnRequest(requests::add).map(i -> i * 2))) {
                it.forEach(items::add);
            }
        });
        assertThat(items).hasSize(500).startsWith(0, 2, 4).endsWith(998);
        assertThat(requests).isEmpty();
    }

    @Test
    void errorInAFusedOperatorIsThrownUnchangedAndCancelsTheSource() {
        IllegalStateException boom = new IllegalStateException("boom");
        AtomicInteger cancels = new AtomicInteger();
        List<Integer> items = new ArrayList<>();
        run(LoopClock.virtual(), () -> {
            try (var it = iterate(Flux.range(0, 10).doOnCancel(cancels::incrementAndGet).map(i -> {
                if (i == 3) {
                    throw boom;
                }
                return i;
            }))) {
                assertThatThrownBy(() -> it.forEach(items::add)).isSameAs(boom);
            }
        });
        assertThat(items).containsExactly(0, 1, 2);
        assertThat(cancels).hasValue(1);
    }

    @Test
    void breakInsideTryWithResourcesCancelsTheSubscription() {
        AtomicInteger cancels = new AtomicInteger();
        TestPublisher<String> async = TestPublisher.create();
        run(LoopClock.virtual(), () -> {
            try (var it = iterate(Flux.range(0, 1000).hide().doOnCancel(cancels::incrementAndGet))) {
                for (int i : it) {
                    if (i == 10) {
                        break;
                    }
                }
            }
            Task<String> reader = createTask(() -> {
                try (var it = iterate(async)) {
                    for (String s : it) {
                        if (s.equals("stop")) {
                            return s;
                        }
                    }
                }
                return "end";
            });
            sleep(Duration.ZERO);
            async.next("a", "stop", "c");
            assertThat(Async.await(reader)).isEqualTo("stop");
        });
        assertThat(cancels).hasValue(1);
        async.assertCancelled();
    }

    @Test
    void exceptionInTheLoopBodyCancelsTheSubscription() {
        AtomicInteger cancels = new AtomicInteger();
        IOException failure = new IOException("cannot process");
        run(LoopClock.virtual(), () -> {
            assertThatThrownBy(() -> {
                try (var it = iterate(Flux.interval(Duration.ofMillis(1)).doOnCancel(cancels::incrementAndGet))) {
                    for (long i : it) {
                        if (i == 3) {
                            throw failure;
                        }
                    }
                }
            }).isSameAs(failure);
        });
        assertThat(cancels).hasValue(1);
    }

    @Test
    void cancellingTheTaskWhileItWaitsCancelsTheSubscriptionAtOnce() {
        TestPublisher<String> source = TestPublisher.create();
        List<String> seen = new CopyOnWriteArrayList<>();
        run(LoopClock.virtual(), () -> {
            Task<Void> reader = createTask(() -> {
                try (var it = iterate(source)) {
                    for (String s : it) {
                        seen.add(s);
                    }
                }
            });
            sleep(Duration.ZERO);
            source.next("a");
            sleep(Duration.ZERO);
            sleep(Duration.ZERO);
            reader.cancel();
            source.assertCancelled();
            assertThatThrownBy(() -> Async.await(reader)).isInstanceOf(CancelledException.class);
        });
        assertThat(seen).containsExactly("a");
    }

    @Test
    void taskThatEndsWithoutClosingLeavesNoSubscription() {
        TestPublisher<String> source = TestPublisher.create();
        run(LoopClock.virtual(), () -> {
            Task<String> reader = createTask(() -> {
                for (String s : iterate(source)) { // no try-with-resources
                    return s;
                }
                return "none";
            });
            sleep(Duration.ZERO);
            source.next("first");
            assertThat(Async.await(reader)).isEqualTo("first");
            sleep(Duration.ZERO); // the task's done-callbacks
        });
        source.assertCancelled();
    }

    @Test
    void iterationOpenedByATaskThatEndsIsOverForTheTaskStillIteratingIt() {
        TestPublisher<String> source = TestPublisher.create();
        run(LoopClock.virtual(), () -> {
            Task<Iterator<String>> opener = createTask(() -> iterate(source).iterator()); // never closed
            Iterator<String> shared = Async.await(opener); // the opener has ended: its done-callback closes it
            Task<Boolean> reader = createTask(shared::hasNext);
            sleep(Duration.ZERO);
            assertThat(Async.await(reader)).isFalse();
        });
        source.assertCancelled();
    }

    @Test
    void closingWakesATaskWaitingForTheNextItem() {
        TestPublisher<String> source = TestPublisher.create();
        run(LoopClock.virtual(), () -> {
            FluxIteration<String> iteration = iterate(source);
            Iterator<String> iterator = iteration.iterator();
            Task<Boolean> reader = createTask(iterator::hasNext);
            sleep(Duration.ZERO);
            assertThat(reader.isDone()).isFalse();
            iteration.close();
            assertThat(Async.await(reader)).isFalse();
        });
        source.assertCancelled();
    }

    @Test
    void itemsFromAnotherThreadAllArriveInOrder() {
        List<Integer> items = new ArrayList<>();
        run(LoopClock.virtual(), () -> {
            try (var it = iterate(Flux.range(0, 100_000).publishOn(Schedulers.parallel()))) {
                for (int i : it) {
                    items.add(i);
                }
            }
        });
        assertThat(items).isEqualTo(range(100_000));
    }

    @Test
    void slowItemsFromAnotherThreadSuspendTheTaskNotTheThread() {
        List<String> trace = new CopyOnWriteArrayList<>();
        run(LoopClock.virtual(), () -> {
            Task<Void> ticker = createTask(() -> {
                for (int i = 0; i < 3; i++) {
                    trace.add("tick");
                    sleep(Duration.ZERO);
                }
            });
            try (var it = iterate(Flux.interval(Duration.ofMillis(5)).take(3))) {
                for (long i : it) {
                    trace.add("item " + i);
                }
            }
            Async.await(ticker);
        });
        assertThat(trace).containsSubsequence("tick", "tick", "tick").containsSubsequence("item 0", "item 1", "item 2");
        assertThat(trace.indexOf("tick")).isLessThan(trace.indexOf("item 0"));
    }

    @Test
    void errorIsThrownUnchangedAfterTheItemsBeforeIt() {
        IOException io = new IOException("broken pipe");
        List<Integer> items = new ArrayList<>();
        run(LoopClock.virtual(), () -> {
            try (var it = iterate(Flux.just(1, 2, 3).concatWith(Flux.error(io)).publishOn(Schedulers.single()))) {
                Iterator<Integer> iterator = it.iterator();
                assertThatThrownBy(() -> iterator.forEachRemaining(items::add)).isSameAs(io);
                assertThat(iterator.hasNext()).as("over after the error").isFalse();
            }
        });
        assertThat(items).containsExactly(1, 2, 3);
    }

    @Test
    void sourceEmittingBeyondDemandIsAClearOverflowError() {
        TestPublisher<String> source = TestPublisher.createNoncompliant(TestPublisher.Violation.REQUEST_OVERFLOW);
        List<Object> discarded = new CopyOnWriteArrayList<>();
        List<String> items = new ArrayList<>();
        run(LoopClock.virtual(), () -> ReactorAwait.withContext(Operators.enableOnDiscard(Context.empty(), discarded::add), () -> {
            try (var it = iterate(source, 2)) {
                Iterator<String> iterator = it.iterator();
                source.next("a", "b", "c");
                assertThatThrownBy(() -> iterator.forEachRemaining(items::add))
                        .matches(Exceptions::isOverflow)
                        .hasMessageContaining("more items than the 2 requested")
                        .hasMessageContaining("rule 1.1");
            }
        }));
        assertThat(items).containsExactly("a", "b");
        assertThat(discarded).containsExactly("c");
        source.assertCancelled();
    }

    @Test
    void iteratedOnceAndNotAfterClose() {
        run(LoopClock.virtual(), () -> {
            FluxIteration<Integer> iteration = iterate(Flux.range(0, 3));
            Iterator<Integer> first = iteration.iterator();
            assertThatThrownBy(iteration::iterator)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("iterated once");
            assertThat(first.next()).isZero();
            iteration.close();
            iteration.close();
            assertThat(first.hasNext()).isFalse();
            assertThatThrownBy(first::next).isInstanceOf(java.util.NoSuchElementException.class);
            assertThatThrownBy(iteration::iterator).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
            iterate(Flux.never()).close(); // closing before iterating never subscribes
        });
    }

    @Test
    void bufferedItemsGoToTheDiscardHookOnClose() {
        List<Object> discarded = new CopyOnWriteArrayList<>();
        AtomicInteger cancels = new AtomicInteger();
        run(LoopClock.virtual(), () -> ReactorAwait.withContext(Operators.enableOnDiscard(Context.empty(), discarded::add), () -> {
            try (var it = iterate(Flux.range(0, 100).concatWith(Flux.never()).hide().doOnCancel(cancels::incrementAndGet))) {
                Iterator<Integer> iterator = it.iterator();
                assertThat(iterator.next()).isZero();
                assertThat(iterator.hasNext()).isTrue(); // 1 is taken from the buffer
            }
        }));
        assertThat(discarded).hasSize(99).startsWith(1, 2).endsWith(99);
        assertThat(cancels).hasValue(1);
    }

    @Test
    void sourceThatCompletedIsNotCancelledByClose() {
        AtomicInteger cancels = new AtomicInteger();
        run(LoopClock.virtual(), () -> {
            try (var it = iterate(Flux.range(0, 5).hide().doOnCancel(cancels::incrementAndGet))) {
                it.iterator().next(); // the range has completed into the buffer
            }
        });
        assertThat(cancels).hasValue(0);
    }

    @Test
    void itemsSentAfterTheCancellationGoToOnNextDropped() {
        TestPublisher<String> source = TestPublisher.createNoncompliant(TestPublisher.Violation.DEFER_CANCELLATION);
        run(LoopClock.virtual(), () -> {
            try (var it = iterate(source)) {
                Iterator<String> iterator = it.iterator();
                source.next("a");
                assertThat(iterator.next()).isEqualTo("a");
            }
            source.next("late");
        });
        assertThat(drops.takeItems()).containsExactly("late");
    }

    @Test
    void taskContextIsTheIteratedSequencesContext() {
        List<String> items = new ArrayList<>();
        run(LoopClock.virtual(), () -> ReactorAwait.withContext(Context.of("user", "ada"), () -> {
            try (var it = iterate(Flux.deferContextual(ctx -> Flux.just("hello " + ctx.get("user"))))) {
                it.forEach(items::add);
            }
        }));
        assertThat(items).containsExactly("hello ada");
    }

    @Test
    void twoTasksIteratingAtOnceIsAClearError() {
        TestPublisher<String> source = TestPublisher.create();
        run(LoopClock.virtual(), () -> {
            try (var it = iterate(source)) {
                Iterator<String> shared = it.iterator();
                Task<Boolean> first = createTask(shared::hasNext);
                sleep(Duration.ZERO);
                assertThatThrownBy(shared::hasNext)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("two tasks or threads iterate it at once");
                source.next("x");
                assertThat(Async.await(first)).isTrue();
            }
        });
    }
}
