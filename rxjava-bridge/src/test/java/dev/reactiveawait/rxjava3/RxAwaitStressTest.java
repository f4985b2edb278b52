package dev.reactiveawait.rxjava3;

import static dev.reactiveawait.Async.createTask;
import static dev.reactiveawait.Async.gatherSettled;
import static dev.reactiveawait.Async.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reactiveawait.Async;
import dev.reactiveawait.CancelledException;
import dev.reactiveawait.Coroutine;
import dev.reactiveawait.LoopClock;
import dev.reactiveawait.Outcome;
import dev.reactiveawait.Task;
import dev.reactiveawait.testkit.Races;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Maybe;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.schedulers.Schedulers;
import io.reactivex.rxjava3.subjects.CompletableSubject;
import io.reactivex.rxjava3.subjects.MaybeSubject;
import io.reactivex.rxjava3.subjects.SingleSubject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Many tasks await Rx sources completed on other threads while others are cancelled at random, from
 * the loop and from other threads. Short by default; {@code -Dstress.iterations=N} (rounds)
 * lengthens it. Checked: every task ends with its own value or cancelled; every subscription ended
 * exactly once (subscribe count == dispose + terminate count); nothing reached
 * {@code RxJavaPlugins.onError} (our cancellations are not errors).
 */
// SEPARATE_THREAD: a loop that hangs ignores the interrupt of a same-thread timeout (it would hang the build)
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RxAwaitStressTest {
    private static final int ROUNDS = Integer.getInteger("stress.iterations", 10);
    private static final int TASKS = 200;

    @RegisterExtension
    final RxPluginErrors errors = new RxPluginErrors();

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
    void sourcesCompletedElsewhereWhileTasksAreCancelledAtRandom() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Counters c = new Counters();
            List<Future<?>> emissions = new ArrayList<>();
            List<Outcome<String>> outcomes = run(LoopClock.virtual(), () -> {
                List<Task<String>> tasks = new ArrayList<>();
                for (int i = 0; i < TASKS; i++) {
                    String value = "v" + i;
                    tasks.add(createTask(awaitOneOf(i % 5, value, c, emissions)));
                }
                Races.cancelSomeAtRandom(tasks, emitters);
                return Async.await(gatherSettled(tasks));
            });
            for (Future<?> f : emissions) {
                f.get(10, TimeUnit.SECONDS);
            }
            for (int i = 0; i < TASKS; i++) {
                Outcome<String> o = outcomes.get(i);
                if (o instanceof Outcome.Success<String> s) {
                    assertThat(s.value()).as("round %d: task %d's own value", round, i).isEqualTo("v" + i);
                } else {
                    assertThat(((Outcome.Failure<String>) o).error()).isInstanceOf(CancelledException.class);
                }
            }
            c.awaitAllEnded();
            c.assertEveryOneEndedOnce(round);
        }
    }

    /** A task body awaiting one kind of source, signalled from an emitter thread after a random pause. */
    private Coroutine<String> awaitOneOf(int kind, String value, Counters c, List<Future<?>> emissions) {
        switch (kind) {
            case 0 -> {
                SingleSubject<String> subject = SingleSubject.create();
                emissions.add(emitters.submit(() -> {
                    Races.park();
                    subject.onSuccess(value);
                }));
                Single<String> single = Single.defer(() -> c.watch(subject));
                return () -> RxAwait.await(single);
            }
            case 1 -> {
                MaybeSubject<String> subject = MaybeSubject.create();
                emissions.add(emitters.submit(() -> {
                    Races.park();
                    subject.onSuccess(value);
                }));
                Maybe<String> maybe = Maybe.defer(() -> c.watch(subject));
                return () -> RxAwait.await(maybe);
            }
            case 2 -> {
                CompletableSubject subject = CompletableSubject.create();
                emissions.add(emitters.submit(() -> {
                    Races.park();
                    subject.onComplete();
                }));
                Completable completable = Completable.defer(() -> c.watch(subject));
                return () -> {
                    RxAwait.await(completable);
                    return value;
                };
            }
            case 3 -> {
                Flowable<String> flowable = Flowable.defer(() -> c.watch(
                        Flowable.just(value, "more").delay(ThreadLocalRandom.current().nextInt(50), TimeUnit.MICROSECONDS)));
                return () -> RxAwait.awaitFirst(flowable);
            }
            default -> {
                Observable<String> observable = Observable.defer(() -> c.watch(Observable.fromCallable(() -> value)
                        .subscribeOn(Schedulers.io())
                        .delay(ThreadLocalRandom.current().nextInt(50), TimeUnit.MICROSECONDS)));
                return () -> RxAwait.awaitSingle(observable);
            }
        }
    }

    @Test
    void iterationsOfSourcesOnOtherThreadsWhileTasksAreCancelledAtRandom() {
        for (int round = 0; round < ROUNDS; round++) {
            Counters c = new Counters();
            List<Outcome<Long>> outcomes = run(LoopClock.virtual(), () -> {
                List<Task<Long>> tasks = new ArrayList<>();
                for (int i = 0; i < TASKS / 4; i++) {
                    int prefetch = 1 + ThreadLocalRandom.current().nextInt(64);
                    if (i % 2 == 0) {
                        Flowable<Integer> items = Flowable.defer(() -> c.watch(
                                Flowable.range(0, 1000).observeOn(Schedulers.computation(), false, 32)));
                        tasks.add(createTask(() -> sum(RxAwait.iterate(items, prefetch))));
                    } else {
                        // 1000 items into a buffer of 1000: never an overflow, however slow the task
                        Observable<Integer> items = Observable.defer(() -> c.watch(
                                Observable.range(0, 1000).hide().subscribeOn(Schedulers.io())));
                        tasks.add(createTask(() -> sum(RxAwait.iterate(items, 1000))));
                    }
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
            c.awaitAllEnded();
            c.assertEveryOneEndedOnce(round);
        }
    }

    private static long sum(AutoCloseable iteration) throws Exception {
        long sum = 0;
        try (iteration) {
            @SuppressWarnings("unchecked")
            Iterable<Integer> items = (Iterable<Integer>) iteration;
            for (int item : items) {
                sum += item;
            }
        }
        return sum;
    }

    /** Counts subscriptions and how each ended: disposed (or cancelled) by us, or terminated by the source. */
    private static final class Counters {
        final AtomicInteger subscribed = new AtomicInteger();
        final AtomicInteger disposed = new AtomicInteger();
        final AtomicInteger terminated = new AtomicInteger();
        final AtomicInteger endedTwice = new AtomicInteger();

        private void ended(AtomicBoolean once, AtomicInteger how) {
            if (once.compareAndSet(false, true)) {
                how.incrementAndGet();
            }
        }

        <T> Single<T> watch(Single<T> s) {
            AtomicBoolean once = new AtomicBoolean();
            return s.doOnSubscribe(d -> subscribed.incrementAndGet())
                    .doOnEvent((v, e) -> ended(once, terminated))
                    .doOnDispose(() -> ended(once, disposed));
        }

        <T> Maybe<T> watch(Maybe<T> m) {
            AtomicBoolean once = new AtomicBoolean();
            return m.doOnSubscribe(d -> subscribed.incrementAndGet())
                    .doOnEvent((v, e) -> ended(once, terminated))
                    .doOnDispose(() -> ended(once, disposed));
        }

        Completable watch(Completable c) {
            AtomicBoolean once = new AtomicBoolean();
            return c.doOnSubscribe(d -> subscribed.incrementAndGet())
                    .doOnEvent(e -> ended(once, terminated))
                    .doOnDispose(() -> ended(once, disposed));
        }

        <T> Flowable<T> watch(Flowable<T> f) {
            AtomicBoolean once = new AtomicBoolean();
            return f.doOnSubscribe(s -> subscribed.incrementAndGet())
                    .doOnTerminate(() -> ended(once, terminated))
                    .doOnCancel(() -> ended(once, disposed));
        }

        <T> Observable<T> watch(Observable<T> o) {
            AtomicBoolean once = new AtomicBoolean();
            return o.doOnSubscribe(d -> subscribed.incrementAndGet())
                    .doOnTerminate(() -> ended(once, terminated))
                    .doOnDispose(() -> ended(once, disposed));
        }

        /** Ends are counted on the source's threads, possibly after our observer returned. */
        void awaitAllEnded() {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (subscribed.get() != disposed.get() + terminated.get() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        }

        void assertEveryOneEndedOnce(int round) {
            assertThat(subscribed.get()).as("round %d: subscriptions == disposals + terminations (%d + %d)",
                    round, disposed.get(), terminated.get())
                    .isEqualTo(disposed.get() + terminated.get())
                    .isGreaterThan(0);
        }
    }
}
