package dev.reactiveawait.reactor;

import static dev.reactiveawait.Async.run;
import static dev.reactiveawait.reactor.ReactorAwait.await;
import static dev.reactiveawait.reactor.ReactorAwait.awaitFirst;
import static dev.reactiveawait.reactor.ReactorAwait.awaitList;
import static dev.reactiveawait.reactor.ReactorAwait.iterate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reactiveawait.LoopClock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import reactor.core.publisher.Mono;

/** Sources that break the Reactive Streams rules get a clear error or a drop to the hooks, never a hang. */
@Timeout(10)
class SpecViolationTest {
    @RegisterExtension
    final DroppedSignals drops = new DroppedSignals();

    /** Counts requests and cancellations. */
    private static class Sub implements Subscription {
        final AtomicInteger cancels = new AtomicInteger();
        final List<Long> requests = new ArrayList<>();

        @Override
        public void request(long n) {
            requests.add(n);
        }

        @Override
        public void cancel() {
            cancels.incrementAndGet();
        }
    }

    @Test
    void secondOnSubscribeIsCancelledAndReportedTheFirstIsKept() {
        Sub first = new Sub();
        Sub second = new Sub();
        Publisher<String> twice = s -> {
            s.onSubscribe(first);
            s.onSubscribe(second);
            s.onNext("value");
            s.onComplete();
        };
        run(LoopClock.virtual(), () -> assertThat(awaitList(twice)).containsExactly("value"));
        assertThat(second.cancels).hasValue(1);
        assertThat(first.cancels).hasValue(0);
        assertThat(drops.takeErrors()).singleElement().asString().contains("Rule 2.12");
    }

    @Test
    void secondOnSubscribeDuringIterationIsCancelledAndReported() {
        Sub second = new Sub();
        Publisher<Integer> twice = s -> {
            s.onSubscribe(new Sub() {
                @Override
                public void request(long n) {
                    s.onNext(1);
                    s.onComplete();
                }
            });
            s.onSubscribe(second);
        };
        run(LoopClock.virtual(), () -> {
            try (var it = iterate(twice)) {
                assertThat(it).containsExactly(1);
            }
        });
        assertThat(second.cancels).hasValue(1);
        assertThat(drops.takeErrors()).hasSize(1);
    }

    @Test
    void signalsAfterTheTerminalOneGoToTheHooks() {
        IllegalStateException afterComplete = new IllegalStateException("after complete");
        Publisher<String> chatty = s -> {
            s.onSubscribe(new Sub());
            s.onNext("value");
            s.onComplete();
            s.onNext("after complete");
            s.onError(afterComplete);
            s.onComplete();
        };
        run(LoopClock.virtual(), () -> {
            assertThat(await(Mono.fromDirect(chatty))).isEqualTo("value");
            try (var it = iterate(chatty)) {
                assertThat(it).containsExactly("value");
            }
        });
        assertThat(drops.takeItems()).containsExactly("after complete", "after complete");
        assertThat(drops.takeErrors()).containsExactly(afterComplete, afterComplete);
    }

    @Test
    void itemsBeyondTheOneRequestedByAwaitFirstAreDropped() {
        Sub sub = new Sub();
        Publisher<String> flood = s -> {
            s.onSubscribe(sub);
            s.onNext("a");
            s.onNext("b"); // beyond request(1), after our cancel
        };
        run(LoopClock.virtual(), () -> assertThat(awaitFirst(flood)).isEqualTo("a"));
        assertThat(sub.requests).containsExactly(1L);
        assertThat(sub.cancels).hasValue(1);
        assertThat(drops.takeItems()).containsExactly("b");
    }

    @Test
    void nullItemEndsTheAwaitWithNullPointerExceptionThrownToTheSourceTooAndCancelsIt() {
        List<Throwable> thrownAtSource = new ArrayList<>();
        Sub sub = new Sub();
        Publisher<String> nulls = s -> {
            s.onSubscribe(sub);
            try {
                s.onNext(nullString());
            } catch (NullPointerException e) {
                thrownAtSource.add(e); // RS 2.13: the subscriber throws, the source handles it
            }
            s.onNext("after the null"); // a source that goes on regardless
            s.onComplete();
        };
        run(LoopClock.virtual(), () -> assertThatThrownBy(() -> awaitList(nulls))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("onNext(null), breaking Reactive Streams rule 2.13")
                .isSameAs(thrownAtSource.get(0)));
        assertThat(sub.cancels).hasValue(1);
        assertThat(drops.takeItems()).containsExactly("after the null");
    }

    @Test
    void signalsBeforeOnSubscribeEndTheAwaitWithAnErrorNamingRule19AndTheLateSubscriptionIsCancelled() {
        Sub late = new Sub();
        Publisher<String> rude = s -> {
            s.onNext("early");
            s.onComplete();
            s.onSubscribe(late);
        };
        run(LoopClock.virtual(), () -> assertThatThrownBy(() -> await(Mono.fromDirect(rude)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("onNext before onSubscribe, breaking Reactive Streams rule 1.9"));
        assertThat(late.cancels).hasValue(1);
        assertThat(late.requests).isEmpty();
    }

    @Test
    void awaitOnAPublisherThatNeverCallsOnSubscribeCanStillBeCancelled() {
        Publisher<String> silent = s -> { };
        run(LoopClock.virtual(), () -> {
            var task = dev.reactiveawait.Async.createTask(() -> await(Mono.fromDirect(silent)));
            dev.reactiveawait.Async.sleep(java.time.Duration.ZERO);
            task.cancel();
            assertThatThrownBy(() -> dev.reactiveawait.Async.await(task))
                    .isInstanceOf(dev.reactiveawait.CancelledException.class);
        });
    }

    private static String nullString() {
        return null;
    }
}
