package dev.reactiveawait.reactor;

import static dev.reactiveawait.reactor.BareSubscriber.bare;
import static dev.reactiveawait.reactor.ReactorTasks.flux;
import static dev.reactiveawait.reactor.ReactorTasks.mono;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reactiveawait.Async;
import dev.reactiveawait.testkit.Races;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.SignalType;

/**
 * Subscribers cancelling and requesting from other threads while the tasks run: every subscription
 * ends exactly once, no task is left behind, items stay in order and within demand, and nothing
 * reaches the dropped-error hook.
 */
@Timeout(60)
class CancelRaceTest extends BridgeTestBase {
    private static final int SUBSCRIPTIONS = 2_000;

    @Test
    void monosCancelledAtRandomEndOnceAndLeaveNoTask() throws Exception {
        AtomicInteger bodiesStarted = new AtomicInteger();
        AtomicInteger bodiesEnded = new AtomicInteger();
        AtomicInteger settled = new AtomicInteger();
        AtomicInteger values = new AtomicInteger();
        ExecutorService cancellers = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < SUBSCRIPTIONS; i++) {
                int n = i;
                BaseSubscriber<Integer> subscriber = new BaseSubscriber<>() {
                    @Override
                    protected void hookOnNext(Integer value) {
                        assertThat(value).isEqualTo(n);
                        values.incrementAndGet();
                    }

                    @Override
                    protected void hookFinally(SignalType type) {
                        settled.incrementAndGet();
                    }
                };
                mono(loop, () -> {
                    bodiesStarted.incrementAndGet();
                    try {
                        Async.sleep(Duration.ofNanos(ThreadLocalRandom.current().nextInt(200_000)));
                        return n;
                    } finally {
                        bodiesEnded.incrementAndGet();
                    }
                }).subscribe(subscriber);
                cancellers.execute(() -> {
                    Races.spin();
                    subscriber.cancel();
                });
            }
        } finally {
            cancellers.shutdown();
            assertThat(cancellers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        awaitUntil(() -> settled.get() == SUBSCRIPTIONS && bodiesEnded.get() == bodiesStarted.get()
                && loopThread.onLoop(() -> loop.allTasks().isEmpty()), Duration.ofSeconds(20));
        assertThat(values.get()).isBetween(0, SUBSCRIPTIONS);
    }

    @Test
    void fluxesRequestedAndCancelledFromOtherThreadsStayInOrderWithinDemand() throws Exception {
        AtomicInteger settled = new AtomicInteger();
        AtomicInteger violations = new AtomicInteger();
        Races.requestAndCancelFromOtherThreads(SUBSCRIPTIONS / 4, () -> bare(ReactorTasks.<Integer>flux(loop, emitter -> {
            for (int item = 0; item < 20; item++) {
                emitter.emit(item);
            }
        })),
                settled, violations);

        awaitUntil(() -> settled.get() == SUBSCRIPTIONS / 4 && loopThread.onLoop(() -> loop.allTasks().isEmpty()),
                Duration.ofSeconds(20));
        assertThat(violations).hasValue(0);
    }
}
