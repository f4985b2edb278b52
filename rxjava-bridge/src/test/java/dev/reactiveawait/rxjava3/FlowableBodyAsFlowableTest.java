package dev.reactiveawait.rxjava3;

import static dev.reactiveawait.rxjava3.RxTasks.rxFlowable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reactiveawait.Async;
import dev.reactiveawait.CancelledException;
import dev.reactiveawait.Coroutine;
import dev.reactiveawait.EventLoop;
import dev.reactiveawait.LoopClock;
import dev.reactiveawait.Promise;
import dev.reactiveawait.VirtualClock;
import dev.reactiveawait.internal.CoreAccess;
import dev.reactiveawait.testkit.LoopThread;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.FlowableSubscriber;
import io.reactivex.rxjava3.observers.BaseTestConsumer;
import io.reactivex.rxjava3.schedulers.Schedulers;
import io.reactivex.rxjava3.subscribers.TestSubscriber;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;

class FlowableBodyAsFlowableTest extends ColdSourceContractTest<Flowable<Integer>> {

    private static FlowableBody<Integer> emitting(Coroutine<@Nullable Integer> body) {
        return emitter -> {
            Integer value = body.call();
            if (value != null) {
                emitter.emit(value);
            }
        };
    }

    @Override
    Flowable<Integer> sourceOn(EventLoop target, Coroutine<@Nullable Integer> body) {
        return rxFlowable(target, emitting(body));
    }

    @Override
    Flowable<Integer> sourceOnCurrentLoop(Coroutine<@Nullable Integer> body) {
        return rxFlowable(emitting(body));
    }

    @Override
    String factory() {
        return "rxFlowable";
    }

    @Override
    void subscribeInTask(Flowable<Integer> source, Promise<Integer> outcome) {
        source.subscribe(outcome::trySucceed, outcome::tryFail, () -> outcome.trySucceed(0));
    }

    @Override
    BaseTestConsumer<?, ?> test(Flowable<Integer> source) {
        return source.test();
    }

    @Override
    Flowable<Integer> observed(Flowable<Integer> source, Runnable hook) {
        return source.doOnEach(signal -> hook.run());
    }

    @Test
    void emitSuspendsTheBodyUntilTheSubscriberRequests() throws InterruptedException {
        AtomicInteger delivered = new AtomicInteger();
        TestSubscriber<Integer> subscriber = rxFlowable(loop, (RxFlowableEmitter<Integer> emitter) -> {
            for (int i = 1; i <= 3; i++) {
                emitter.emit(i);
                delivered.set(i);
            }
        }).test(0);

        drainLoop(); // the body has started and suspended in its first emit
        subscriber.assertEmpty();
        assertThat(delivered).hasValue(0);

        subscriber.request(1);
        subscriber.awaitCount(1);
        drainLoop(); // the body has gone on as far as the demand lets it
        subscriber.assertValuesOnly(1);
        assertThat(delivered).as("the second emit waits for demand").hasValue(1);

        subscriber.request(2);
        awaitDone(subscriber);
        subscriber.assertResult(1, 2, 3);
    }

    @Test
    void completionAndErrorsNeedNoDemand() {
        TestSubscriber<Integer> empty = rxFlowable(loop, (RxFlowableEmitter<Integer> emitter) -> {}).test(0);
        TestSubscriber<Integer> failed = rxFlowable(loop, (RxFlowableEmitter<Integer> emitter) -> {
            throw new IllegalStateException("boom");
        }).test(0);

        awaitDone(empty);
        awaitDone(failed);
        empty.assertResult();
        failed.assertFailure(IllegalStateException.class).assertError(e -> e.getMessage().equals("boom"));
    }

    @Test
    void requestZeroCancelsTheTaskAndFailsWithIllegalArgumentExceptionOnceItHasEnded() throws InterruptedException {
        List<String> events = new CopyOnWriteArrayList<>();
        RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>() {
            @Override
            public void onError(Throwable e) {
                events.add("onError");
                super.onError(e);
            }
        };
        rxFlowable(loop, (RxFlowableEmitter<Integer> emitter) -> {
            try {
                emitter.emit(1);
                emitter.emit(2);
            } catch (CancelledException e) {
                events.add("emit threw CancelledException");
                throw e;
            } finally {
                events.add("finally");
            }
        }).subscribe(subscriber);

        subscriber.subscription().request(1);
        drainLoop(); // item 1 is delivered and the body waits for demand in its second emit
        subscriber.subscription().request(0);

        assertThat(subscriber.awaitTermination()).isTrue();
        assertThat(subscriber.signals).containsExactly("onSubscribe", "onNext(1)", "onError(IllegalArgumentException)");
        assertThat(subscriber.error()).hasMessageContaining("rule 3.9");
        assertThat(events).containsExactly("emit threw CancelledException", "finally", "onError");
    }

    @Test
    void aNegativeRequestBeforeAnyItemFailsWithIllegalArgumentException() throws InterruptedException {
        RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>();
        rxFlowable(loop, (RxFlowableEmitter<Integer> emitter) -> emitter.emit(1)).subscribe(subscriber);

        subscriber.subscription().request(-5);
        subscriber.subscription().request(1); // RS 3.6: after the end, a no-op

        assertThat(subscriber.awaitTermination()).isTrue();
        drainLoop(); // and nothing more after the error
        assertThat(subscriber.signals).containsExactly("onSubscribe", "onError(IllegalArgumentException)");
    }

    @Test
    void emitNullThrowsNullPointerExceptionInTheBody() {
        TestSubscriber<String> subscriber = rxFlowable(loop, (RxFlowableEmitter<String> emitter) -> {
            try {
                emitter.emit(null);
            } catch (NullPointerException e) {
                emitter.emit(e.getMessage());
            }
        }).test();

        awaitDone(subscriber);
        subscriber.assertComplete().assertValue(message -> message.contains("rule 2.13"));
    }

    @Test
    void cancellingMakesThePendingEmitThrowAndTheFinallyRun() {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        CountDownLatch finallyRan = new CountDownLatch(1);
        TestSubscriber<Integer> subscriber = rxFlowable(loop, (RxFlowableEmitter<Integer> emitter) -> {
            try {
                emitter.emit(1);
                emitter.emit(2); // no demand: suspends until cancelled
            } catch (CancelledException e) {
                thrown.set(e);
                throw e;
            } finally {
                finallyRan.countDown();
            }
        }).test(1);

        subscriber.awaitCount(1);
        subscriber.cancel();

        await(finallyRan);
        assertThat(thrown.get()).isInstanceOf(CancelledException.class).hasMessageContaining("cancelled");
        subscriber.assertValuesOnly(1);
    }

    @Test
    void emitFromAnotherTaskIsRefused() {
        TestSubscriber<String> subscriber = rxFlowable(loop, (RxFlowableEmitter<String> emitter) -> {
            try {
                Async.await(Async.createTask(() -> {
                    emitter.emit("from a child");
                    return null;
                }));
            } catch (IllegalStateException e) {
                emitter.emit(e.getMessage());
            }
        }).test();

        awaitDone(subscriber);
        subscriber.assertComplete().assertValue(message -> message.contains("not the rxFlowable body's own task"));
    }

    @Test
    void onNextRunsOnTheBodysTaskAndCompletionOnTheLoop() {
        List<String> where = new CopyOnWriteArrayList<>();
        TestSubscriber<Integer> subscriber = rxFlowable(loop, (RxFlowableEmitter<Integer> emitter) -> {
            emitter.emit(1);
            emitter.emit(2);
        })
                .doOnNext(x -> where.add("onNext on loop=" + CoreAccess.isLoopThread(Thread.currentThread())
                        + ", in task=" + (Async.currentTask() != null)))
                .doOnComplete(() -> where.add("onComplete on loop=" + CoreAccess.isLoopThread(Thread.currentThread())))
                .test();

        awaitDone(subscriber);
        subscriber.assertResult(1, 2);
        assertThat(where).containsExactly(
                "onNext on loop=true, in task=true", "onNext on loop=true, in task=true", "onComplete on loop=true");
    }

    @Test
    void aSubscriberThatThrowsCountsAsCancelledAndItsErrorGoesToRxJavaPlugins() throws InterruptedException {
        IllegalStateException broken = new IllegalStateException("subscriber bug");
        RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>() {
            @Override
            public void onNext(Integer item) {
                super.onNext(item);
                throw broken;
            }
        };
        CountDownLatch ended = new CountDownLatch(1);
        rxFlowable(loop, (RxFlowableEmitter<Integer> emitter) -> {
            try {
                emitter.emit(1);
            } finally {
                ended.countDown();
            }
        }).subscribe(subscriber);
        subscriber.subscription().request(5);

        await(ended);
        drainLoop(); // the ended task's signals, if any, have been sent
        assertThat(subscriber.signals).containsExactly("onSubscribe", "onNext(1)"); // no onError after the throw
        assertThat(takeErrors()).containsExactly(broken);
    }

    @Test
    void aConsumerOnAnotherThreadGetsEveryItemInOrderWithinItsDemand() {
        // observeOn requests 8 at a time from its own thread, and fails with
        // MissingBackpressureException if the source ever sends more than it asked for.
        int count = 20_000;
        TestSubscriber<Integer> subscriber = rxFlowable(loop, (RxFlowableEmitter<Integer> emitter) -> {
            for (int i = 0; i < count; i++) {
                emitter.emit(i);
            }
        }).observeOn(Schedulers.single(), false, 8).test();

        awaitDone(subscriber);
        subscriber.assertNoErrors().assertComplete().assertValueCount(count);
        List<Integer> received = subscriber.values();
        for (int i = 0; i < count; i++) {
            assertThat(received.get(i)).isEqualTo(i);
        }
    }

    @Test
    void aConsumerOnTheSameVirtualLoopThatRequestsLaterDoesNotFreezeTheClock() {
        // The consumer asks for the next item an hour after each one; the producer waits for that
        // demand without holding the virtual clock still, so the hour passes at once.
        VirtualClock clock = LoopClock.virtual();
        List<Integer> received = Async.run(clock, () -> {
            Promise<List<Integer>> done = Promise.create();
            List<Integer> items = new ArrayList<>();
            rxFlowable((RxFlowableEmitter<Integer> emitter) -> {
                for (int i = 0; i < 3; i++) {
                    emitter.emit(i);
                }
            }).subscribe(new FlowableSubscriber<Integer>() {
                private Subscription subscription;

                @Override
                public void onSubscribe(Subscription s) {
                    subscription = s;
                    s.request(1);
                }

                @Override
                public void onNext(Integer item) {
                    items.add(item);
                    Async.createTask(() -> {
                        Async.sleep(Duration.ofHours(1));
                        subscription.request(1);
                        return null;
                    });
                }

                @Override
                public void onError(Throwable e) {
                    done.tryFail(e);
                }

                @Override
                public void onComplete() {
                    done.trySucceed(items);
                }
            });
            return Async.await(done);
        });

        assertThat(received).containsExactly(0, 1, 2);
        assertThat(clock.nanoTime()).isEqualTo(Duration.ofHours(2).toNanos()); // items at 0, 1 h, 2 h
    }

    @Test
    void aVirtualSleepBetweenItemsTakesNoRealTime() {
        try (LoopThread virtualLoop = new LoopThread("virtual", LoopClock.virtual())) {
            TestSubscriber<Long> subscriber = rxFlowable(virtualLoop.loop(), (RxFlowableEmitter<Long> emitter) -> {
                for (int i = 0; i < 3; i++) {
                    Async.sleep(Duration.ofHours(1));
                    emitter.emit(Duration.ofNanos(virtualLoop.loop().time()).toHours());
                }
            }).test(1);

            subscriber.awaitCount(1);
            subscriber.assertValuesOnly(1L);
            subscriber.request(2);
            awaitDone(subscriber);
            subscriber.assertResult(1L, 2L, 3L);
        }
    }

    @Test
    void cancelledBeforeTheTaskStartedTheBodyNeverRuns() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch blockLoop = new CountDownLatch(1);
        loop.callSoonThreadsafe(() -> await(blockLoop)); // holds the loop: the subscription's start waits behind it
        TestSubscriber<Integer> subscriber = rxFlowable(loop, (RxFlowableEmitter<Integer> emitter) -> {
            runs.incrementAndGet();
        }).test();

        subscriber.cancel();
        blockLoop.countDown();
        drainLoop(); // the subscription's start, queued behind the blocker, has run

        assertThat(runs).hasValue(0);
        subscriber.assertEmpty();
    }

    @Test
    void theSubscriptionIsRxJavasOwnProtocolToo() {
        // RxJava's own operators (take) cancel and request through the same subscription
        TestSubscriber<Integer> subscriber = rxFlowable(loop, (RxFlowableEmitter<Integer> emitter) -> {
            for (int i = 0; ; i++) {
                emitter.emit(i);
            }
        }).take(5).test();

        awaitDone(subscriber);
        subscriber.assertResult(0, 1, 2, 3, 4);
    }
}
