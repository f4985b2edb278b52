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
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.exceptions.MissingBackpressureException;
import io.reactivex.rxjava3.schedulers.Schedulers;
import io.reactivex.rxjava3.subjects.PublishSubject;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

// SEPARATE_THREAD: a loop that hangs ignores the interrupt of a same-thread timeout (it would hang the build)
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class IterateObservableTest {
    @RegisterExtension
    final RxPluginErrors errors = new RxPluginErrors();

    @Test
    void overflowIsMissingBackpressureAfterTheBufferedItemsAndDisposesTheObservable() {
        PublishSubject<Integer> subject = PublishSubject.create();
        AtomicInteger disposals = new AtomicInteger();
        List<Integer> items = new ArrayList<>();
        run(LoopClock.virtual(), () -> {
            try (var it = iterate(subject.doOnDispose(disposals::incrementAndGet), 4)) {
                Iterator<Integer> iterator = it.iterator();
                for (int i = 1; i <= 5; i++) {
                    subject.onNext(i); // the task takes none meanwhile
                }
                assertThat(disposals).as("disposed at the overflow").hasValue(1);
                assertThat(subject.hasObservers()).isFalse();
                assertThatThrownBy(() -> iterator.forEachRemaining(items::add))
                        .isInstanceOf(MissingBackpressureException.class)
                        .hasMessageContaining("iterate(ObservableDoOnLifecycle, 4)")
                        .hasMessageContaining("more than 4 items arrived before the task took them")
                        .hasMessageContaining("the Observable is disposed")
                        .hasMessageContaining("toFlowable(BackpressureStrategy)");
                assertThat(iterator.hasNext()).isFalse();
            }
        });
        assertThat(items).containsExactly(1, 2, 3, 4);
        assertThat(disposals).hasValue(1);
    }

    @Test
    void theBoundIsExactlyTheItemsNotYetTakenByNext() {
        PublishSubject<String> subject = PublishSubject.create();
        run(LoopClock.virtual(), () -> {
            try (var it = iterate(subject, 2)) {
                Iterator<String> iterator = it.iterator();
                subject.onNext("a");
                subject.onNext("b"); // 2 waiting: full, not overflowing
                assertThat(iterator.next()).isEqualTo("a");
                subject.onNext("c"); // 2 waiting again
                assertThat(iterator.next()).isEqualTo("b");
                assertThat(iterator.next()).isEqualTo("c");
                subject.onNext("d");
                subject.onNext("e");
                subject.onComplete();
                List<String> rest = new ArrayList<>();
                iterator.forEachRemaining(rest::add);
                assertThat(rest).containsExactly("d", "e");
            }
            try (var it = iterate(subject, 1)) { // a completed PublishSubject: just the completion
                assertThat(it.iterator().hasNext()).isFalse();
            }
        });
    }

    @Test
    void synchronousNonFusableObservableBeyondTheBufferOverflowsClearly() {
        List<Integer> emitted = new CopyOnWriteArrayList<>();
        List<Integer> items = new ArrayList<>();
        run(LoopClock.virtual(), () -> {
            try (var it = iterate(Observable.range(0, 100).hide().doOnNext(emitted::add), 16)) {
                assertThatThrownBy(() -> it.forEach(items::add)).isInstanceOf(MissingBackpressureException.class);
            }
        });
        assertThat(items).hasSize(16);
        assertThat(emitted).as("the range stopped at the overflow").hasSize(17);
    }

    @Test
    void fusableObservablesArePolledAndNeverOverflow() {
        AtomicInteger mapped = new AtomicInteger();
        run(LoopClock.virtual(), () -> {
            long sum = 0;
            try (var it = iterate(Observable.range(0, 100_000), 1)) {
                for (int i : it) {
                    sum += i;
                }
            }
            assertThat(sum).isEqualTo(99_999L * 100_000 / 2);
            try (var it = iterate(Observable.fromIterable(IntStream.range(0, 1000).boxed().toList()).map(i -> {
                mapped.incrementAndGet();
                return i;
            }), 1)) {
                Iterator<Integer> iterator = it.iterator();
                assertThat(iterator.next()).isZero();
                assertThat(mapped).as("polled on demand").hasValue(1);
                int n = 1;
                while (iterator.hasNext()) {
                    iterator.next();
                    n++;
                }
                assertThat(n).isEqualTo(1000);
            }
        });
    }

    @Test
    void unboundedBufferTakesEverything() {
        run(LoopClock.virtual(), () -> {
            try (var it = iterate(Observable.range(0, 10_000).hide(), Integer.MAX_VALUE)) {
                assertThat(it).hasSize(10_000);
            }
        });
        assertThatThrownBy(() -> iterate(Observable.empty(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bufferSize must be at least 1, was 0");
    }

    @Test
    void itemsFromAnotherThreadArriveInOrder() {
        List<Long> items = new ArrayList<>();
        run(LoopClock.virtual(), () -> {
            // a buffer for all 20: real-time ticks keep coming while a loaded machine delays the task
            try (var it = iterate(Observable.interval(1, TimeUnit.MILLISECONDS).take(20), 20)) {
                for (long i : it) {
                    items.add(i);
                }
            }
            try (var it = iterate(Observable.range(0, 5000).hide().subscribeOn(Schedulers.io()), Integer.MAX_VALUE)) {
                List<Integer> all = new ArrayList<>();
                it.forEach(all::add);
                assertThat(all).hasSize(5000).isSorted();
            }
        });
        assertThat(items).hasSize(20).isSorted();
    }

    @Test
    void breakOrAnExceptionInTheLoopDisposesTheObservable() {
        AtomicInteger disposals = new AtomicInteger();
        IOException failure = new IOException("cannot process");
        run(LoopClock.virtual(), () -> { // buffers of 1024: real-time ticks must not overflow on a loaded machine
            try (var it = iterate(Observable.interval(1, TimeUnit.MILLISECONDS).doOnDispose(disposals::incrementAndGet), 1024)) {
                for (long i : it) {
                    if (i == 2) {
                        break;
                    }
                }
            }
            assertThatThrownBy(() -> {
                try (var it = iterate(Observable.interval(1, TimeUnit.MILLISECONDS).doOnDispose(disposals::incrementAndGet), 1024)) {
                    for (long i : it) {
                        if (i == 2) {
                            throw failure;
                        }
                    }
                }
            }).isSameAs(failure);
        });
        assertThat(disposals).hasValue(2);
    }

    @Test
    void cancellingTheTaskWhileItWaitsDisposesTheObservableAtOnce() {
        PublishSubject<String> subject = PublishSubject.create();
        List<String> seen = new CopyOnWriteArrayList<>();
        run(LoopClock.virtual(), () -> {
            Task<Void> reader = createTask(() -> {
                try (var it = iterate(subject, 8)) {
                    for (String s : it) {
                        seen.add(s);
                    }
                }
            });
            sleep(Duration.ZERO);
            subject.onNext("a");
            sleep(Duration.ZERO);
            sleep(Duration.ZERO);
            reader.cancel();
            assertThat(subject.hasObservers()).as("disposed inside Task.cancel").isFalse();
            assertThatThrownBy(() -> Async.await(reader)).isInstanceOf(CancelledException.class);
        });
        assertThat(seen).containsExactly("a");
    }

    @Test
    void taskThatEndsWithoutClosingLeavesNoSubscription() {
        PublishSubject<String> subject = PublishSubject.create();
        run(LoopClock.virtual(), () -> {
            Task<String> reader = createTask(() -> {
                for (String s : iterate(subject, 4)) { // no try-with-resources
                    return s;
                }
                return "none";
            });
            sleep(Duration.ZERO);
            subject.onNext("first");
            assertThat(Async.await(reader)).isEqualTo("first");
            sleep(Duration.ZERO);
            assertThat(subject.hasObservers()).isFalse();
        });
    }

    @Test
    void closingWakesATaskWaitingForTheNextItem() {
        PublishSubject<String> subject = PublishSubject.create();
        run(LoopClock.virtual(), () -> {
            ObservableIteration<String> iteration = iterate(subject, 4);
            Iterator<String> iterator = iteration.iterator();
            Task<Boolean> reader = createTask(iterator::hasNext);
            sleep(Duration.ZERO);
            assertThat(reader.isDone()).isFalse();
            iteration.close();
            assertThat(Async.await(reader)).isFalse();
            assertThat(subject.hasObservers()).isFalse();
        });
    }

    @Test
    void errorIsThrownUnchangedAfterTheItemsBeforeIt() {
        IOException io = new IOException("broken pipe");
        List<Integer> items = new ArrayList<>();
        run(LoopClock.virtual(), () -> {
            try (var it = iterate(Observable.just(1, 2, 3).concatWith(Observable.error(io))
                    .subscribeOn(Schedulers.io()), 8)) {
                Iterator<Integer> iterator = it.iterator();
                assertThatThrownBy(() -> iterator.forEachRemaining(items::add)).isSameAs(io);
                assertThat(iterator.hasNext()).isFalse();
            }
        });
        assertThat(items).containsExactly(1, 2, 3);
    }

    @Test
    void iteratedOnceAndACompletedObservableIsNotDisposedByClose() {
        AtomicInteger disposals = new AtomicInteger();
        run(LoopClock.virtual(), () -> {
            ObservableIteration<Integer> iteration = iterate(Observable.range(0, 5).hide().doOnDispose(disposals::incrementAndGet), 8);
            Iterator<Integer> first = iteration.iterator();
            assertThatThrownBy(iteration::iterator).isInstanceOf(IllegalStateException.class).hasMessageContaining("iterated once");
            assertThat(first.next()).isZero(); // the range has completed into the buffer
            iteration.close();
            assertThat(first.hasNext()).isFalse();
            assertThatThrownBy(iteration::iterator).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        });
        assertThat(disposals).hasValue(0);
    }
}
