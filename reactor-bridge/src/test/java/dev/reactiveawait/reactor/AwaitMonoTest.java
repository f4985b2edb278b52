package dev.reactiveawait.reactor;

import static dev.reactiveawait.Async.createTask;
import static dev.reactiveawait.Async.currentLoop;
import static dev.reactiveawait.Async.run;
import static dev.reactiveawait.Async.sleep;
import static dev.reactiveawait.reactor.ReactorAwait.await;
import static dev.reactiveawait.reactor.ReactorAwait.awaitOptional;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reactiveawait.Async;
import dev.reactiveawait.CancelledException;
import dev.reactiveawait.LoopClock;
import dev.reactiveawait.Promise;
import dev.reactiveawait.Task;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.test.publisher.TestPublisher;
import reactor.util.context.Context;

@Timeout(10)
class AwaitMonoTest {
    @RegisterExtension
    final DroppedSignals drops = new DroppedSignals();

    @Test
    void returnsTheValue() {
        String v = run(LoopClock.virtual(), () -> await(Mono.fromCallable(() -> "value")));
        assertThat(v).isEqualTo("value");
    }

    @Test
    void emptyMonoGivesNullLikeBlock() {
        run(LoopClock.virtual(), () -> {
            assertThat(await(Mono.<String>empty().hide())).isNull();
            assertThat(await(Mono.<String>empty())).isNull();
        });
        assertThat(Mono.<String>empty().hide().block()).isNull(); // what it mirrors (outside the loop:
                                                                  // inside, block() fails fast)
    }

    @Test
    void optionalVariantSaysEmptyWithAType() {
        run(LoopClock.virtual(), () -> {
            assertThat(awaitOptional(Mono.just("x").hide())).contains("x");
            assertThat(awaitOptional(Mono.empty().hide())).isEqualTo(Optional.empty());
            assertThat(awaitOptional(Mono.empty())).isEmpty();
        });
    }

    @Test
    void errorIsThrownUnchanged() {
        IllegalStateException boom = new IllegalStateException("boom");
        run(LoopClock.virtual(), () -> {
            assertThatThrownBy(() -> await(Mono.error(boom).hide())).isSameAs(boom);
            assertThatThrownBy(() -> await(Mono.error(boom))).isSameAs(boom);
        });
    }

    @Test
    void checkedErrorIsThrownUnchangedNotWrapped() {
        IOException io = new IOException("disk");
        run(LoopClock.virtual(), () -> {
            assertThatThrownBy(() -> await(Mono.error(io).hide())).isSameAs(io);
            assertThatThrownBy(() -> await(Mono.error(io))).isSameAs(io); // scalar path: call() wraps, we unwrap
            assertThatThrownBy(() -> await(Mono.error(() -> io))).isSameAs(io);
        });
    }

    @Test
    void scalarMonosAreReadWithoutSubscribing() {
        AtomicInteger subscriptions = new AtomicInteger();
        Mono<String> just = Mono.just("x");
        run(LoopClock.virtual(), () -> {
            assertThat(await(just)).isEqualTo("x");
            assertThat(await(Mono.<String>empty())).isNull();
            assertThat(await(just.doOnSubscribe(s -> subscriptions.incrementAndGet()))).isEqualTo("x");
        });
        assertThat(subscriptions).hasValue(1); // the hooked one is not scalar, so it is subscribed
    }

    @Test
    void monoThatEndsDuringSubscribeDoesNotSuspendTheTask() {
        run(LoopClock.virtual(), () -> {
            List<String> order = new ArrayList<>();
            createTask(() -> order.add("other task"));
            String v = await(Mono.fromCallable(() -> "sync").map(String::toUpperCase));
            order.add("after await " + v);
            sleep(Duration.ZERO);
            assertThat(order).containsExactly("after await SYNC", "other task");
        });
    }

    @Test
    void monoCompletedOnAnotherThreadResumesTheTask() {
        run(LoopClock.virtual(), () -> {
            Sinks.One<String> sink = Sinks.one();
            Task<String> waiter = createTask(() -> await(sink.asMono()));
            sleep(Duration.ZERO);
            assertThat(waiter.isDone()).isFalse();
            Thread.ofPlatform().start(() -> sink.tryEmitValue("from a plain thread"));
            assertThat(Async.await(waiter)).isEqualTo("from a plain thread");
        });
    }

    @Test
    void monoFromAFutureCompletedElsewhereResumesTheTask() {
        run(LoopClock.virtual(), () -> {
            CompletableFuture<Integer> future = CompletableFuture.supplyAsync(() -> 6 * 7);
            assertThat(await(Mono.fromFuture(future))).isEqualTo(42);
            Integer two = await(Mono.just(1).publishOn(Schedulers.parallel()).map(i -> i + 1));
            assertThat(two).isEqualTo(2);
        });
    }

    @Test
    void valueIsReturnedOnTheAwaitingTask() {
        run(LoopClock.virtual(), () -> {
            Thread task = Thread.currentThread();
            AtomicReference<Thread> signalled = new AtomicReference<>();
            String v = await(Mono.just("x").publishOn(Schedulers.single()).doOnNext(x -> signalled.set(Thread.currentThread())));
            assertThat(v).isEqualTo("x");
            assertThat(signalled.get()).isNotSameAs(task);
            assertThat(Thread.currentThread()).isSameAs(task);
        });
    }

    @Test
    void returnsAtTheTerminalSignalAndNeverCancelsAfterTheValue() {
        TestPublisher<String> source = TestPublisher.create();
        AtomicInteger cancels = new AtomicInteger();
        Mono<String> transactional = Mono.fromDirect(source).doOnCancel(cancels::incrementAndGet);
        run(LoopClock.virtual(), () -> {
            Task<String> waiter = createTask(() -> await(transactional));
            sleep(Duration.ZERO);
            source.next("row");
            sleep(Duration.ZERO);
            sleep(Duration.ZERO);
            assertThat(waiter.isDone()).as("still waiting for onComplete after onNext").isFalse();
            source.complete();
            assertThat(Async.await(waiter)).isEqualTo("row");
        });
        source.assertNotCancelled();
        assertThat(cancels).hasValue(0);
    }

    @Test
    void cancellingTheTaskCancelsTheSubscriptionAtOnce() {
        TestPublisher<String> source = TestPublisher.create();
        AtomicInteger cancels = new AtomicInteger();
        run(LoopClock.virtual(), () -> {
            Task<String> waiter = createTask(() -> await(source.mono().doOnCancel(cancels::incrementAndGet)));
            sleep(Duration.ZERO);
            source.assertWasSubscribed();
            waiter.cancel();
            assertThat(cancels).as("cancelled inside Task.cancel").hasValue(1);
            source.assertCancelled();
            assertThatThrownBy(() -> Async.await(waiter)).isInstanceOf(CancelledException.class);
        });
    }

    @Test
    void cancelledAwaitThrowsCancelledExceptionInsideTheTaskAndFinallyRuns() {
        List<String> trace = new CopyOnWriteArrayList<>();
        run(LoopClock.virtual(), () -> {
            Task<Void> waiter = createTask(() -> {
                try {
                    await(Mono.never());
                } catch (CancelledException e) {
                    trace.add("cancelled: " + e.getMessage());
                    throw e;
                } finally {
                    trace.add("finally");
                }
            });
            sleep(Duration.ZERO);
            waiter.cancel("enough");
            sleep(Duration.ZERO);
            assertThat(waiter.isCancelled()).isTrue();
        });
        assertThat(trace).containsExactly("cancelled: enough", "finally");
    }

    @Test
    void lateErrorAfterCancellationGoesToOnErrorDropped() {
        TestPublisher<String> source = TestPublisher.createNoncompliant(TestPublisher.Violation.DEFER_CANCELLATION);
        IllegalStateException late = new IllegalStateException("late");
        run(LoopClock.virtual(), () -> {
            Task<String> waiter = createTask(() -> await(source.mono()));
            sleep(Duration.ZERO);
            waiter.cancel();
            sleep(Duration.ZERO);
            source.error(late);
        });
        assertThat(drops.takeErrors()).containsExactly(late);
    }

    @Test
    void lateValueAfterCancellationGoesToOnNextDropped() {
        TestPublisher<String> source = TestPublisher.createNoncompliant(TestPublisher.Violation.DEFER_CANCELLATION);
        run(LoopClock.virtual(), () -> {
            Task<String> waiter = createTask(() -> await(Mono.fromDirect(source)));
            sleep(Duration.ZERO);
            waiter.cancel();
            sleep(Duration.ZERO);
            source.next("late").complete();
        });
        assertThat(drops.takeItems()).containsExactly("late");
    }

    @Test
    void valueHeldWhenTheTaskIsCancelledGoesToTheDiscardHook() {
        TestPublisher<String> source = TestPublisher.createNoncompliant(TestPublisher.Violation.DEFER_CANCELLATION);
        List<Object> discarded = new CopyOnWriteArrayList<>();
        run(LoopClock.virtual(), () -> ReactorAwait.withContext(Operators.enableOnDiscard(Context.empty(), discarded::add), () -> {
            Task<String> waiter = createTask(() -> await(Mono.fromDirect(source)));
            sleep(Duration.ZERO);
            source.next("row"); // a value, but no completion yet
            waiter.cancel();
            sleep(Duration.ZERO);
            source.complete();
        }));
        assertThat(discarded).containsExactly("row");
    }

    @Test
    void monoEmittingTwiceIsAClearErrorAndIsCancelled() {
        TestPublisher<String> source = TestPublisher.create();
        run(LoopClock.virtual(), () -> {
            Task<String> waiter = createTask(() -> await(Mono.fromDirect(source)));
            sleep(Duration.ZERO);
            source.next("one", "two");
            assertThatThrownBy(() -> Async.await(waiter))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("emitted a second item")
                    .hasMessageContaining("a Mono emits at most one");
        });
        source.assertCancelled();
    }

    @Test
    void pendingAwaitKeepsTheVirtualClockStill() {
        List<String> order = new CopyOnWriteArrayList<>();
        run(LoopClock.virtual(), () -> {
            Task<Void> sleeper = createTask(() -> {
                sleep(Duration.ofHours(1));
                order.add("slept a virtual hour");
            });
            Task<Void> reactive = createTask(() -> {
                await(Mono.delay(Duration.ofMillis(30))); // real time on Reactor's parallel scheduler
                order.add("real 30 ms delay");
            });
            Async.await(reactive);
            Async.await(sleeper);
            assertThat(currentLoop().time()).isEqualTo(Duration.ofHours(1).toNanos());
        });
        assertThat(order).containsExactly("real 30 ms delay", "slept a virtual hour");
    }

    @Test
    void taskThatSwallowsItsCancellationAwaitsTheNextMonoNormally() {
        AtomicInteger cancels = new AtomicInteger();
        run(LoopClock.virtual(), () -> {
            Promise<String> gate = Promise.create();
            Task<String> waiter = createTask(() -> {
                try {
                    Async.await(gate);
                } catch (CancelledException e) {
                    // swallow the first cancellation, then await a Mono: the task is not cancelled any more
                }
                return await(Mono.just("ok").delayElement(Duration.ofMillis(1)).doOnCancel(cancels::incrementAndGet));
            });
            sleep(Duration.ZERO);
            waiter.cancel();
            assertThat(Async.await(waiter)).isEqualTo("ok");
        });
        assertThat(cancels).hasValue(0);
    }
}
