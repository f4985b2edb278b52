package dev.reactiveawait.rxjava3;

import static dev.reactiveawait.Async.createTask;
import static dev.reactiveawait.Async.run;
import static dev.reactiveawait.Async.sleep;
import static dev.reactiveawait.rxjava3.RxAwait.iterate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reactiveawait.Async;
import dev.reactiveawait.CancelledException;
import dev.reactiveawait.LoopClock;
import dev.reactiveawait.Task;
import dev.reactiveawait.rxjava3.RawSources.RawFlowable;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.exceptions.MissingBackpressureException;
import io.reactivex.rxjava3.processors.PublishProcessor;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

// SEPARATE_THREAD: a loop that hangs ignores the interrupt of a same-thread timeout (it would hang the build)
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class IterateFlowableTest {
    @RegisterExtension
    final RxPluginErrors errors = new RxPluginErrors();

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    @Test
    void requestsBufferSizeThenThreeQuartersOfItEachTimeThatManyWereTaken() {
        List<Long> requests = new CopyOnWriteArrayList<>();
        List<Integer> items = new ArrayList<>();
        run(LoopClock.virtual(), () -> {
            try (var it = iterate(Flowable.range(0, 500).hide().doOnRequest(requests::add))) {
                for (int i : it) {
                    items.add(i);
                }
            }
        });
        assertThat(Flowable.bufferSize()).isEqualTo(128);
        assertThat(items).isEqualTo(range(500));
        assertThat(requests).containsExactly(128L, 96L, 96L, 96L, 96L); // none once the source ended
    }

    @Test
    void prefetchIsConfigurable() {
        List<Long> small = new CopyOnWriteArrayList<>();
        List<Long> one = new CopyOnWriteArrayList<>();
        List<Long> unbounded = new CopyOnWriteArrayList<>();
        run(LoopClock.virtual(), () -> {
            try (var it = iterate(Flowable.range(0, 10).hide().doOnRequest(small::add), 4)) {
                it.forEach(i -> { });
            }
            try (var it = iterate(Flowable.range(0, 3).hide().doOnRequest(one::add), 1)) {
                it.forEach(i -> { });
            }
            try (var it = iterate(Flowable.range(0, 1000).hide().doOnRequest(unbounded::add), Integer.MAX_VALUE)) {
                it.forEach(i -> { });
            }
        });
        assertThat(small).containsExactly(4L, 3L, 3L);
        assertThat(one).containsExactly(1L, 1L, 1L);
        assertThat(unbounded).containsExactly(Long.MAX_VALUE);
        assertThatThrownBy(() -> iterate(Flowable.empty(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prefetch must be at least 1, was 0");
    }

    @Test
    void requestsFollowTheConsumerOfASlowSource() {
        RawFlowable<Integer> source = new RawFlowable<>();
        run(LoopClock.virtual(), () -> {
            try (var it = iterate(source, 8)) {
                Iterator<Integer> iterator = it.iterator();
                assertThat(source.requests).containsExactly(8L);
                source.next(1, 2, 3, 4, 5, 6, 7, 8);
                for (int i = 0; i < 5; i++) {
                    iterator.next();
                }
                assertThat(source.requests).as("not yet 6 taken").containsExactly(8L);
                iterator.next();
                assertThat(source.requests).as("6 taken: 6 more").containsExactly(8L, 6L);
            }
        });
        assertThat(source.cancels).hasValue(1);
    }

    @Test
    void synchronousSourceIsConsumedWithoutSuspendingTheTask() {
        run(LoopClock.virtual(), () -> {
            List<String> order = new ArrayList<>();
            createTask(() -> order.add("other task"));
            long sum = 0;
            try (var it = iterate(Flowable.range(0, 10_000).hide())) {
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
    void fusableSynchronousSourceIsPolledOneItemAtATimeWithoutRequests() {
        AtomicInteger mapped = new AtomicInteger();
        List<Integer> items = new ArrayList<>();
        run(LoopClock.virtual(), () -> {
            try (var it = iterate(Flowable.range(0, 500).map(i -> {
                mapped.incrementAndGet();
                return i * 2;
            }))) {
                Iterator<Integer> iterator = it.iterator();
                assertThat(mapped).as("nothing requested or buffered: polled on demand").hasValue(0);
                assertThat(iterator.next()).isZero();
                assertThat(mapped).hasValue(1);
                iterator.forEachRemaining(items::add);
            }
            try (var it = iterate(Flowable.fromIterable(range(300)).filter(i -> i % 3 == 0))) {
                assertThat(it).hasSize(100);
            }
        });
        assertThat(items).hasSize(499).startsWith(2, 4).endsWith(998);
    }

    @Test
    void errorInAFusedOperatorIsThrownUnchangedAndCancelsTheSource() {
        IllegalStateException boom = new IllegalStateException("boom");
        AtomicInteger cancels = new AtomicInteger();
        List<Integer> items = new ArrayList<>();
        run(LoopClock.virtual(), () -> {
            try (var it = iterate(Flowable.range(0, 10).doOnCancel(cancels::incrementAndGet).map(i -> {
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
        PublishProcessor<String> async = PublishProcessor.create();
        run(LoopClock.virtual(), () -> {
            try (var it = iterate(Flowable.range(0, 1000).hide().doOnCancel(cancels::incrementAndGet))) {
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
            async.onNext("a");
            async.onNext("stop");
            async.onNext("c");
            assertThat(Async.await(reader)).isEqualTo("stop");
            assertThat(async.hasSubscribers()).isFalse();
        });
        assertThat(cancels).hasValue(1);
    }

    @Test
    void exceptionInTheLoopBodyCancelsTheSubscription() {
        AtomicInteger cancels = new AtomicInteger();
        IOException failure = new IOException("cannot process");
        run(LoopClock.virtual(), () -> {
            assertThatThrownBy(() -> {
                try (var it = iterate(Flowable.interval(1, TimeUnit.MILLISECONDS).doOnCancel(cancels::incrementAndGet))) {
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
        PublishProcessor<String> source = PublishProcessor.create();
        AtomicInteger cancels = new AtomicInteger();
        List<String> seen = new CopyOnWriteArrayList<>();
        run(LoopClock.virtual(), () -> {
            Task<Void> reader = createTask(() -> {
                try (var it = iterate(source.doOnCancel(cancels::incrementAndGet))) {
                    for (String s : it) {
                        seen.add(s);
                    }
                }
            });
            sleep(Duration.ZERO);
            source.onNext("a");
            sleep(Duration.ZERO);
            sleep(Duration.ZERO);
            reader.cancel();
            assertThat(cancels).as("cancelled inside Task.cancel").hasValue(1);
            assertThat(source.hasSubscribers()).isFalse();
            assertThatThrownBy(() -> Async.await(reader)).isInstanceOf(CancelledException.class);
        });
        assertThat(seen).containsExactly("a");
    }

    @Test
    void taskThatEndsWithoutClosingLeavesNoSubscription() {
        PublishProcessor<String> source = PublishProcessor.create();
        run(LoopClock.virtual(), () -> {
            Task<String> reader = createTask(() -> {
                for (String s : iterate(source)) { // no try-with-resources
                    return s;
                }
                return "none";
            });
            sleep(Duration.ZERO);
            source.onNext("first");
            assertThat(Async.await(reader)).isEqualTo("first");
            sleep(Duration.ZERO); // the task's done-callbacks
            assertThat(source.hasSubscribers()).isFalse();
        });
    }

    @Test
    void closingWakesATaskWaitingForTheNextItem() {
        PublishProcessor<String> source = PublishProcessor.create();
        run(LoopClock.virtual(), () -> {
            FlowableIteration<String> iteration = iterate(source);
            Iterator<String> iterator = iteration.iterator();
            Task<Boolean> reader = createTask(iterator::hasNext);
            sleep(Duration.ZERO);
            assertThat(reader.isDone()).isFalse();
            iteration.close();
            assertThat(Async.await(reader)).isFalse();
            assertThat(source.hasSubscribers()).isFalse();
        });
    }

    @Test
    void itemsFromAnotherThreadAllArriveInOrder() {
        List<Integer> items = new ArrayList<>();
        run(LoopClock.virtual(), () -> {
            try (var it = iterate(Flowable.range(0, 100_000).observeOn(Schedulers.computation()))) {
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
            try (var it = iterate(Flowable.interval(5, TimeUnit.MILLISECONDS).take(3))) {
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
            try (var it = iterate(Flowable.just(1, 2, 3).concatWith(Flowable.error(io))
                    .observeOn(Schedulers.single(), true))) { // delayError: RxJava's observeOn lets errors cut ahead
                Iterator<Integer> iterator = it.iterator();
                assertThatThrownBy(() -> iterator.forEachRemaining(items::add)).isSameAs(io);
                assertThat(iterator.hasNext()).as("over after the error").isFalse();
            }
        });
        assertThat(items).containsExactly(1, 2, 3);
    }

    @Test
    void sourceEmittingBeyondDemandIsAClearMissingBackpressureError() {
        RawFlowable<String> source = new RawFlowable<>();
        List<String> items = new ArrayList<>();
        run(LoopClock.virtual(), () -> {
            try (var it = iterate(source, 2)) {
                Iterator<String> iterator = it.iterator();
                source.next("a", "b", "c");
                assertThatThrownBy(() -> iterator.forEachRemaining(items::add))
                        .isInstanceOf(MissingBackpressureException.class)
                        .hasMessageContaining("more items than the 2 requested")
                        .hasMessageContaining("rule 1.1");
            }
        });
        assertThat(items).containsExactly("a", "b");
        assertThat(source.cancels).hasValue(1);
    }

    @Test
    void iteratedOnceAndNotAfterClose() {
        run(LoopClock.virtual(), () -> {
            FlowableIteration<Integer> iteration = iterate(Flowable.range(0, 3));
            Iterator<Integer> first = iteration.iterator();
            assertThatThrownBy(iteration::iterator)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("iterated once");
            assertThat(first.next()).isZero();
            iteration.close();
            iteration.close();
            assertThat(first.hasNext()).isFalse();
            assertThatThrownBy(first::next).isInstanceOf(NoSuchElementException.class);
            assertThatThrownBy(iteration::iterator).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
            iterate(Flowable.never()).close(); // closing before iterating never subscribes
        });
    }

    @Test
    void sourceThatCompletedIsNotCancelledByClose() {
        AtomicInteger cancels = new AtomicInteger();
        run(LoopClock.virtual(), () -> {
            try (var it = iterate(Flowable.range(0, 5).hide().doOnCancel(cancels::incrementAndGet))) {
                it.iterator().next(); // the range has completed into the buffer
            }
        });
        assertThat(cancels).hasValue(0);
    }

    @Test
    void itemsAfterTheCancellationAreDroppedAndALateErrorIsReported() {
        RawFlowable<String> source = new RawFlowable<>();
        IOException late = new IOException("late");
        run(LoopClock.virtual(), () -> {
            try (var it = iterate(source)) {
                Iterator<String> iterator = it.iterator();
                source.next("a");
                assertThat(iterator.next()).isEqualTo("a");
            }
            source.next("dropped");
            source.subscriber.onError(late);
        });
        assertThat(errors.take()).containsExactly(late);
    }
}
