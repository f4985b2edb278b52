package dev.reactiveawait.rxjava3;

import static dev.reactiveawait.Async.createTask;
import static dev.reactiveawait.Async.sleep;
import static dev.reactiveawait.rxjava3.RxAwait.await;
import static dev.reactiveawait.rxjava3.RxAwait.awaitFirst;
import static dev.reactiveawait.rxjava3.RxAwait.awaitList;
import static dev.reactiveawait.rxjava3.RxAwait.iterate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reactiveawait.CancelledException;
import dev.reactiveawait.Coroutine;
import dev.reactiveawait.EventLoop;
import dev.reactiveawait.Task;
import dev.reactiveawait.VoidCoroutine;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.FlowableSubscriber;
import io.reactivex.rxjava3.core.Maybe;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Observer;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.disposables.Disposable;
import io.reactivex.rxjava3.subscribers.DisposableSubscriber;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;

/**
 * Faults on the producing side: a subscriber or observer that throws from {@code onNext}
 * (Reactive Streams rule 2.13), and a loop closed while the bridge's subscriptions are pending.
 */
class FaultInjectionTest extends BridgeTestBase {

    @Test
    void aSubscriberThrowingFromOnNextCancelsTheFlowablesBodyAndItsErrorGoesToRxJavaPlugins() throws InterruptedException {
        IllegalStateException broken = new IllegalStateException("the subscriber broke");
        Body body = new Body();
        List<String> signals = new CopyOnWriteArrayList<>();
        RxTasks.<Integer>rxFlowable(loop, emitter -> body.run(() -> {
            emitter.emit(1);
            emitter.emit(2);
        })).subscribe(new FlowableSubscriber<>() {
            @Override
            public void onSubscribe(Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(Integer item) {
                signals.add("onNext " + item);
                throw broken;
            }

            @Override
            public void onError(Throwable e) {
                signals.add("onError " + e);
            }

            @Override
            public void onComplete() {
                signals.add("onComplete");
            }
        });

        body.assertCancelledBy(broken, "the Flowable's subscriber threw from onNext");
        assertThat(signals).as("RS 2.13: nothing after the throw").containsExactly("onNext 1");
        assertThat(takeErrors()).as("raised once, through RxJavaPlugins.onError").containsExactly(broken);
    }

    @Test
    void anObserverThrowingFromOnNextCancelsTheObservablesBodyAndItsErrorGoesToRxJavaPlugins() throws InterruptedException {
        IllegalStateException broken = new IllegalStateException("the observer broke");
        Body body = new Body();
        List<String> signals = new CopyOnWriteArrayList<>();
        RxTasks.<Integer>rxObservable(loop, emitter -> body.run(() -> {
            emitter.emit(1);
            emitter.emit(2);
        })).subscribe(new Observer<>() {
            @Override
            public void onSubscribe(Disposable d) {}

            @Override
            public void onNext(Integer item) {
                signals.add("onNext " + item);
                throw broken;
            }

            @Override
            public void onError(Throwable e) {
                signals.add("onError " + e);
            }

            @Override
            public void onComplete() {
                signals.add("onComplete");
            }
        });

        body.assertCancelledBy(broken, "the Observable's observer threw from onNext");
        assertThat(signals).as("nothing after the throw").containsExactly("onNext 1");
        assertThat(takeErrors()).as("raised once, through RxJavaPlugins.onError").containsExactly(broken);
    }

    /** A body that records its task, the CancelledException emit threw, and its finally. */
    private final class Body {
        final AtomicReference<Task<?>> task = new AtomicReference<>();
        final AtomicReference<Throwable> thrown = new AtomicReference<>();
        final CountDownLatch finallyRan = new CountDownLatch(1);

        void run(VoidCoroutine emitting) throws Exception {
            task.set(dev.reactiveawait.Async.currentTask());
            try {
                emitting.run();
            } catch (CancelledException e) {
                thrown.set(e);
                throw e;
            } finally {
                finallyRan.countDown();
            }
        }

        void assertCancelledBy(Throwable broken, String message) throws InterruptedException {
            assertThat(finallyRan.await(5, TimeUnit.SECONDS)).isTrue();
            drainLoop();
            assertThat(thrown.get()).isInstanceOf(CancelledException.class)
                    .hasMessageContaining(message).hasCause(broken);
            assertThat(loopThread.onLoop(() -> task.get().isCancelled())).as("the body's task is cancelled").isTrue();
        }
    }

    @Test
    void closingTheLoopDisposesEverySourceAndRunsEveryFinally() {
        AtomicInteger subscriptions = new AtomicInteger();
        AtomicInteger cancels = new AtomicInteger();
        AtomicInteger tasks = new AtomicInteger();
        AtomicInteger finallies = new AtomicInteger();
        List<Throwable> producedErrors = new CopyOnWriteArrayList<>();
        EventLoop closing = EventLoop.create();
        closing.runUntilComplete(() -> {
            // awaits and iterations on sources that never end
            Counted counted = new Counted(subscriptions, cancels);
            watch(tasks, finallies, () -> await(counted.single(Single.never())));
            watch(tasks, finallies, () -> await(counted.maybe(Maybe.never())));
            watch(tasks, finallies, () -> {
                await(counted.completable(Completable.never()));
                return null;
            });
            watch(tasks, finallies, () -> awaitFirst(counted.flowable(Flowable.never())));
            watch(tasks, finallies, () -> awaitList(counted.observable(Observable.never())));
            watch(tasks, finallies, () -> {
                try (var it = iterate(counted.flowable(Flowable.range(0, 10).concatWith(Flowable.never())), 4)) {
                    it.forEach(item -> assertThat(item).isBetween(0, 9)); // ten items, then it waits for good
                }
                return null;
            });
            watch(tasks, finallies, () -> {
                try (var it = iterate(counted.observable(Observable.<Integer>never()), 4)) {
                    it.forEach(item -> { });
                }
                return null;
            });
            // sources made of tasks, with subscribers: one waiting for demand, the others sleeping
            RxTasks.<Integer>rxFlowable(emitter -> countedTask(tasks, finallies, () -> {
                emitter.emit(1);
                emitter.emit(2); // no demand: waits for good
            })).subscribe(new DisposableSubscriber<>() {
                @Override
                protected void onStart() {
                    request(1);
                }

                @Override
                public void onNext(Integer item) {}

                @Override
                public void onError(Throwable e) {
                    producedErrors.add(e);
                }

                @Override
                public void onComplete() {}
            });
            RxTasks.<Integer>rxFlowable(emitter -> countedTask(tasks, finallies, () -> sleep(Duration.ofDays(1))))
                    .subscribe(item -> { }, producedErrors::add);
            RxTasks.<Integer>rxObservable(emitter -> countedTask(tasks, finallies, () -> sleep(Duration.ofDays(1))))
                    .subscribe(item -> { }, producedErrors::add);
            RxTasks.rxSingle(() -> {
                countedTask(tasks, finallies, () -> sleep(Duration.ofDays(1)));
                return 1;
            }).subscribe(item -> { }, producedErrors::add);
            for (int round = 0; round < 5; round++) {
                sleep(Duration.ZERO); // every task reaches its wait
            }
            assertThat(subscriptions).hasValue(7);
            return null;
        }); // returns with the tasks above still pending
        closing.close();

        assertThat(tasks).hasValue(11);
        assertThat(finallies).as("every task's finally ran").hasValue(11);
        assertThat(cancels).as("every source was disposed").hasValue(subscriptions.get());
        assertThat(producedErrors).as("the subscribers of the produced sources").hasSize(4)
                .allSatisfy(e -> assertThat(e).isInstanceOf(CancelledException.class));
    }

    /** Counts subscriptions and cancellations (or disposals) of the sources it wraps. */
    private record Counted(AtomicInteger subscriptions, AtomicInteger cancels) {
        <T> Single<T> single(Single<T> s) {
            return s.doOnSubscribe(d -> subscriptions.incrementAndGet()).doOnDispose(cancels::incrementAndGet);
        }

        <T> Maybe<T> maybe(Maybe<T> s) {
            return s.doOnSubscribe(d -> subscriptions.incrementAndGet()).doOnDispose(cancels::incrementAndGet);
        }

        Completable completable(Completable s) {
            return s.doOnSubscribe(d -> subscriptions.incrementAndGet()).doOnDispose(cancels::incrementAndGet);
        }

        <T> Flowable<T> flowable(Flowable<T> s) {
            return s.doOnSubscribe(d -> subscriptions.incrementAndGet()).doOnCancel(cancels::incrementAndGet);
        }

        <T> Observable<T> observable(Observable<T> s) {
            return s.doOnSubscribe(d -> subscriptions.incrementAndGet()).doOnDispose(cancels::incrementAndGet);
        }
    }

    /** A task running {@code body}, counted, whose finally is counted. */
    private static void watch(AtomicInteger tasks, AtomicInteger finallies, Coroutine<?> body) {
        createTask(() -> {
            countedTask(tasks, finallies, body::call);
            return null;
        });
    }

    private static void countedTask(AtomicInteger tasks, AtomicInteger finallies, VoidCoroutine body) throws Exception {
        tasks.incrementAndGet();
        try {
            body.run();
        } finally {
            finallies.incrementAndGet();
        }
    }
}
