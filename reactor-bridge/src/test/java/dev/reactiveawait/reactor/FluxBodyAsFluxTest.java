package dev.reactiveawait.reactor;

import static dev.reactiveawait.reactor.ReactorTasks.flux;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reactiveawait.Async;
import dev.reactiveawait.CancelledException;
import dev.reactiveawait.Coroutine;
import dev.reactiveawait.LoopClock;
import dev.reactiveawait.Promise;
import dev.reactiveawait.VirtualClock;
import dev.reactiveawait.internal.CoreAccess;
import dev.reactiveawait.testkit.LoopThread;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import reactor.util.context.Context;

class FluxBodyAsFluxTest extends PublisherContractTest {

    @Override
    Publisher<Integer> publisherOf(Coroutine<@Nullable Integer> body) {
        return flux(loop, emitter -> {
            Integer value = body.call();
            if (value != null) {
                emitter.emit(value);
            }
        });
    }

    @Override
    boolean cold() {
        return true;
    }

    @Test
    void emitSuspendsTheBodyUntilTheSubscriberRequests() {
        AtomicInteger delivered = new AtomicInteger();
        Flux<Integer> numbers = flux(loop, emitter -> {
            for (int i = 1; i <= 3; i++) {
                emitter.emit(i);
                delivered.set(i);
            }
        });

        StepVerifier.create(numbers, 0)
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(50))
                .then(() -> assertThat(delivered).hasValue(0))
                .thenRequest(1)
                .expectNext(1)
                .expectNoEvent(Duration.ofMillis(50))
                .then(() -> assertThat(delivered).as("the second emit waits for demand").hasValue(1))
                .thenRequest(2)
                .expectNext(2, 3)
                .verifyComplete();
    }

    @Test
    void completionAndErrorsNeedNoDemand() {
        StepVerifier.create(flux(loop, emitter -> {}), 0).verifyComplete();
        StepVerifier.create(flux(loop, emitter -> {
            throw new IllegalStateException("boom");
        }), 0).verifyErrorMessage("boom");
    }

    @Test
    void aNonPositiveRequestCancelsTheTaskAndFailsOnlyOnceItHasEnded() throws InterruptedException {
        List<String> events = new CopyOnWriteArrayList<>();
        RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>() {
            @Override
            public void onError(Throwable e) {
                events.add("onError");
                super.onError(e);
            }
        };
        ReactorTasks.<Integer>flux(loop, emitter -> {
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
        eventually(() -> List.copyOf(subscriber.signals), signals -> signals.contains("onNext(1)"));
        subscriber.subscription().request(0);

        assertThat(subscriber.awaitTermination()).isTrue();
        assertThat(subscriber.signals).containsExactly("onSubscribe", "onNext(1)", "onError(IllegalArgumentException)");
        assertThat(events).containsExactly("emit threw CancelledException", "finally", "onError");
    }

    @Test
    void emitNullThrowsNullPointerExceptionInTheBody() {
        StepVerifier.create(ReactorTasks.<String>flux(loop, emitter -> {
            try {
                emitter.emit(null);
            } catch (NullPointerException e) {
                emitter.emit(e.getMessage());
            }
        })).expectNextMatches(message -> message.contains("rule 2.13")).verifyComplete();
    }

    @Test
    void cancellingMakesThePendingEmitThrowAndTheFinallyRun() throws InterruptedException {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        CountDownLatch finallyRan = new CountDownLatch(1);
        Flux<Integer> numbers = flux(loop, emitter -> {
            try {
                emitter.emit(1);
                emitter.emit(2); // no demand: suspends until cancelled
            } catch (CancelledException e) {
                thrown.set(e);
                throw e;
            } finally {
                finallyRan.countDown();
            }
        });

        StepVerifier.create(numbers, 1).expectNext(1).thenCancel().verify();

        assertThat(finallyRan.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(thrown.get()).isInstanceOf(CancelledException.class).hasMessageContaining("cancelled");
    }

    @Test
    void aBodyThatFailsAfterTheCancelReportsToOnErrorDropped() throws InterruptedException {
        CountDownLatch ended = new CountDownLatch(1);
        IllegalStateException cleanupFailure = new IllegalStateException("cleanup failed");
        Flux<Integer> numbers = flux(loop, emitter -> {
            try {
                emitter.emit(1);
                emitter.emit(2);
            } finally {
                ended.countDown();
                if (cleanupFailure != null) {
                    throw cleanupFailure;
                }
            }
        });

        StepVerifier.create(numbers, 1).expectNext(1).thenCancel().verify();

        assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(eventually(this::takeErrors, d -> !d.isEmpty())).containsExactly(cleanupFailure);
    }

    @Test
    void emitFromAnotherTaskIsRefused() {
        StepVerifier.create(ReactorTasks.<String>flux(loop, emitter -> {
            try {
                Async.await(Async.createTask(() -> {
                    emitter.emit("from a child");
                    return null;
                }));
            } catch (IllegalStateException e) {
                emitter.emit(e.getMessage());
            }
        })).expectNextMatches(message -> message.contains("not the flux body's own task")).verifyComplete();
    }

    @Test
    void onNextRunsOnTheBodysTaskAndCompletionOnTheLoop() {
        List<String> where = new CopyOnWriteArrayList<>();
        Flux<Integer> numbers = flux(loop, emitter -> {
            emitter.emit(1);
            emitter.emit(2);
        });

        StepVerifier.create(numbers
                        .doOnNext(x -> where.add("onNext on loop=" + CoreAccess.isLoopThread(Thread.currentThread())
                                + ", in task=" + (Async.currentTask() != null)))
                        .doOnComplete(() -> where.add("onComplete on loop=" + CoreAccess.isLoopThread(Thread.currentThread()))))
                .expectNext(1, 2)
                .verifyComplete();
        assertThat(where).containsExactly(
                "onNext on loop=true, in task=true", "onNext on loop=true, in task=true", "onComplete on loop=true");
    }

    @Test
    void theSubscribersContextIsVisibleInTheBody() {
        Flux<String> traced = flux(loop, emitter -> emitter.emit(ReactorContext.current().getOrDefault("trace", "none")));

        StepVerifier.create(traced.contextWrite(Context.of("trace", "t-1"))).expectNext("t-1").verifyComplete();
    }

    @Test
    void aConsumerOnAnotherThreadGetsEveryItemInOrderWithinItsDemand() {
        // publishOn requests 8 at a time from its own thread, and fails with an overflow error if
        // the source ever sends more than it asked for.
        int count = 20_000;
        Flux<Integer> numbers = flux(loop, emitter -> {
            for (int i = 0; i < count; i++) {
                emitter.emit(i);
            }
        });

        List<Integer> received = new ArrayList<>(count);
        StepVerifier.create(numbers.publishOn(Schedulers.single(), 8))
                .recordWith(() -> received)
                .expectNextCount(count)
                .verifyComplete();
        for (int i = 0; i < count; i++) {
            assertThat(received.get(i)).isEqualTo(i);
        }
    }

    @Test
    void subscribedFromAPlainThreadWithoutALoopItFailsNamingTheFix() {
        StepVerifier.create(flux(emitter -> emitter.emit(1)))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("flux(loop, body)"))
                .verify();
    }

    @Test
    void aConsumerOnTheSameVirtualLoopThatRequestsLaterDoesNotFreezeTheClock() {
        // The consumer asks for the next item an hour after each one; the producer waits for that
        // demand without holding the virtual clock still, so the hour passes at once.
        VirtualClock clock = LoopClock.virtual();
        List<Integer> received = Async.run(clock, () -> {
            Promise<List<Integer>> done = Promise.create();
            List<Integer> items = new ArrayList<>();
            flux((FluxEmitter<Integer> emitter) -> {
                for (int i = 0; i < 3; i++) {
                    emitter.emit(i);
                }
            }).subscribe(new BaseSubscriber<Integer>() {
                @Override
                protected void hookOnSubscribe(Subscription subscription) {
                    request(1);
                }

                @Override
                protected void hookOnNext(Integer item) {
                    items.add(item);
                    Async.createTask(() -> {
                        Async.sleep(Duration.ofHours(1));
                        request(1);
                        return null;
                    });
                }

                @Override
                protected void hookOnComplete() {
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
            Flux<Long> hours = flux(virtualLoop.loop(), emitter -> {
                for (int i = 0; i < 3; i++) {
                    Async.sleep(Duration.ofHours(1));
                    emitter.emit(Duration.ofNanos(virtualLoop.loop().time()).toHours());
                }
            });

            StepVerifier.create(hours, 1)
                    .expectNext(1L)
                    .thenRequest(2)
                    .expectNext(2L, 3L)
                    .verifyComplete();
        }
    }
}
