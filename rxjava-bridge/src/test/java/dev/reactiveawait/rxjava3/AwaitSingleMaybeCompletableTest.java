package dev.reactiveawait.rxjava3;

import static dev.reactiveawait.Async.createTask;
import static dev.reactiveawait.Async.currentLoop;
import static dev.reactiveawait.Async.run;
import static dev.reactiveawait.Async.sleep;
import static dev.reactiveawait.rxjava3.RxAwait.await;
import static dev.reactiveawait.rxjava3.RxAwait.awaitOptional;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reactiveawait.Async;
import dev.reactiveawait.CancelledException;
import dev.reactiveawait.LoopClock;
import dev.reactiveawait.Promise;
import dev.reactiveawait.Task;
import dev.reactiveawait.rxjava3.RawSources.RawCompletable;
import dev.reactiveawait.rxjava3.RawSources.RawMaybe;
import dev.reactiveawait.rxjava3.RawSources.RawSingle;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Maybe;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.plugins.RxJavaPlugins;
import io.reactivex.rxjava3.schedulers.Schedulers;
import io.reactivex.rxjava3.schedulers.TestScheduler;
import io.reactivex.rxjava3.subjects.CompletableSubject;
import io.reactivex.rxjava3.subjects.MaybeSubject;
import io.reactivex.rxjava3.subjects.SingleSubject;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

// SEPARATE_THREAD: a loop that hangs ignores the interrupt of a same-thread timeout (it would hang the build)
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AwaitSingleMaybeCompletableTest {
    @RegisterExtension
    final RxPluginErrors errors = new RxPluginErrors();

    // ---------------------------------------------------------------- success, empty, error

    @Test
    void singleReturnsItsValue() {
        String v = run(LoopClock.virtual(), () -> await(Single.fromCallable(() -> "value")));
        assertThat(v).isEqualTo("value");
    }

    @Test
    void maybeReturnsItsValueOrNullWhenEmpty() {
        run(LoopClock.virtual(), () -> {
            assertThat(await(Maybe.fromCallable(() -> "x"))).isEqualTo("x");
            assertThat(await(Maybe.<String>empty().hide())).isNull();
            assertThat(await(Maybe.<String>empty())).isNull();
            assertThat(Maybe.<String>empty().hide().blockingGet()).as("as blockingGet says empty").isNull();
        });
    }

    @Test
    void optionalVariantSaysEmptyWithAType() {
        run(LoopClock.virtual(), () -> {
            assertThat(awaitOptional(Maybe.just("x").hide())).contains("x");
            assertThat(awaitOptional(Maybe.just("x"))).contains("x");
            assertThat(awaitOptional(Maybe.empty().hide())).isEmpty();
            assertThat(awaitOptional(Maybe.empty())).isEmpty();
        });
    }

    @Test
    void completableReturnsAtCompletion() {
        List<String> trace = new ArrayList<>();
        run(LoopClock.virtual(), () -> {
            await(Completable.fromAction(() -> trace.add("ran")));
            await(Completable.complete());
            await(Completable.complete().hide());
            trace.add("after");
        });
        assertThat(trace).containsExactly("ran", "after");
    }

    @Test
    void errorIsThrownUnchanged() {
        IllegalStateException boom = new IllegalStateException("boom");
        run(LoopClock.virtual(), () -> {
            assertThatThrownBy(() -> await(Single.error(boom))).isSameAs(boom);
            assertThatThrownBy(() -> await(Maybe.error(boom))).isSameAs(boom);
            assertThatThrownBy(() -> await(Completable.error(boom))).isSameAs(boom);
        });
    }

    @Test
    void checkedErrorIsThrownUnchangedNotWrapped() {
        IOException io = new IOException("disk");
        run(LoopClock.virtual(), () -> {
            assertThatThrownBy(() -> await(Single.error(io))).isSameAs(io);
            assertThatThrownBy(() -> await(Single.fromCallable(() -> {
                throw io;
            }))).isSameAs(io);
            assertThatThrownBy(() -> await(Maybe.error(io).subscribeOn(Schedulers.io()))).isSameAs(io);
            assertThatThrownBy(() -> await(Completable.error(io).hide())).isSameAs(io);
        });
    }

    // ---------------------------------------------------------------- fast paths

    @Test
    @SuppressWarnings({"rawtypes", "unchecked"}) // RxJavaPlugins' getter and setter disagree on wildcards
    void scalarMaybesAreReadWithoutSubscribing() {
        AtomicInteger subscriptions = new AtomicInteger();
        io.reactivex.rxjava3.functions.BiFunction previous = RxJavaPlugins.getOnMaybeSubscribe();
        RxJavaPlugins.setOnMaybeSubscribe((maybe, observer) -> {
            subscriptions.incrementAndGet();
            return observer;
        });
        try {
            run(LoopClock.virtual(), () -> {
                assertThat(await(Maybe.just("x"))).isEqualTo("x");
                assertThat(await(Maybe.<String>empty())).isNull();
                assertThat(await(Maybe.just("y").hide())).isEqualTo("y"); // not scalar: subscribed
            });
        } finally {
            RxJavaPlugins.setOnMaybeSubscribe(previous);
        }
        assertThat(subscriptions).as("the hidden Maybe and the Maybe.just it hides, nothing else").hasValue(2);
    }

    @Test
    void sourcesThatEndDuringSubscribeDoNotSuspendTheTask() {
        run(LoopClock.virtual(), () -> {
            List<String> order = new ArrayList<>();
            createTask(() -> order.add("other task"));
            String v = await(Single.just("sync").map(String::toUpperCase));
            String w = await(Single.just("just"));
            Integer m = await(Maybe.fromCallable(() -> 1));
            await(Completable.fromRunnable(() -> { }));
            assertThatThrownBy(() -> await(Single.error(new IOException("sync")))).isInstanceOf(IOException.class);
            order.add("after awaits " + v + " " + w + " " + m);
            sleep(Duration.ZERO);
            assertThat(order).containsExactly("after awaits SYNC just 1", "other task");
        });
    }

    // ---------------------------------------------------------------- other threads

    @Test
    void singleCompletedOnAnotherThreadResumesTheTask() {
        run(LoopClock.virtual(), () -> {
            SingleSubject<String> subject = SingleSubject.create();
            Task<String> waiter = createTask(() -> await(subject));
            sleep(Duration.ZERO);
            assertThat(waiter.isDone()).isFalse();
            Thread.ofPlatform().start(() -> subject.onSuccess("from a plain thread"));
            assertThat(Async.await(waiter)).isEqualTo("from a plain thread");
        });
    }

    @Test
    void sourcesOnRxSchedulersResumeTheTaskOnTheTask() {
        run(LoopClock.virtual(), () -> {
            Thread task = Thread.currentThread();
            AtomicReference<Thread> signalled = new AtomicReference<>();
            String v = await(Single.fromCallable(() -> "io").subscribeOn(Schedulers.io())
                    .doOnSuccess(x -> signalled.set(Thread.currentThread())));
            assertThat(v).isEqualTo("io");
            assertThat(signalled.get()).isNotSameAs(task);
            assertThat(Thread.currentThread()).isSameAs(task);
            Integer two = await(Maybe.just(1).delay(1, TimeUnit.MILLISECONDS).map(i -> i + 1));
            assertThat(two).isEqualTo(2);
            await(Completable.timer(1, TimeUnit.MILLISECONDS, Schedulers.single()));
        });
    }

    @Test
    void maybeAndCompletableSubjectsCompletedElsewhereResumeTheTask() {
        run(LoopClock.virtual(), () -> {
            MaybeSubject<String> maybe = MaybeSubject.create();
            CompletableSubject completable = CompletableSubject.create();
            Task<String> m = createTask(() -> await(maybe));
            Task<String> c = createTask(() -> {
                await(completable);
                return "completed";
            });
            sleep(Duration.ZERO);
            Schedulers.computation().scheduleDirect(maybe::onComplete);
            Schedulers.io().scheduleDirect(completable::onComplete);
            assertThat(Async.await(m)).isNull();
            assertThat(Async.await(c)).isEqualTo("completed");
        });
    }

    @Test
    void testSchedulerTimeDrivesTheAwaitedSingle() {
        TestScheduler scheduler = new TestScheduler();
        run(LoopClock.virtual(), () -> {
            Task<Long> waiter = createTask(() -> await(Single.timer(1, TimeUnit.HOURS, scheduler)));
            sleep(Duration.ZERO);
            scheduler.advanceTimeBy(59, TimeUnit.MINUTES);
            sleep(Duration.ZERO);
            assertThat(waiter.isDone()).isFalse();
            scheduler.advanceTimeBy(1, TimeUnit.MINUTES); // signals on this (the loop's) thread
            assertThat(Async.await(waiter)).isZero();
        });
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
                await(Single.timer(30, TimeUnit.MILLISECONDS)); // real time on Rx's computation scheduler
                order.add("real 30 ms timer");
            });
            Async.await(reactive);
            Async.await(sleeper);
            assertThat(currentLoop().time()).isEqualTo(Duration.ofHours(1).toNanos());
        });
        assertThat(order).containsExactly("real 30 ms timer", "slept a virtual hour");
    }

    // ---------------------------------------------------------------- never disposed after the value

    @Test
    void terminalSignalsAreNeverFollowedByADisposal() {
        AtomicInteger disposals = new AtomicInteger();
        run(LoopClock.virtual(), () -> {
            assertThat(await(Single.just(1).delay(1, TimeUnit.MILLISECONDS).doOnDispose(disposals::incrementAndGet)))
                    .isEqualTo(1);
            assertThat(await(Maybe.just(2).delay(1, TimeUnit.MILLISECONDS).doOnDispose(disposals::incrementAndGet)))
                    .isEqualTo(2);
            await(Completable.timer(1, TimeUnit.MILLISECONDS).doOnDispose(disposals::incrementAndGet));
        });
        assertThat(disposals).hasValue(0);
    }

    // ---------------------------------------------------------------- cancellation

    @Test
    void cancellingTheTaskDisposesTheSourceAtOnce() {
        AtomicInteger disposals = new AtomicInteger();
        SingleSubject<String> single = SingleSubject.create();
        MaybeSubject<String> maybe = MaybeSubject.create();
        CompletableSubject completable = CompletableSubject.create();
        run(LoopClock.virtual(), () -> {
            List<Task<?>> waiters = List.of(
                    createTask(() -> await(single.doOnDispose(disposals::incrementAndGet))),
                    createTask(() -> await(maybe.doOnDispose(disposals::incrementAndGet))),
                    createTask(() -> await(completable.doOnDispose(disposals::incrementAndGet))));
            sleep(Duration.ZERO);
            assertThat(single.hasObservers() && maybe.hasObservers() && completable.hasObservers()).isTrue();
            int expected = 0;
            for (Task<?> waiter : waiters) {
                waiter.cancel();
                assertThat(disposals).as("disposed inside Task.cancel").hasValue(++expected);
            }
            assertThat(single.hasObservers() || maybe.hasObservers() || completable.hasObservers()).isFalse();
            for (Task<?> waiter : waiters) {
                assertThatThrownBy(() -> Async.await(waiter)).isInstanceOf(CancelledException.class);
            }
        });
    }

    @Test
    void cancelledAwaitThrowsCancelledExceptionInsideTheTaskAndFinallyRuns() {
        List<String> trace = new CopyOnWriteArrayList<>();
        run(LoopClock.virtual(), () -> {
            Task<Void> waiter = createTask(() -> {
                try {
                    await(Single.never());
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
    void cancellingFromAnotherThreadDisposesTheSource() throws Exception {
        AtomicInteger disposals = new AtomicInteger();
        run(LoopClock.virtual(), () -> {
            Task<String> waiter = createTask(() -> await(Single.<String>never().doOnDispose(disposals::incrementAndGet)));
            sleep(Duration.ZERO);
            Thread canceller = Thread.ofPlatform().start(waiter::cancel);
            assertThatThrownBy(() -> Async.await(waiter)).isInstanceOf(CancelledException.class);
            canceller.join();
        });
        assertThat(disposals).hasValue(1);
    }

    @Test
    void lateErrorAfterTheDisposalGoesToRxJavaPlugins() {
        RawSingle<String> single = new RawSingle<>();
        RawMaybe<String> maybe = new RawMaybe<>();
        RawCompletable completable = new RawCompletable();
        IOException late = new IOException("late");
        run(LoopClock.virtual(), () -> {
            Task<?> s = createTask(() -> await(single));
            Task<?> m = createTask(() -> await(maybe));
            Task<?> c = createTask(() -> await(completable));
            sleep(Duration.ZERO);
            s.cancel();
            m.cancel();
            c.cancel();
            sleep(Duration.ZERO);
            single.observer.onError(late);
            maybe.observer.onError(late);
            completable.observer.onError(late);
            single.observer.onSuccess("late value"); // dropped, as RxJava drops it
        });
        assertThat(single.disposals() + maybe.disposals() + completable.disposals()).isEqualTo(3);
        assertThat(errors.take()).containsExactly(late, late, late);
    }

    @Test
    void errorArrivingAsTheTaskIsCancelledGoesToRxJavaPlugins() {
        RawSingle<String> single = new RawSingle<>();
        IOException boom = new IOException("boom");
        run(LoopClock.virtual(), () -> {
            Task<String> waiter = createTask(() -> await(single));
            sleep(Duration.ZERO);
            single.observer.onError(boom); // the task is woken with the error...
            waiter.cancel(); // ...but cancelled before it runs: nobody will read the error
            assertThatThrownBy(() -> Async.await(waiter)).isInstanceOf(CancelledException.class);
        });
        assertThat(single.disposals()).as("the Single had ended: not disposed").isZero();
        assertThat(errors.take()).containsExactly(boom);
    }

    @Test
    void taskThatSwallowsItsCancellationAwaitsTheNextSingleNormally() {
        AtomicInteger disposals = new AtomicInteger();
        run(LoopClock.virtual(), () -> {
            Promise<String> gate = Promise.create();
            Task<String> waiter = createTask(() -> {
                try {
                    Async.await(gate);
                } catch (CancelledException e) {
                    // swallow the first cancellation, then await a Single: the task is not cancelled any more
                }
                return await(Single.just("ok").delay(1, TimeUnit.MILLISECONDS).doOnDispose(disposals::incrementAndGet));
            });
            sleep(Duration.ZERO);
            waiter.cancel();
            assertThat(Async.await(waiter)).isEqualTo("ok");
        });
        assertThat(disposals).hasValue(0);
    }
}
