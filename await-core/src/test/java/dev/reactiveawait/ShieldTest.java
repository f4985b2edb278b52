package dev.reactiveawait;

import static dev.reactiveawait.Async.await;
import static dev.reactiveawait.Async.createTask;
import static dev.reactiveawait.Async.run;
import static dev.reactiveawait.Async.shield;
import static dev.reactiveawait.Async.sleep;
import static dev.reactiveawait.Async.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code shield} beyond the CPython traces. */
@Timeout(10)
class ShieldTest {

    private static Duration seconds(long n) {
        return Duration.ofSeconds(n);
    }

    @Test
    void cancellingTheShieldDirectlyLeavesTheInnerRunning() {
        run(LoopClock.virtual(), () -> {
            Task<String> inner = createTask(() -> {
                sleep(seconds(1));
                return "saved";
            });
            Awaitable<String> s = shield(inner);
            assertThat(s.cancel()).isTrue();
            assertThatThrownBy(() -> await(s)).isInstanceOf(CancelledException.class);
            assertThat(await(inner)).isEqualTo("saved");
        });
    }

    @Test
    void waitForOfAShieldTimesOutWithoutCancellingTheWork() throws Exception {
        String saved = run(LoopClock.virtual(), () -> {
            Task<String> save = createTask(() -> {
                sleep(seconds(3));
                return "saved";
            });
            assertThatThrownBy(() -> waitFor(shield(save), seconds(1))).isInstanceOf(TimeoutException.class);
            return await(save);
        });
        assertThat(saved).isEqualTo("saved");
    }

    @Test
    void anInnerFailureNobodyAwaitsAnyMoreIsReportedAsInAsyncio() {
        try (LogCapture log = LogCapture.start()) {
            run(LoopClock.virtual(), () -> {
                Task<Void> inner = createTask(() -> {
                    sleep(seconds(1));
                    throw new IOException("nobody listens");
                });
                shield(inner).cancel(); // the shield lets go of the inner: its failure is nobody's
                sleep(seconds(2));
            });
            assertThat(log.all()).anySatisfy(e -> assertThat(e.message()).contains("never retrieved"));
        }
    }

    @Test
    void anInnerFailingInTheRoundTheShieldIsCancelledIsMarkedRetrieved() {
        try (LogCapture log = LogCapture.start()) {
            run(LoopClock.virtual(), () -> {
                Promise<String> inner = Promise.create();
                Awaitable<String> s = shield(inner);
                s.cancel();
                inner.fail(new IOException("raced the cancellation")); // before the shield lets go
                sleep(Duration.ZERO);
                assertThat(s.isCancelled()).isTrue();
            });
            assertThat(log.all()).isEmpty();
        }
    }

    @Test
    void shieldFromAnotherThreadIsAWrongThreadException() {
        run(LoopClock.virtual(), () -> {
            Task<Void> inner = createTask(() -> sleep(seconds(1)));
            Throwable[] thrown = new Throwable[1];
            Thread other = Threads.start("intruder", () -> {
                try {
                    shield(inner);
                } catch (Throwable e) {
                    thrown[0] = e;
                }
            });
            other.join();
            assertThat(thrown[0]).isInstanceOf(WrongThreadException.class);
            await(inner);
        });
    }
}
