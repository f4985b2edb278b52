package dev.reactiveawait.reactor;

import static dev.reactiveawait.reactor.ReactorTasks.mono;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reactiveawait.Async;
import dev.reactiveawait.CancelledException;
import dev.reactiveawait.Coroutine;
import dev.reactiveawait.EventLoop;
import dev.reactiveawait.LoopClock;
import dev.reactiveawait.Promise;
import dev.reactiveawait.VirtualClock;
import dev.reactiveawait.testkit.LoopThread;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.util.context.Context;

class CoroutineAsMonoTest extends PublisherContractTest {

    @Override
    Publisher<Integer> publisherOf(Coroutine<@Nullable Integer> body) {
        return mono(loop, body);
    }

    @Override
    boolean cold() {
        return true;
    }

    @Test
    void cancellingTheSubscriptionCancelsTheTaskAndItsFinallyRuns() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finallyRan = new CountDownLatch(1);
        AtomicReference<Throwable> seen = new AtomicReference<>();
        Mono<Integer> slow = mono(loop, () -> {
            try {
                started.countDown();
                Async.sleep(Duration.ofHours(1));
                return 1;
            } catch (CancelledException e) {
                seen.set(e);
                throw e;
            } finally {
                finallyRan.countDown();
            }
        });

        StepVerifier.create(slow)
                .then(() -> await(started))
                .thenCancel()
                .verify();

        assertThat(finallyRan.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(seen.get()).isInstanceOf(CancelledException.class).hasMessageContaining("cancelled");
    }

    @Test
    void aTaskCancelledByTheLoopClosingFailsTheMonoWithCancelledException() {
        CountDownLatch started = new CountDownLatch(1);
        Mono<Integer> slow = mono(loop, () -> {
            started.countDown();
            Async.sleep(Duration.ofHours(1));
            return 1;
        });

        StepVerifier.create(slow)
                .then(() -> await(started))
                .then(loopThread::close) // close() cancels the pending tasks
                .expectError(CancelledException.class)
                .verify();
    }

    @Test
    void aBodyThatFailsAfterTheCancelReportsToOnErrorDropped() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(1);
        IllegalStateException cleanupFailure = new IllegalStateException("cleanup failed");
        Mono<Integer> slow = mono(loop, () -> {
            try {
                started.countDown();
                Async.sleep(Duration.ofHours(1));
                return 1;
            } finally {
                ended.countDown();
                if (cleanupFailure != null) {
                    throw cleanupFailure;
                }
            }
        });

        StepVerifier.create(slow).then(() -> await(started)).thenCancel().verify();

        assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(eventually(this::takeErrors, d -> !d.isEmpty())).containsExactly(cleanupFailure);
    }

    @Test
    void theSubscribersContextIsVisibleInTheBody() {
        Mono<String> user = mono(loop, () -> ReactorContext.current().getOrDefault("user", "nobody"));

        StepVerifier.create(user.contextWrite(Context.of("user", "ada"))).expectNext("ada").verifyComplete();
        StepVerifier.create(user).expectNext("nobody").verifyComplete();
    }

    @Test
    void subscribedInsideATaskItRunsOnThatTasksLoop() {
        EventLoop[] seen = new EventLoop[2];
        Integer value = Async.run(() -> {
            seen[0] = Async.currentLoop();
            Promise<Integer> result = Promise.create();
            mono(() -> {
                seen[1] = Async.currentLoop();
                return 5;
            }).subscribe(result::trySucceed, result::tryFail);
            return Async.await(result);
        });

        assertThat(value).isEqualTo(5);
        assertThat(seen[1]).isSameAs(seen[0]);
    }

    @Test
    void subscribedFromAPlainThreadWithoutALoopItFailsNamingTheFix() {
        StepVerifier.create(mono(() -> 1))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("runs no event loop")
                        .hasMessageContaining("mono(loop, body)"))
                .verify();
    }

    @Test
    void subscribedToAClosedLoopItFails() {
        EventLoop closed = EventLoop.create();
        closed.close();

        StepVerifier.create(mono(closed, () -> 1)).expectError(IllegalStateException.class).verify();
    }

    @Test
    void aVirtualHourInTheBodyTakesNoRealTime() {
        VirtualClock clock = LoopClock.virtual();
        long wallStart = System.nanoTime();

        Integer value = Async.run(clock, () -> {
            Promise<Integer> result = Promise.create();
            mono(() -> {
                Async.sleep(Duration.ofHours(1));
                return 42;
            }).subscribe(result::trySucceed, result::tryFail);
            return Async.await(result);
        });

        assertThat(value).isEqualTo(42);
        assertThat(clock.nanoTime()).isEqualTo(Duration.ofHours(1).toNanos());
        assertThat(Duration.ofNanos(System.nanoTime() - wallStart)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aVirtualHourOnALoopServingOtherThreadsTakesNoRealTime() {
        try (LoopThread virtualLoop = new LoopThread("virtual", LoopClock.virtual())) {
            StepVerifier.create(mono(virtualLoop.loop(), () -> {
                        Async.sleep(Duration.ofHours(1));
                        return Duration.ofNanos(virtualLoop.loop().time());
                    }))
                    .expectNext(Duration.ofHours(1))
                    .verifyComplete();
        }
    }

    static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
