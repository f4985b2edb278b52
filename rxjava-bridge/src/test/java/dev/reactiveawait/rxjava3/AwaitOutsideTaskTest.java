package dev.reactiveawait.rxjava3;

import static dev.reactiveawait.Async.currentLoop;
import static dev.reactiveawait.Async.run;
import static dev.reactiveawait.rxjava3.RxAwait.await;
import static dev.reactiveawait.rxjava3.RxAwait.awaitFirst;
import static dev.reactiveawait.rxjava3.RxAwait.awaitList;
import static dev.reactiveawait.rxjava3.RxAwait.iterate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reactiveawait.CancelledException;
import dev.reactiveawait.LoopClock;
import dev.reactiveawait.Promise;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Maybe;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.plugins.RxJavaPlugins;
import io.reactivex.rxjava3.processors.PublishProcessor;
import io.reactivex.rxjava3.schedulers.Schedulers;
import io.reactivex.rxjava3.subjects.SingleSubject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Outside a task: a plain thread blocks (as {@code blockingGet()} and {@code blockingIterable()}
 * do); a loop's thread outside a task, or a thread where RxJava forbids blocking, gets a clear
 * error before anything is subscribed.
 */
// SEPARATE_THREAD: a loop that hangs ignores the interrupt of a same-thread timeout (it would hang the build)
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AwaitOutsideTaskTest {
    @RegisterExtension
    final RxPluginErrors errors = new RxPluginErrors();

    @Test
    void plainThreadBlocksUntilTheSourceEnds() {
        assertThat(await(Single.just("slow").delay(20, TimeUnit.MILLISECONDS))).isEqualTo("slow");
        assertThat(await(Maybe.empty().hide())).isNull();
        await(Completable.timer(1, TimeUnit.MILLISECONDS));
        assertThat(awaitFirst(Flowable.interval(1, TimeUnit.MILLISECONDS))).isZero();
        assertThat(awaitFirst(Observable.interval(1, TimeUnit.MILLISECONDS))).isZero();
        assertThat(awaitList(Flowable.range(0, 5).observeOn(Schedulers.computation()))).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void plainThreadIteratesByBlockingLikeBlockingIterable() {
        List<Integer> items = new ArrayList<>();
        try (var it = iterate(Flowable.range(0, 1000).observeOn(Schedulers.computation()), 16)) {
            for (int i : it) {
                items.add(i);
            }
        }
        assertThat(items).hasSize(1000).isSorted();
        List<Long> ticks = new ArrayList<>();
        try (var it = iterate(Observable.interval(1, TimeUnit.MILLISECONDS).take(5), 8)) {
            it.forEach(ticks::add);
        }
        assertThat(ticks).containsExactly(0L, 1L, 2L, 3L, 4L);
    }

    @Test
    void interruptingABlockedPlainThreadDisposesTheSource() throws Exception {
        SingleSubject<String> subject = SingleSubject.create();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread blocked = Thread.ofPlatform().start(() -> {
            try {
                await(subject);
            } catch (Throwable e) {
                thrown.set(e);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        while (!subject.hasObservers()) {
            Thread.onSpinWait();
        }
        blocked.interrupt();
        blocked.join(5000);
        assertThat(thrown.get()).isInstanceOf(CancelledException.class)
                .hasMessageContaining("interrupted while blocked in await(SingleSubject)");
        assertThat(stillInterrupted).isTrue();
        assertThat(subject.hasObservers()).isFalse();
    }

    @Test
    void interruptingABlockedIterationCancelsTheSubscription() throws Exception {
        PublishProcessor<String> processor = PublishProcessor.create();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread blocked = Thread.ofPlatform().start(() -> {
            try (var it = iterate(processor)) {
                it.forEach(s -> { });
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        while (!processor.hasSubscribers()) {
            Thread.onSpinWait();
        }
        blocked.interrupt();
        blocked.join(5000);
        assertThat(thrown.get()).isInstanceOf(CancelledException.class);
        assertThat(processor.hasSubscribers()).isFalse();
    }

    @Test
    void inALoopCallbackItIsAClearErrorAndNothingIsSubscribed() {
        AtomicInteger subscriptions = new AtomicInteger();
        Single<String> single = Single.just("x").doOnSubscribe(d -> subscriptions.incrementAndGet());
        Flowable<String> flowable = Flowable.just("x").doOnSubscribe(s -> subscriptions.incrementAndGet());
        Observable<String> observable = Observable.just("x").doOnSubscribe(d -> subscriptions.incrementAndGet());
        List<Throwable> misuses = new ArrayList<>();
        run(LoopClock.virtual(), () -> {
            Promise<Void> done = Promise.create();
            currentLoop().callSoon(() -> {
                for (Runnable misuse : List.<Runnable>of(() -> await(single), () -> awaitFirst(flowable),
                        () -> awaitList(observable), () -> iterate(flowable).iterator(),
                        () -> iterate(observable, 4).iterator())) {
                    try {
                        misuse.run();
                    } catch (IllegalStateException e) {
                        misuses.add(e);
                    }
                }
                assertThat(await(Maybe.just("scalar"))).isEqualTo("scalar"); // nothing to wait for: fine anywhere
                assertThat(awaitFirst(Flowable.just("scalar"))).isEqualTo("scalar");
                done.succeed(null);
            });
            dev.reactiveawait.Async.await(done);
        });
        assertThat(misuses).hasSize(5).allSatisfy(e -> assertThat(e)
                .hasMessageContaining("outside a task")
                .hasMessageContaining("would deadlock"));
        assertThat(subscriptions).hasValue(0);
    }

    @Test
    void whereRxJavaForbidsBlockingItIsAClearError() throws Exception {
        boolean failOnNonBlocking = RxJavaPlugins.isFailOnNonBlockingScheduler();
        var onBeforeBlocking = RxJavaPlugins.getOnBeforeBlocking(); // restored: a bridge may have installed one
        RxJavaPlugins.setFailOnNonBlockingScheduler(true);
        RxJavaPlugins.setOnBeforeBlocking(() -> Thread.currentThread().getName().startsWith("no-blocking"));
        try {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread t = Thread.ofPlatform().name("no-blocking-1").start(() -> {
                try {
                    await(Single.never());
                } catch (Throwable e) {
                    thrown.set(e);
                }
            });
            t.join(5000);
            assertThat(thrown.get()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no-blocking-1")
                    .hasMessageContaining("RxJava forbids blocking");
            assertThat(await(Single.just("elsewhere").delay(1, TimeUnit.MILLISECONDS))).isEqualTo("elsewhere");
        } finally {
            RxJavaPlugins.setFailOnNonBlockingScheduler(failOnNonBlocking);
            RxJavaPlugins.setOnBeforeBlocking(onBeforeBlocking);
        }
    }

    @Test
    void nullArgumentsAreRejectedByName() {
        assertThatThrownBy(() -> await((Single<String>) null)).isInstanceOf(NullPointerException.class).hasMessage("single");
        assertThatThrownBy(() -> awaitFirst((Flowable<String>) null)).isInstanceOf(NullPointerException.class).hasMessage("source");
        assertThatThrownBy(() -> iterate((Observable<String>) null, 1)).isInstanceOf(NullPointerException.class).hasMessage("source");
    }
}
