package dev.reactiveawait.test;

import static dev.reactiveawait.Async.createTask;
import static dev.reactiveawait.Async.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.reactiveawait.Async;
import dev.reactiveawait.EventLoop;
import dev.reactiveawait.LoopClock;
import dev.reactiveawait.Task;
import io.reactivex.rxjava3.core.Single;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * {@link TestLoop}: manual virtual time, by hand and as an {@link AsyncTest} parameter. Every
 * expected trace is the order asyncio's loop (and RxJava's {@code TestScheduler}) gives: timers in
 * (deadline, scheduling) order, each seeing its own deadline as the time.
 */
class TestLoopTest {

    @Test
    void advanceByFiresTimersInOrderEachAtItsOwnInstantAcrossSteps() {
        List<String> log = new CopyOnWriteArrayList<>();
        try (TestLoop time = TestLoop.create()) {
            EventLoop loop = time.loop();
            loop.callLater(Duration.ofSeconds(5), () -> log.add("e at " + time.now()));
            loop.callLater(Duration.ofSeconds(2), () -> {
                log.add("b at " + time.now());
                loop.callLater(Duration.ofSeconds(1), () -> log.add("d (scheduled by b) at " + time.now()));
            });
            loop.callLater(Duration.ofSeconds(2), () -> log.add("c at " + time.now()));
            loop.callLater(Duration.ofSeconds(1), () -> log.add("a at " + time.now()));

            time.advanceBy(Duration.ofMillis(1500));
            assertThat(log).containsExactly("a at PT1S");
            assertThat(time.now()).isEqualTo(Duration.ofMillis(1500));

            time.advanceBy(Duration.ofSeconds(2));
            assertThat(log).containsExactly("a at PT1S", "b at PT2S", "c at PT2S", "d (scheduled by b) at PT3S");
            assertThat(time.now()).isEqualTo(Duration.ofMillis(3500));

            time.advanceBy(Duration.ofMillis(1500));
            assertThat(log).containsExactly("a at PT1S", "b at PT2S", "c at PT2S", "d (scheduled by b) at PT3S",
                    "e at PT5S");
            assertThat(time.now()).as("ends exactly at the target, a timer due there included").isEqualTo(Duration.ofSeconds(5));
        }
    }

    @Test
    void runUntilIdleRunsReadyStepsAndDueTimersWithoutMovingTheClock() {
        List<String> log = new CopyOnWriteArrayList<>();
        try (TestLoop time = TestLoop.create()) {
            EventLoop loop = time.loop();
            Task<Void> task = loop.createTask("sleeper", () -> {
                log.add("started");
                createTask(() -> log.add("child ran"));
                sleep(Duration.ofSeconds(1));
                log.add("woke at " + time.now());
            });
            loop.callLater(Duration.ZERO, () -> log.add("timer due now"));

            time.runUntilIdle();

            assertThat(log).containsExactly("started", "timer due now", "child ran");
            assertThat(time.now()).isEqualTo(Duration.ZERO);
            assertThat(task.isDone()).isFalse();

            time.runUntilIdle();
            assertThat(log).as("nothing more is ready").hasSize(3);

            time.advanceBy(Duration.ofSeconds(1));
            assertThat(log).endsWith("woke at PT1S");
            assertThat(task.isDone()).isTrue();
        }
    }

    @AsyncTest
    void insideAnAsyncTestReactorAndRxTimersShareTheClockStepByStep(TestLoop time, EventLoop loop) {
        List<String> log = new CopyOnWriteArrayList<>();
        assertThat(time.loop()).isSameAs(loop);
        Mono.delay(Duration.ofSeconds(3)).subscribe(x -> log.add("Mono.delay at " + time.now()));
        Single.timer(4, TimeUnit.SECONDS).subscribe(x -> log.add("Single.timer at " + time.now()));
        loop.callLater(Duration.ofSeconds(5), () -> log.add("callLater at " + time.now()));
        Task<Void> sleeper = createTask(() -> {
            sleep(Duration.ofSeconds(2));
            log.add("sleep at " + time.now());
        });
        Mono.delay(Duration.ZERO).subscribe(x -> log.add("Mono.delay(0) at " + time.now()));

        time.runUntilIdle();
        assertThat(log).containsExactly("Mono.delay(0) at PT0S");
        assertThat(time.now()).isEqualTo(Duration.ZERO);

        time.advanceBy(Duration.ofSeconds(2));
        assertThat(log).containsExactly("Mono.delay(0) at PT0S", "sleep at PT2S");
        assertThat(sleeper.isDone()).isTrue();

        time.advanceBy(Duration.ofMillis(2500));
        assertThat(log).containsExactly("Mono.delay(0) at PT0S", "sleep at PT2S", "Mono.delay at PT3S",
                "Single.timer at PT4S");
        assertThat(time.now()).isEqualTo(Duration.ofMillis(4500));

        time.advanceBy(Duration.ofSeconds(1));
        assertThat(log).endsWith("callLater at PT5S");
        assertThat(Duration.ofNanos(loop.time())).isEqualTo(Duration.ofMillis(5500));
    }

    @Test
    void aLoopOnTheSystemClockIsRefused() {
        try (EventLoop real = EventLoop.create()) {
            assertThatThrownBy(() -> TestLoop.of(real))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("needs a loop on a virtual clock")
                    .hasMessageContaining("real time cannot be advanced")
                    .hasMessageContaining("LoopClock.virtual()");
        }
    }

    @Test
    void aNegativeDurationIsRefused() {
        try (TestLoop time = TestLoop.create()) {
            assertThatThrownBy(() -> time.advanceBy(Duration.ofSeconds(-1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("advanceBy(PT-1S)")
                    .hasMessageContaining("cannot go back");
            assertThatThrownBy(() -> time.advanceBy(null)).isInstanceOf(NullPointerException.class).hasMessage("delta");
            assertThat(time.now()).isEqualTo(Duration.ZERO);
        }
    }

    @Test
    void fromACallbackOfTheLoopItFailsInsteadOfDeadlocking() {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        try (TestLoop time = TestLoop.create()) {
            time.loop().callSoon(() -> thrown.set(catchThrowable(time::runUntilIdle)));
            time.runUntilIdle();
        }
        assertThat(thrown.get()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("runUntilIdle() called from a callback of the loop")
                .hasMessageContaining("call it from a task");
    }

    @AsyncTest
    void fromAnotherThreadWhileTheLoopRunsItFailsWithWrongThread(TestLoop time) {
        CompletableFuture<Throwable> elsewhere = CompletableFuture.supplyAsync(
                () -> catchThrowable(() -> time.advanceBy(Duration.ofSeconds(1))), Thread::startVirtualThread);
        Throwable thrown = Async.await(elsewhere);
        assertThat(thrown).isInstanceOf(WrongThreadException.class)
                .hasMessageContaining("advanceBy() called from thread")
                .hasMessageContaining("call it from a task of that loop");
        assertThat(time.now()).isEqualTo(Duration.ZERO);
    }

    @Test
    void afterCloseItSaysTheLoopIsClosed() {
        TestLoop time = TestLoop.create();
        time.close();
        assertThatThrownBy(time::runUntilIdle).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("runUntilIdle() on a closed loop");
    }

    @Test
    void aVirtualLoopCreatedElsewhereCanBeDrivenByHand() {
        List<String> log = new CopyOnWriteArrayList<>();
        try (EventLoop loop = EventLoop.create(LoopClock.virtual())) {
            TestLoop time = TestLoop.of(loop);
            loop.callLater(Duration.ofMinutes(1), () -> log.add("a minute"));
            time.advanceBy(Duration.ofSeconds(59));
            assertThat(log).isEmpty();
            time.advanceBy(Duration.ofSeconds(1));
            assertThat(log).containsExactly("a minute");
        }
    }
}
