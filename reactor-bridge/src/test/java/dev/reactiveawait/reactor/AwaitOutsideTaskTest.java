package dev.reactiveawait.reactor;

import static dev.reactiveawait.Async.currentLoop;
import static dev.reactiveawait.Async.run;
import static dev.reactiveawait.reactor.ReactorAwait.await;
import static dev.reactiveawait.reactor.ReactorAwait.awaitFirst;
import static dev.reactiveawait.reactor.ReactorAwait.awaitList;
import static dev.reactiveawait.reactor.ReactorAwait.iterate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reactiveawait.CancelledException;
import dev.reactiveawait.LoopClock;
import dev.reactiveawait.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.publisher.TestPublisher;

/**
 * Outside a task: a plain thread blocks (as {@code block()} and {@code toIterable()} do); a loop's
 * thread outside a task, or a Reactor non-blocking thread, gets a clear error before anything is
 * subscribed.
 */
@Timeout(10)
class AwaitOutsideTaskTest {
    @RegisterExtension
    final DroppedSignals drops = new DroppedSignals();

    @Test
    void plainThreadBlocksUntilTheMonoEnds() {
        String v = await(Mono.just("slow").delayElement(Duration.ofMillis(20)));
        assertThat(v).isEqualTo("slow");
        assertThat(await(Mono.empty().hide())).isNull();
        assertThat(awaitFirst(Flux.interval(Duration.ofMillis(1)))).isZero();
        assertThat(awaitList(Flux.range(0, 5).publishOn(Schedulers.parallel()))).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void plainThreadIteratesByBlockingLikeToIterable() {
        List<Integer> items = new ArrayList<>();
        try (var it = iterate(Flux.range(0, 1000).publishOn(Schedulers.parallel()), 16)) {
            for (int i : it) {
                items.add(i);
            }
        }
        assertThat(items).hasSize(1000).isSorted();
    }

    @Test
    void interruptingABlockedPlainThreadCancelsTheSubscription() throws Exception {
        TestPublisher<String> source = TestPublisher.create();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread blocked = Thread.ofPlatform().start(() -> {
            try {
                await(source.mono());
            } catch (Throwable e) {
                thrown.set(e);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        while (!source.wasSubscribed()) {
            Thread.onSpinWait();
        }
        blocked.interrupt();
        blocked.join(5000);
        assertThat(thrown.get()).isInstanceOf(CancelledException.class).hasMessageContaining("interrupted");
        assertThat(stillInterrupted).isTrue();
        source.assertCancelled();
    }

    @Test
    void interruptingABlockedIterationCancelsTheSubscription() throws Exception {
        TestPublisher<String> source = TestPublisher.create();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread blocked = Thread.ofPlatform().start(() -> {
            try (var it = iterate(source)) {
                it.forEach(s -> { });
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        while (!source.wasSubscribed()) {
            Thread.onSpinWait();
        }
        blocked.interrupt();
        blocked.join(5000);
        assertThat(thrown.get()).isInstanceOf(CancelledException.class);
        source.assertCancelled();
    }

    @Test
    void inALoopCallbackItIsAClearErrorAndNothingIsSubscribed() {
        AtomicInteger subscriptions = new AtomicInteger();
        Mono<String> mono = Mono.just("x").hide().doOnSubscribe(s -> subscriptions.incrementAndGet());
        List<Throwable> errors = new ArrayList<>();
        run(LoopClock.virtual(), () -> {
            Promise<Void> done = Promise.create();
            currentLoop().callSoon(() -> {
                for (Runnable misuse : List.<Runnable>of(() -> await(mono), () -> awaitFirst(mono),
                        () -> iterate(mono).iterator())) {
                    try {
                        misuse.run();
                    } catch (IllegalStateException e) {
                        errors.add(e);
                    }
                }
                assertThat(await(Mono.just("scalar"))).isEqualTo("scalar"); // nothing to wait for: fine anywhere
                done.succeed(null);
            });
            dev.reactiveawait.Async.await(done);
        });
        assertThat(errors).hasSize(3).allSatisfy(e -> assertThat(e)
                .hasMessageContaining("outside a task")
                .hasMessageContaining("would deadlock"));
        assertThat(subscriptions).hasValue(0);
    }

    @Test
    void onAReactorNonBlockingThreadItIsAClearError() throws Exception {
        CompletableFuture<Throwable> error = new CompletableFuture<>();
        Schedulers.parallel().schedule(() -> {
            try {
                await(Mono.never());
                error.complete(null);
            } catch (Throwable e) {
                error.complete(e);
            }
        });
        assertThat(error.get(5, TimeUnit.SECONDS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("non-blocking");
    }
}
