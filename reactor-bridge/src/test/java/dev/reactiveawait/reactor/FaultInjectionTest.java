package dev.reactiveawait.reactor;

import static dev.reactiveawait.Async.createTask;
import static dev.reactiveawait.Async.sleep;
import static dev.reactiveawait.reactor.ReactorAwait.await;
import static dev.reactiveawait.reactor.ReactorAwait.awaitFirst;
import static dev.reactiveawait.reactor.ReactorAwait.awaitList;
import static dev.reactiveawait.reactor.ReactorAwait.iterate;
import static dev.reactiveawait.reactor.ReactorTasks.flux;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reactiveawait.CancelledException;
import dev.reactiveawait.EventLoop;
import dev.reactiveawait.Task;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;

/**
 * Faults on the producing side: a subscriber that throws from {@code onNext} (Reactive Streams
 * rule 2.13), and a loop closed while the bridge's subscriptions are pending.
 */
class FaultInjectionTest extends BridgeTestBase {

    @Test
    void aSubscriberThrowingFromOnNextCancelsTheBodyAndItsErrorGoesToTheHooksNotToTheSubscriber()
            throws InterruptedException {
        IllegalStateException broken = new IllegalStateException("the subscriber broke");
        List<Throwable> operatorErrors = new CopyOnWriteArrayList<>();
        Hooks.onOperatorError("fault-test", (e, value) -> {
            operatorErrors.add(e);
            return e;
        });
        try {
            AtomicReference<Task<?>> body = new AtomicReference<>();
            AtomicReference<Throwable> thrownInBody = new AtomicReference<>();
            CountDownLatch finallyRan = new CountDownLatch(1);
            List<String> signals = new CopyOnWriteArrayList<>();
            Flux<Integer> numbers = flux(loop, emitter -> {
                body.set(dev.reactiveawait.Async.currentTask());
                try {
                    emitter.emit(1);
                    emitter.emit(2);
                } catch (CancelledException e) {
                    thrownInBody.set(e);
                    throw e;
                } finally {
                    finallyRan.countDown();
                }
            });

            numbers.subscribe(throwingFromOnNext(broken, signals));

            assertThat(finallyRan.await(5, TimeUnit.SECONDS)).isTrue();
            drainLoop();
            assertThat(signals).as("RS 2.13: nothing after the throw").containsExactly("onNext 1");
            assertThat(thrownInBody.get()).isInstanceOf(CancelledException.class)
                    .hasMessageContaining("threw from onNext").hasMessageContaining("rule 2.13")
                    .hasCause(broken);
            assertThat(loopThread.onLoop(() -> body.get().isCancelled())).as("the body's task is cancelled").isTrue();
            assertThat(takeErrors()).as("raised once, through onErrorDropped").containsExactly(broken);
            assertThat(operatorErrors).as("as Flux.create does, through onOperatorError").containsExactly(broken);
        } finally {
            Hooks.resetOnOperatorError("fault-test");
        }
    }

    @Test
    void aBodyThatCatchesTheCancellationStillCannotSignalTheBrokenSubscriberAgain() throws InterruptedException {
        IllegalStateException broken = new IllegalStateException("the subscriber broke");
        CountDownLatch ended = new CountDownLatch(1);
        List<String> signals = new CopyOnWriteArrayList<>();
        AtomicReference<Throwable> secondEmit = new AtomicReference<>();
        ReactorTasks.<Integer>flux(loop, emitter -> {
            try {
                emitter.emit(1);
            } catch (CancelledException ignored) {
                try {
                    emitter.emit(2); // a body that goes on regardless
                } catch (CancelledException e) {
                    secondEmit.set(e);
                }
            } finally {
                ended.countDown();
            }
        }).subscribe(throwingFromOnNext(broken, signals));

        assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();
        drainLoop();
        assertThat(signals).containsExactly("onNext 1");
        assertThat(secondEmit.get()).isInstanceOf(CancelledException.class);
        assertThat(takeErrors()).containsExactly(broken);
    }

    @Test
    void closingTheLoopCancelsEverySubscriptionAndRunsEveryFinally() {
        AtomicInteger subscriptions = new AtomicInteger();
        AtomicInteger cancels = new AtomicInteger();
        AtomicInteger tasks = new AtomicInteger();
        AtomicInteger finallies = new AtomicInteger();
        List<Throwable> producedErrors = new CopyOnWriteArrayList<>();
        EventLoop closing = EventLoop.create();
        closing.runUntilComplete(() -> {
            // awaits and iterations on sources that never end
            watch(tasks, finallies, () -> await(never(subscriptions, cancels, Mono.never())));
            watch(tasks, finallies, () -> awaitFirst(never(subscriptions, cancels, Flux.never())));
            watch(tasks, finallies, () -> awaitList(never(subscriptions, cancels, Flux.never())));
            watch(tasks, finallies, () -> {
                try (var it = iterate(never(subscriptions, cancels, Flux.range(0, 10).concatWith(Flux.never())), 4)) {
                    for (int item : it) {
                        assertThat(item).isBetween(0, 9); // ten items, then it waits for good
                    }
                }
                return null;
            });
            // fluxes and monos made of tasks, with subscribers: one waiting for demand, one sleeping
            BaseSubscriber<Integer> wantsOne = recording(producedErrors, 1);
            ReactorTasks.<Integer>flux(emitter -> {
                countedTask(tasks, finallies, () -> {
                    emitter.emit(1);
                    emitter.emit(2); // no demand: waits for good
                });
            }).subscribe(wantsOne);
            ReactorTasks.<Integer>flux(emitter -> countedTask(tasks, finallies, () -> sleep(Duration.ofDays(1))))
                    .subscribe(recording(producedErrors, Long.MAX_VALUE));
            ReactorTasks.<Integer>mono(() -> {
                countedTask(tasks, finallies, () -> sleep(Duration.ofDays(1)));
                return 1;
            }).subscribe(recording(producedErrors, Long.MAX_VALUE));
            for (int round = 0; round < 5; round++) {
                sleep(Duration.ZERO); // every task reaches its wait
            }
            assertThat(subscriptions).hasValue(4);
            return null;
        }); // returns with the tasks above still pending
        closing.close();

        assertThat(tasks).hasValue(7);
        assertThat(finallies).as("every task's finally ran").hasValue(7);
        assertThat(cancels).as("every subscription was cancelled").hasValue(subscriptions.get());
        assertThat(producedErrors).as("the subscribers of the produced publishers").hasSize(3)
                .allSatisfy(e -> assertThat(e).isInstanceOf(CancelledException.class));
    }

    /**
     * A subscriber that requests everything and throws {@code broken} from onNext, recording its
     * signals. (Reactor's {@code BaseSubscriber} and lambda subscribers catch their own exceptions,
     * so only a raw subscriber like this one reaches the publisher with it.)
     */
    private static CoreSubscriber<Integer> throwingFromOnNext(RuntimeException broken, List<String> signals) {
        return new CoreSubscriber<>() {
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
        };
    }

    /** A task running {@code body}, counted, whose finally is counted. */
    private static void watch(AtomicInteger tasks, AtomicInteger finallies, dev.reactiveawait.Coroutine<?> body) {
        createTask(() -> {
            countedTask(tasks, finallies, () -> {
                body.call();
            });
            return null;
        });
    }

    private static void countedTask(AtomicInteger tasks, AtomicInteger finallies, dev.reactiveawait.VoidCoroutine body)
            throws Exception {
        tasks.incrementAndGet();
        try {
            body.run();
        } finally {
            finallies.incrementAndGet();
        }
    }

    private static <P extends org.reactivestreams.Publisher<?>> P never(AtomicInteger subscriptions, AtomicInteger cancels, P source) {
        @SuppressWarnings("unchecked")
        P counted = (P) (source instanceof Mono<?> m
                ? m.doOnSubscribe(s -> subscriptions.incrementAndGet()).doOnCancel(cancels::incrementAndGet)
                : Flux.from(source).doOnSubscribe(s -> subscriptions.incrementAndGet()).doOnCancel(cancels::incrementAndGet));
        return counted;
    }

    private static BaseSubscriber<Integer> recording(List<Throwable> errors, long demand) {
        return new BaseSubscriber<>() {
            @Override
            protected void hookOnSubscribe(Subscription subscription) {
                request(demand);
            }

            @Override
            protected void hookOnError(Throwable e) {
                errors.add(e);
            }
        };
    }
}
