package dev.reactiveawait.test;

import static dev.reactiveawait.Async.await;
import static dev.reactiveawait.Async.createTask;
import static dev.reactiveawait.Async.gather;
import static dev.reactiveawait.Async.sleep;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reactiveawait.EventLoop;
import dev.reactiveawait.Task;
import dev.reactiveawait.VirtualClock;
import dev.reactiveawait.reactor.ReactorAwait;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Single;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

class OneTimelineTest {
    private static long seconds(EventLoop loop) {
        return Duration.ofNanos(loop.time()).toSeconds();
    }

    @AsyncTest
    void sleepMonoDelayAndSingleTimerKeepTheirOrder(EventLoop loop) throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        Task<Void> reactor = createTask(() -> {
            ReactorAwait.await(Mono.delay(Duration.ofSeconds(3)));
            order.add("Mono.delay at " + seconds(loop));
        });
        Task<Void> rx = createTask(() -> {
            await(Single.timer(4, TimeUnit.SECONDS).toCompletionStage());
            order.add("Single.timer at " + seconds(loop));
        });
        Task<Void> loopSleep = createTask(() -> {
            sleep(Duration.ofSeconds(5));
            order.add("sleep at " + seconds(loop));
        });
        await(gather(reactor, rx, loopSleep));
        assertThat(order).containsExactly("Mono.delay at 3", "Single.timer at 4", "sleep at 5");
    }

    @AsyncTest
    void aVirtualDayOfFluxIntervalTakesWellUnderASecond(EventLoop loop) {
        long start = System.nanoTime();
        List<Long> ticks = ReactorAwait.awaitList(Flux.interval(Duration.ofHours(1)).take(24));
        assertThat(ticks).hasSize(24);
        assertThat(Duration.ofNanos(loop.time())).isEqualTo(Duration.ofDays(1));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @AsyncTest
    void observableIntervalAndSchedulerNowFollowTheLoopClock(EventLoop loop) throws Exception {
        List<Long> ticks = await(Observable.interval(10, TimeUnit.MINUTES).take(6).toList().toCompletionStage());
        assertThat(ticks).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(seconds(loop)).isEqualTo(3600);
        assertThat(io.reactivex.rxjava3.schedulers.Schedulers.computation().now(TimeUnit.SECONDS)).isEqualTo(3600);
        assertThat(Schedulers.parallel().now(TimeUnit.SECONDS)).isEqualTo(3600);
    }

    @AsyncTest
    void reactorTimeoutFiresOnVirtualTime(EventLoop loop) {
        Mono<Long> slow = Mono.delay(Duration.ofMinutes(10)).timeout(Duration.ofMinutes(1));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReactorAwait.await(slow))
                .isInstanceOf(TimeoutException.class);
        assertThat(seconds(loop)).isEqualTo(60);
    }

    @AsyncTest
    void delayElementsFollowsTheLoopClock(EventLoop loop) {
        assertThat(ReactorAwait.awaitList(Flux.range(1, 3).delayElements(Duration.ofSeconds(7))))
                .containsExactly(1, 2, 3);
        assertThat(seconds(loop)).isEqualTo(21);
    }

    @AsyncTest
    void parametersReceiveTheLoopAndItsClock(EventLoop loop, VirtualClock clock) {
        assertThat(loop.inLoop()).isTrue();
        assertThat(loop.clock()).isSameAs(clock);
        sleep(Duration.ofHours(2));
        assertThat(clock.nanoTime()).isEqualTo(Duration.ofHours(2).toNanos());
    }

    @Test
    void schedulersAreRealOutsideAnAsyncTest() {
        assertThat(Schedulers.parallel().toString()).doesNotContain("LoopScheduler");
        assertThat(io.reactivex.rxjava3.schedulers.Schedulers.computation().toString()).doesNotContain("LoopScheduler");
    }
}
