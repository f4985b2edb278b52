package dev.reactiveawait.rxjava3;

import static dev.reactiveawait.Async.createTask;
import static dev.reactiveawait.Async.run;
import static dev.reactiveawait.Async.sleep;
import static dev.reactiveawait.rxjava3.RxAwait.awaitSingle;
import static dev.reactiveawait.rxjava3.RxAwait.awaitSingleOptional;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reactiveawait.Async;
import dev.reactiveawait.CancelledException;
import dev.reactiveawait.LoopClock;
import dev.reactiveawait.Task;
import dev.reactiveawait.rxjava3.RawSources.RawFlowable;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.processors.PublishProcessor;
import io.reactivex.rxjava3.schedulers.Schedulers;
import io.reactivex.rxjava3.subjects.PublishSubject;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

// SEPARATE_THREAD: a loop that hangs ignores the interrupt of a same-thread timeout (it would hang the build)
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AwaitSingleTest {
    @RegisterExtension
    final RxPluginErrors errors = new RxPluginErrors();

    @Test
    void returnsTheOnlyItemAtCompletion() {
        RawFlowable<String> source = new RawFlowable<>();
        run(LoopClock.virtual(), () -> {
            Task<String> waiter = createTask(() -> awaitSingle(source));
            sleep(Duration.ZERO);
            assertThat(source.requests).containsExactly(Long.MAX_VALUE);
            source.next("only");
            sleep(Duration.ZERO);
            assertThat(waiter.isDone()).as("a second item could still come").isFalse();
            source.subscriber.onComplete();
            assertThat(Async.await(waiter)).isEqualTo("only");
        });
        assertThat(source.cancels).hasValue(0);
    }

    @Test
    void secondItemFailsFastAndCancelsTheSource() {
        PublishProcessor<String> processor = PublishProcessor.create();
        PublishSubject<String> subject = PublishSubject.create();
        run(LoopClock.virtual(), () -> {
            Task<String> f = createTask(() -> awaitSingle(processor));
            Task<String> o = createTask(() -> awaitSingle(subject));
            sleep(Duration.ZERO);
            processor.onNext("one");
            processor.onNext("two"); // and never completes
            subject.onNext("one");
            subject.onNext("two");
            assertThatThrownBy(() -> Async.await(f))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("awaitSingle(PublishProcessor)")
                    .hasMessageContaining("emitted more than one item");
            assertThatThrownBy(() -> Async.await(o))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("awaitSingle(PublishSubject)");
            assertThat(processor.hasSubscribers() || subject.hasObservers()).as("cancelled, disposed").isFalse();
        });
    }

    @Test
    void secondItemOfASynchronousSourceStopsIt() {
        List<Integer> emitted = new CopyOnWriteArrayList<>();
        AtomicInteger disposals = new AtomicInteger();
        run(LoopClock.virtual(), () -> {
            assertThatThrownBy(() -> awaitSingle(Flowable.range(1, 1000).hide().doOnNext(emitted::add)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> awaitSingle(Observable.range(1, 1000).doOnNext(emitted::add)
                    .doOnDispose(disposals::incrementAndGet)))
                    .isInstanceOf(IllegalArgumentException.class);
        });
        assertThat(emitted).containsExactly(1, 2, 1, 2);
        assertThat(disposals).hasValue(1);
    }

    @Test
    void emptyIsNoSuchElement() {
        run(LoopClock.virtual(), () -> {
            assertThatThrownBy(() -> awaitSingle(Flowable.empty().hide()))
                    .isInstanceOf(NoSuchElementException.class)
                    .hasMessageContaining("awaitSingleOptional");
            assertThatThrownBy(() -> awaitSingle(Flowable.empty())).isInstanceOf(NoSuchElementException.class);
            assertThatThrownBy(() -> awaitSingle(Observable.empty().hide())).isInstanceOf(NoSuchElementException.class);
        });
    }

    @Test
    void optionalVariantAnswersEmptyButStillRejectsTooMany() {
        run(LoopClock.virtual(), () -> {
            assertThat(awaitSingleOptional(Flowable.<String>empty().hide())).isEmpty();
            assertThat(awaitSingleOptional(Flowable.just("x").hide())).contains("x");
            assertThat(awaitSingleOptional(Flowable.just("y"))).contains("y");
            assertThat(awaitSingleOptional(Observable.<String>empty())).isEmpty();
            assertThat(awaitSingleOptional(Observable.just("z").hide())).contains("z");
            assertThatThrownBy(() -> awaitSingleOptional(Flowable.just("a", "b")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("emitted more than one item");
            assertThatThrownBy(() -> awaitSingleOptional(Observable.just("a", "b")))
                    .isInstanceOf(IllegalArgumentException.class);
        });
    }

    @Test
    void errorIsThrownUnchanged() {
        IllegalStateException boom = new IllegalStateException("boom");
        run(LoopClock.virtual(), () -> {
            assertThatThrownBy(() -> awaitSingle(Flowable.just("a").concatWith(Flowable.error(boom)))).isSameAs(boom);
            assertThatThrownBy(() -> awaitSingleOptional(Flowable.error(boom))).isSameAs(boom);
            assertThatThrownBy(() -> awaitSingle(Observable.just("a").concatWith(Observable.error(boom)))).isSameAs(boom);
        });
    }

    @Test
    void itemFromAnotherThreadResumesTheTask() {
        run(LoopClock.virtual(), () -> {
            assertThat(awaitSingle(Flowable.just("x").delay(5, TimeUnit.MILLISECONDS))).isEqualTo("x");
            assertThat(awaitSingle(Observable.just("y").subscribeOn(Schedulers.io()))).isEqualTo("y");
        });
    }

    @Test
    void cancellingTheTaskCancelsTheSubscription() {
        AtomicInteger cancels = new AtomicInteger();
        run(LoopClock.virtual(), () -> {
            Task<String> f = createTask(() -> awaitSingle(Flowable.<String>never().doOnCancel(cancels::incrementAndGet)));
            Task<String> o = createTask(() -> awaitSingle(Observable.<String>never().doOnDispose(cancels::incrementAndGet)));
            sleep(Duration.ZERO);
            f.cancel();
            o.cancel();
            assertThat(cancels).hasValue(2);
            assertThatThrownBy(() -> Async.await(f)).isInstanceOf(CancelledException.class);
            assertThatThrownBy(() -> Async.await(o)).isInstanceOf(CancelledException.class);
        });
    }
}
