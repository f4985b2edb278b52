package dev.reactiveawait.reactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reactiveawait.Async;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

class NonBlockingLoopThreadsTest extends BridgeTestBase {

    @AfterEach
    void registerAgain() {
        ReactorTasks.registerNonBlockingLoopThreads();
    }

    @Test
    void blockInsideATaskFailsFastWithReactorsOwnError() {
        ReactorTasks.registerNonBlockingLoopThreads();

        assertThatThrownBy(() -> Async.run(() -> Mono.delay(Duration.ofHours(1)).block()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("block()/blockFirst()/blockLast() are blocking");
    }

    @Test
    void blockInACallbackOfTheLoopFailsFastToo() {
        ReactorTasks.registerNonBlockingLoopThreads();

        String outcome = Async.run(() -> {
            dev.reactiveawait.Promise<String> result = dev.reactiveawait.Promise.create();
            Async.currentLoop().callSoon(() -> {
                try {
                    Mono.delay(Duration.ofMillis(10)).block();
                    result.trySucceed("blocked");
                } catch (IllegalStateException e) {
                    result.trySucceed("refused");
                }
            });
            return Async.await(result);
        });
        assertThat(outcome).isEqualTo("refused");
    }

    @Test
    void aPlainThreadMayStillBlock() {
        ReactorTasks.registerNonBlockingLoopThreads();

        assertThat(Mono.just(1).block()).isEqualTo(1);
        assertThat(Schedulers.isInNonBlockingThread()).isFalse();
    }

    @Test
    void registeringIsIdempotentAndSurvivesAReset() {
        ReactorTasks.registerNonBlockingLoopThreads();
        ReactorTasks.registerNonBlockingLoopThreads();
        assertThat(Async.run(Schedulers::isInNonBlockingThread)).isTrue();

        Schedulers.resetNonBlockingThreadPredicate();
        assertThat(Async.run(Schedulers::isInNonBlockingThread)).isFalse();

        ReactorTasks.registerNonBlockingLoopThreads();
        assertThat(Async.run(Schedulers::isInNonBlockingThread)).isTrue();
    }
}
