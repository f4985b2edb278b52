package dev.reactiveawait;

import static dev.reactiveawait.Async.await;
import static dev.reactiveawait.Async.createTask;
import static dev.reactiveawait.Async.currentLoop;
import static dev.reactiveawait.Async.currentTask;
import static dev.reactiveawait.Async.run;
import static dev.reactiveawait.Async.sleep;
import static dev.reactiveawait.Async.timeout;
import static dev.reactiveawait.Async.timeoutAt;
import static dev.reactiveawait.Async.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** {@link Timeout} scopes and {@code waitFor} beyond the CPython traces: both forms, misuse, messages. */
@org.junit.jupiter.api.Timeout(10)
class TimeoutTest {

    private static Duration seconds(long n) {
        return Duration.ofSeconds(n);
    }

    private static long now() {
        return currentLoop().time() / 1_000_000_000L;
    }

    @Test
    void theLambdaFormReturnsTheBodysValueInTime() throws Exception {
        int v = run(LoopClock.virtual(), () -> timeout(seconds(2), () -> {
            sleep(seconds(1));
            return 42;
        }));
        assertThat(v).isEqualTo(42);
    }

    @Test
    void theTimeoutExceptionNamesTheDeadlineAndCarriesTheCancellationAsCause() {
        run(LoopClock.virtual(), () -> {
            assertThatThrownBy(() -> timeout(seconds(1), () -> sleep(seconds(5))))
                    .isInstanceOf(TimeoutException.class)
                    .hasMessageContaining("1000000000 ns")
                    .hasCauseInstanceOf(CancelledException.class);
            assertThat(now()).isEqualTo(1);
            assertThat(currentTask().cancelling()).isZero();
        });
    }

    @Test
    void theBodysOwnExceptionPassesThroughUnchanged() {
        IOException failure = new IOException("disk");
        run(LoopClock.virtual(), () -> {
            assertThatThrownBy(() -> timeout(seconds(1), () -> {
                throw failure;
            })).isSameAs(failure);
            sleep(seconds(2)); // the timer was disarmed: no stray cancellation
        });
    }

    @Test
    void tryWithResourcesLetsTheCancelledExceptionThroughAndExpiredTellsItWasTheTimeout() {
        List<String> events = new ArrayList<>();
        run(LoopClock.virtual(), () -> {
            Timeout t = timeout(seconds(1));
            try (t) {
                sleep(seconds(5));
            } catch (CancelledException e) {
                events.add("cancelled at " + now() + ", expired " + t.expired()
                        + ", cancelling " + currentTask().cancelling());
            }
            sleep(seconds(2));
            events.add("no stray cancellation at " + now());
        });
        assertThat(events).containsExactly("cancelled at 1, expired true, cancelling 0", "no stray cancellation at 3");
    }

    @Test
    void tryWithResourcesInTimeDisarmsTheTimer() {
        run(LoopClock.virtual(), () -> {
            try (Timeout t = timeout(seconds(2))) {
                sleep(seconds(1));
                assertThat(t.expired()).isFalse();
            }
            sleep(seconds(5));
            assertThat(now()).isEqualTo(6);
        });
    }

    @Test
    void rescheduleIsRefusedOnceTheTimeoutFired() {
        run(LoopClock.virtual(), () -> {
            Timeout t = timeout(seconds(1));
            t.run(() -> {
                try {
                    sleep(seconds(5));
                } catch (CancelledException e) {
                    assertThatThrownBy(() -> t.reschedule(Timeout.NEVER))
                            .isInstanceOf(IllegalStateException.class).hasMessageContaining("already fired");
                }
            });
        });
    }

    @Test
    void aScopeRunsOnceAndClosingTwiceIsHarmless() {
        run(LoopClock.virtual(), () -> {
            Timeout t = timeout(seconds(1));
            t.run(() -> { });
            assertThatThrownBy(() -> t.run(() -> { })).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("exited already");
            t.close();
            t.close();
            assertThat(t).hasToString("Timeout[exited, when=1000000000]");
        });
    }

    @Test
    void aTimeoutBelongsToTheTaskThatCreatedIt() {
        run(LoopClock.virtual(), () -> {
            Timeout t = timeout(seconds(1));
            Task<Void> other = createTask(t::close);
            assertThatThrownBy(() -> await(other)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("exited by the task that entered it");
            t.close();
        });
    }

    @Test
    void timeoutsNeedATask() {
        assertThatThrownBy(() -> timeout(seconds(1))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("timeout() outside any event loop");
        assertThatThrownBy(() -> timeoutAt(0, () -> 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anEnormousDelayNeverOverflows() throws Exception {
        run(LoopClock.virtual(), () -> {
            Timeout t = timeout(Duration.ofSeconds(Long.MAX_VALUE));
            t.run(() -> sleep(seconds(1)));
            assertThat(t.when()).isEqualTo(Timeout.NEVER);
        });
    }

    @Test
    void rescheduleFromAnotherThreadIsAWrongThreadException() {
        run(LoopClock.virtual(), () -> {
            try (Timeout t = timeout(seconds(1))) {
                Throwable[] thrown = new Throwable[1];
                Thread other = Threads.start("intruder", () -> {
                    try {
                        t.reschedule(0);
                    } catch (Throwable e) {
                        thrown[0] = e;
                    }
                });
                other.join(); // blocks the loop briefly: fine for this check
                assertThat(thrown[0]).isInstanceOf(WrongThreadException.class);
            }
        });
    }

    // ---------------------------------------------------------------- waitFor

    @Test
    void waitForNamesTheAwaitableAndTheLimit() {
        run(LoopClock.virtual(), () -> {
            Task<Void> slow = createTask("slow", () -> sleep(seconds(5)));
            assertThatThrownBy(() -> waitFor(slow, seconds(1))).isInstanceOf(TimeoutException.class)
                    .hasMessageContaining("slow").hasMessageContaining("PT1S")
                    .hasCauseInstanceOf(CancelledException.class);
        });
    }

    @Test
    void waitForPassesTheInnerFailureThroughUnchanged() {
        IOException failure = new IOException("disk");
        run(LoopClock.virtual(), () -> {
            Task<Void> failing = createTask(() -> {
                throw failure;
            });
            assertThatThrownBy(() -> waitFor(failing, seconds(1))).isSameAs(failure);
        });
    }

    @Test
    void waitForRefusesAnAwaitableOfAnotherLoop() {
        try (EventLoop other = EventLoop.create(LoopClock.virtual())) {
            Promise<String> foreign = Promise.create(other);
            run(LoopClock.virtual(), () -> {
                assertThatThrownBy(() -> waitFor(foreign, seconds(1))).isInstanceOf(WrongThreadException.class)
                        .hasMessageContaining("another event loop");
            });
        }
    }
}
