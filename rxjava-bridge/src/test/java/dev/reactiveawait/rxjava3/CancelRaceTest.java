package dev.reactiveawait.rxjava3;

import static dev.reactiveawait.rxjava3.BareSubscriber.bare;
import static dev.reactiveawait.rxjava3.RxTasks.rxFlowable;
import static dev.reactiveawait.rxjava3.RxTasks.rxSingle;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reactiveawait.Async;
import dev.reactiveawait.testkit.Races;
import io.reactivex.rxjava3.core.SingleObserver;
import io.reactivex.rxjava3.disposables.Disposable;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Observers disposing, and subscribers requesting and cancelling, from other threads while the
 * tasks run: every subscription ends at most once, no task is left behind, items stay in order
 * and within demand, and nothing reaches {@code RxJavaPlugins.onError} (our own cancellation
 * included).
 */
@Timeout(60)
class CancelRaceTest extends BridgeTestBase {
    private static final int SUBSCRIPTIONS = 2_000;

    @Test
    void singlesDisposedAtRandomSignalAtMostOnceAndLeaveNoTask() throws Exception {
        AtomicInteger bodiesStarted = new AtomicInteger();
        AtomicInteger bodiesEnded = new AtomicInteger();
        AtomicInteger signals = new AtomicInteger();
        AtomicInteger twice = new AtomicInteger();
        ExecutorService disposers = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < SUBSCRIPTIONS; i++) {
                int n = i;
                AtomicReference<Disposable> upstream = new AtomicReference<>();
                AtomicInteger mine = new AtomicInteger();
                rxSingle(loop, () -> {
                    bodiesStarted.incrementAndGet();
                    try {
                        Async.sleep(Duration.ofNanos(ThreadLocalRandom.current().nextInt(200_000)));
                        return n;
                    } finally {
                        bodiesEnded.incrementAndGet();
                    }
                }).subscribe(new SingleObserver<Integer>() {
                    @Override
                    public void onSubscribe(Disposable d) {
                        upstream.set(d);
                    }

                    @Override
                    public void onSuccess(Integer value) {
                        assertThat(value).isEqualTo(n);
                        terminal();
                    }

                    @Override
                    public void onError(Throwable e) {
                        terminal();
                    }

                    private void terminal() {
                        signals.incrementAndGet();
                        if (mine.incrementAndGet() > 1) {
                            twice.incrementAndGet();
                        }
                    }
                });
                disposers.execute(() -> {
                    Races.spin();
                    upstream.get().dispose();
                });
            }
        } finally {
            disposers.shutdown();
            assertThat(disposers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        awaitUntil(() -> bodiesEnded.get() == bodiesStarted.get() && loopThread.onLoop(() -> loop.allTasks().isEmpty()),
                Duration.ofSeconds(20));
        assertThat(twice).hasValue(0);
        assertThat(signals.get()).isBetween(0, SUBSCRIPTIONS);
    }

    @Test
    void flowablesRequestedAndCancelledFromOtherThreadsStayInOrderWithinDemand() throws Exception {
        AtomicInteger settled = new AtomicInteger();
        AtomicInteger violations = new AtomicInteger();
        Races.requestAndCancelFromOtherThreads(SUBSCRIPTIONS / 4, () -> bare(rxFlowable(loop, (RxFlowableEmitter<Integer> emitter) -> {
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
