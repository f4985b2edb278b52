package dev.reactiveawait.reactor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reactiveawait.Async;
import dev.reactiveawait.Coroutine;
import dev.reactiveawait.internal.CoreAccess;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * What every publisher the bridge makes of a task must do, whatever its kind: value, empty, error,
 * cancel, second subscriber, delivery thread, and the Reactive Streams rules a one-value test can
 * check (3.6, 3.7, 3.9, 3.13), which the TCK skips for Monos. Each conversion extends it.
 */
abstract class PublisherContractTest extends BridgeTestBase {

    /** The conversion under test, of a task running {@code body} on {@link #loop}. */
    abstract Publisher<Integer> publisherOf(Coroutine<@Nullable Integer> body);

    /** Whether each subscription runs the body again (cold) or all share one task (hot). */
    abstract boolean cold();

    @Test
    void theBodysValueIsSignalledThenCompletion() {
        StepVerifier.create(publisherOf(() -> 7)).expectNext(7).verifyComplete();
    }

    @Test
    void aNullResultCompletesEmpty() {
        StepVerifier.create(publisherOf(() -> null)).verifyComplete();
    }

    @Test
    void aCheckedExceptionFailsItUnchanged() {
        IOException failure = new IOException("disk on fire");
        StepVerifier.create(publisherOf(() -> {
            throw failure;
        })).expectErrorSatisfies(e -> assertThat(e).isSameAs(failure)).verify();
    }

    @Test
    void aSecondSubscriberGetsTheValueToo() {
        AtomicInteger runs = new AtomicInteger();
        Publisher<Integer> publisher = publisherOf(() -> {
            Async.sleep(Duration.ofMillis(1));
            return runs.incrementAndGet();
        });

        StepVerifier.create(publisher).expectNext(1).verifyComplete();
        StepVerifier.create(publisher).expectNext(cold() ? 2 : 1).verifyComplete();
        assertThat(runs).hasValue(cold() ? 2 : 1);
    }

    @Test
    void signalsArriveOnTheLoop() {
        List<Boolean> onLoop = new CopyOnWriteArrayList<>();
        AtomicBoolean released = new AtomicBoolean();
        Publisher<Integer> publisher = publisherOf(() -> {
            while (!released.get()) { // a hot publisher's task still runs when subscribed
                Async.sleep(Duration.ofMillis(1));
            }
            return 1;
        });

        StepVerifier.create(Flux.from(publisher)
                        .doOnNext(x -> onLoop.add(CoreAccess.isLoopThread(Thread.currentThread())))
                        .doOnComplete(() -> onLoop.add(CoreAccess.isLoopThread(Thread.currentThread()))))
                .then(() -> released.set(true))
                .expectNext(1)
                .verifyComplete();
        assertThat(onLoop).containsExactly(true, true);
    }

    @Test
    void cancelledBeforeAnyRequestItSignalsNothing() throws InterruptedException {
        RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>();
        publisherOf(() -> 1).subscribe(subscriber);
        subscriber.subscription().cancel();
        subscriber.subscription().request(1); // RS 3.6: a no-op after cancel
        subscriber.subscription().cancel(); // RS 3.7: so is a second cancel

        drainLoop();
        assertThat(subscriber.signals).containsExactly("onSubscribe");
    }

    @Test
    void requestZeroFailsWithIllegalArgumentException() throws InterruptedException {
        RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>();
        publisherOf(() -> 1).subscribe(subscriber);
        subscriber.subscription().request(0);

        assertThat(subscriber.awaitTermination()).isTrue();
        assertThat(subscriber.signals).containsExactly("onSubscribe", "onError(IllegalArgumentException)");
        assertThat(subscriber.error()).hasMessageContaining("3.9");
    }

    @Test
    void aNegativeRequestFailsWithIllegalArgumentException() throws InterruptedException {
        RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>();
        publisherOf(() -> {
            Async.sleep(Duration.ofMillis(1));
            return 1;
        }).subscribe(subscriber);
        subscriber.subscription().request(-5);
        subscriber.subscription().request(1); // RS 3.6: after the end, a no-op

        assertThat(subscriber.awaitTermination()).isTrue();
        drainLoop();
        assertThat(subscriber.signals).containsExactly("onSubscribe", "onError(IllegalArgumentException)");
    }

    @Test
    void aCancelledSubscriberIsNoLongerReferenced() throws InterruptedException {
        // RS 3.13, for a task still running when the subscriber cancels
        Publisher<Integer> publisher = publisherOf(() -> {
            Async.sleep(Duration.ofHours(1));
            return 1;
        });
        WeakReference<RecordingSubscriber<Integer>> ref = subscribeAndCancel(publisher);

        assertThat(collected(ref)).as("the cancelled subscriber, still referenced").isTrue();
    }

    private WeakReference<RecordingSubscriber<Integer>> subscribeAndCancel(Publisher<Integer> publisher) {
        RecordingSubscriber<Integer> subscriber = new RecordingSubscriber<>();
        publisher.subscribe(subscriber);
        subscriber.subscription().request(1);
        drainLoop(); // the task has started and suspended in its sleep
        subscriber.subscription().cancel();
        return new WeakReference<>(subscriber);
    }
}
