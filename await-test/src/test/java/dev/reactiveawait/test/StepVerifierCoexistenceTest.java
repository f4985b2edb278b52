package dev.reactiveawait.test;

import static dev.reactiveawait.Async.toThread;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reactiveawait.EventLoop;
import dev.reactiveawait.reactor.ReactorAwait;
import java.time.Duration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * reactor-test inside an {@link AsyncTest}. Which clock wins: {@code StepVerifier.create} sees the
 * test loop's clock (Reactor's default schedulers are the loop's); {@code withVirtualTime} installs
 * its own {@code VirtualTimeScheduler} for the publisher its supplier builds, driven only by
 * {@code thenAwait}/{@code expectNoEvent}, and the loop's clock does not move meanwhile. Afterwards
 * the loop's schedulers are back.
 */
class StepVerifierCoexistenceTest {

    @AsyncTest
    void createVerifiesASynchronousSourceOnTheLoop() {
        StepVerifier.create(Flux.just(1, 2, 3)).expectNext(1, 2, 3).verifyComplete();
    }

    @AsyncTest
    void createVerifiesATimedSourceOnTheLoopClockFromAnotherThread(EventLoop loop) {
        // verify() blocks its thread until the delay fires, and the delay fires on the loop: verify off the loop
        toThread(() -> StepVerifier.create(Mono.delay(Duration.ofHours(1))).expectNext(0L).verifyComplete());
        assertThat(Duration.ofNanos(loop.time())).isEqualTo(Duration.ofHours(1));
    }

    @AsyncTest
    void withVirtualTimeUsesItsOwnClockAndLeavesTheLoopsAlone(EventLoop loop) {
        StepVerifier.withVirtualTime(() -> Mono.delay(Duration.ofDays(1)))
                .expectSubscription()
                .thenAwait(Duration.ofDays(1))
                .expectNext(0L)
                .verifyComplete();
        assertThat(loop.time()).isZero();
        ReactorAwait.await(Mono.delay(Duration.ofSeconds(5)));
        assertThat(Duration.ofNanos(loop.time())).isEqualTo(Duration.ofSeconds(5));
    }
}
