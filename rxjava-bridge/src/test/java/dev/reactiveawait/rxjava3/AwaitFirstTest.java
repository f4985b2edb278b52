package dev.reactiveawait.rxjava3;

import static dev.reactiveawait.Async.createTask;
import static dev.reactiveawait.Async.run;
import static dev.reactiveawait.Async.sleep;
import static dev.reactiveawait.rxjava3.RxAwait.awaitFirst;
import static dev.reactiveawait.rxjava3.RxAwait.awaitFirstOptional;
import static dev.reactiveawait.rxjava3.RxAwait.awaitFirstOrDefault;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reactiveawait.Async;
import dev.reactiveawait.CancelledException;
import dev.reactiveawait.LoopClock;
import dev.reactiveawait.Task;
import dev.reactiveawait.rxjava3.RawSources.RawFlowable;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.observers.TestObserver;
import io.reactivex.rxjava3.processors.PublishProcessor;
import io.reactivex.rxjava3.schedulers.Schedulers;
import io.reactivex.rxjava3.subjects.PublishSubject;
import io.reactivex.rxjava3.subscribers.TestSubscriber;
import java.io.IOException;
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
class AwaitFirstTest {
    @RegisterExtension
    final RxPluginErrors errors = new RxPluginErrors();

    @Test
    void requestsExactlyOneAndCancelsAfterTheFirstItem() {
        List<Long> requests = new CopyOnWriteArrayList<>();
        AtomicInteger cancels = new AtomicInteger();
        Flowable<Integer> source = Flowable.range(1, 100).hide()
                .doOnRequest(requests::add)
                .doOnCancel(cancels::incrementAndGet);
        int first = run(LoopClock.virtual(), () -> awaitFirst(source));
        assertThat(first).isEqualTo(1);
        assertThat(requests).containsExactly(1L);
        assertThat(cancels).hasValue(1);
    }

    @Test
    void returnsAtTheFirstItemWithoutWaitingForCompletion() {
        PublishProcessor<String> processor = PublishProcessor.create();
        PublishSubject<String> subject = PublishSubject.create();
        run(LoopClock.virtual(), () -> {
            Task<String> f = createTask(() -> awaitFirst(processor));
            Task<String> o = createTask(() -> awaitFirst(subject));
            sleep(Duration.ZERO);
            assertThat(processor.hasSubscribers() && subject.hasObservers()).isTrue();
            processor.onNext("first");
            subject.onNext("first too");
            assertThat(Async.await(f)).isEqualTo("first");
            assertThat(Async.await(o)).isEqualTo("first too");
            assertThat(processor.hasSubscribers() || subject.hasObservers()).as("cancelled, disposed").isFalse();
        });
    }

    @Test
    void observableIsDisposedAfterTheFirstItem() {
        AtomicInteger disposals = new AtomicInteger();
        List<Long> emitted = new CopyOnWriteArrayList<>();
        long first = run(LoopClock.virtual(), () -> awaitFirst(Observable.interval(1, TimeUnit.MILLISECONDS)
                .doOnNext(emitted::add)
                .doOnDispose(disposals::incrementAndGet)));
        assertThat(first).isZero();
        assertThat(disposals).hasValue(1);
        assertThat(emitted).startsWith(0L);
    }

    @Test
    void emptySourceIsNoSuchElementWithAClearMessage() {
        run(LoopClock.virtual(), () -> {
            assertThatThrownBy(() -> awaitFirst(Flowable.empty().hide()))
                    .isInstanceOf(NoSuchElementException.class)
                    .hasMessageContaining("awaitFirst(FlowableHide)")
                    .hasMessageContaining("completed without emitting any item")
                    .hasMessageContaining("awaitFirstOptional");
            assertThatThrownBy(() -> awaitFirst(Flowable.empty())).isInstanceOf(NoSuchElementException.class);
            assertThatThrownBy(() -> awaitFirst(Observable.empty().hide()))
                    .isInstanceOf(NoSuchElementException.class)
                    .hasMessageContaining("awaitFirst(ObservableHide)");
            assertThatThrownBy(() -> awaitFirst(Observable.empty())).isInstanceOf(NoSuchElementException.class);
        });
    }

    @Test
    void defaultAndOptionalVariantsAnswerEmpty() {
        run(LoopClock.virtual(), () -> {
            assertThat(awaitFirstOrDefault(Flowable.<String>empty().hide(), "default")).isEqualTo("default");
            assertThat(awaitFirstOrDefault(Flowable.just("a", "b"), "default")).isEqualTo("a");
            assertThat(awaitFirstOptional(Flowable.<String>empty().hide())).isEmpty();
            assertThat(awaitFirstOptional(Flowable.just("a", "b").hide())).contains("a");
            assertThat(awaitFirstOptional(Flowable.just("only"))).contains("only");
            assertThat(awaitFirstOrDefault(Observable.<String>empty(), "default")).isEqualTo("default");
            assertThat(awaitFirstOrDefault(Observable.just("a", "b"), "default")).isEqualTo("a");
            assertThat(awaitFirstOptional(Observable.<String>empty().hide())).isEmpty();
            assertThat(awaitFirstOptional(Observable.just("only"))).contains("only");
        });
    }

    @Test
    void errorIsThrownUnchanged() {
        IOException io = new IOException("down");
        run(LoopClock.virtual(), () -> {
            assertThatThrownBy(() -> awaitFirst(Flowable.error(io))).isSameAs(io);
            assertThatThrownBy(() -> awaitFirstOrDefault(Flowable.<String>error(io), "d")).isSameAs(io);
            assertThatThrownBy(() -> awaitFirst(Observable.error(io))).isSameAs(io);
            assertThatThrownBy(() -> awaitFirstOptional(Observable.error(io).subscribeOn(Schedulers.io()))).isSameAs(io);
        });
    }

    @Test
    void itemFromAnotherThreadResumesTheTask() {
        run(LoopClock.virtual(), () -> {
            long first = awaitFirst(Flowable.interval(5, TimeUnit.MILLISECONDS).observeOn(Schedulers.io()));
            assertThat(first).isZero();
            String fromIo = awaitFirst(Observable.fromCallable(() -> "io").subscribeOn(Schedulers.io()));
            assertThat(fromIo).isEqualTo("io");
        });
    }

    @Test
    void itemsSentDespiteTheCancellationAreDropped() {
        RawFlowable<String> source = new RawFlowable<>();
        run(LoopClock.virtual(), () -> {
            Task<String> waiter = createTask(() -> awaitFirst(source));
            sleep(Duration.ZERO);
            source.next("first", "second", "third"); // ignores both the request of 1 and the cancel
            source.subscriber.onComplete();
            assertThat(Async.await(waiter)).isEqualTo("first");
        });
        assertThat(source.requests).containsExactly(1L);
        assertThat(source.cancels).hasValue(1);
    }

    @Test
    void cancellingTheTaskCancelsTheSubscription() {
        PublishProcessor<String> processor = PublishProcessor.create();
        PublishSubject<String> subject = PublishSubject.create();
        run(LoopClock.virtual(), () -> {
            Task<String> f = createTask(() -> awaitFirstOptional(processor).orElse("none"));
            Task<String> o = createTask(() -> awaitFirstOrDefault(subject, "none"));
            sleep(Duration.ZERO);
            f.cancel();
            o.cancel();
            assertThat(processor.hasSubscribers()).isFalse();
            assertThat(subject.hasObservers()).isFalse();
            assertThatThrownBy(() -> Async.await(f)).isInstanceOf(CancelledException.class);
            assertThatThrownBy(() -> Async.await(o)).isInstanceOf(CancelledException.class);
        });
    }

    @Test
    void cancellingOurSubscriptionLeavesOtherSubscribersAlone() {
        PublishProcessor<String> processor = PublishProcessor.create();
        PublishSubject<String> subject = PublishSubject.create();
        TestSubscriber<String> otherSubscriber = processor.test();
        TestObserver<String> otherObserver = subject.test();
        run(LoopClock.virtual(), () -> {
            Task<String> f = createTask(() -> awaitFirst(processor));
            Task<String> o = createTask(() -> awaitFirst(subject));
            sleep(Duration.ZERO);
            f.cancel();
            o.cancel();
            processor.onNext("still delivered");
            subject.onNext("still delivered");
            processor.onComplete();
            subject.onComplete();
            assertThatThrownBy(() -> Async.await(f)).isInstanceOf(CancelledException.class);
            assertThatThrownBy(() -> Async.await(o)).isInstanceOf(CancelledException.class);
        });
        otherSubscriber.assertValues("still delivered").assertComplete().assertNoErrors();
        otherObserver.assertValues("still delivered").assertComplete().assertNoErrors();
    }
}
