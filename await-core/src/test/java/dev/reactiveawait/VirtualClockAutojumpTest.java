package dev.reactiveawait;

import static dev.reactiveawait.Async.await;
import static dev.reactiveawait.Async.createTask;
import static dev.reactiveawait.Async.currentLoop;
import static dev.reactiveawait.Async.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A virtual clock with autojump jumps to the next timer although a task awaits work that looks
 * foreign (here a CompletableFuture that only a loop timer completes); without it, the clock
 * stands still for such work.
 */
@Timeout(10)
class VirtualClockAutojumpTest {

    @Test
    void withAutojumpAFutureCompletedByALoopTimerDoesNotFreezeTheClock() {
        VirtualClock clock = LoopClock.virtual().autojump(Duration.ZERO);
        long at = run(clock, () -> {
            CompletableFuture<String> byTimer = new CompletableFuture<>();
            currentLoop().callLater(Duration.ofHours(1), () -> byTimer.complete("done"));
            assertThat(await(byTimer)).isEqualTo("done");
            return currentLoop().time();
        });

        assertThat(Duration.ofNanos(at)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void withoutAutojumpTheClockWaitsForForeignWorkBeforeJumping() throws Exception {
        VirtualClock clock = LoopClock.virtual();
        CompletableFuture<String> external = new CompletableFuture<>();
        long[] seenAt = new long[1];
        run(clock, () -> {
            Task<Void> sleeper = createTask(() -> Async.sleep(Duration.ofHours(1)));
            Thread.ofPlatform().start(() -> external.complete("external")); // another thread
            assertThat(await(external)).isEqualTo("external");
            seenAt[0] = currentLoop().time();
            await(sleeper);
        });

        assertThat(seenAt[0]).isZero(); // the hour-long sleep could not jump ahead of the foreign work
        assertThat(Duration.ofNanos(clock.nanoTime())).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aNegativeThresholdIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> LoopClock.virtual().autojump(Duration.ofMillis(-1)))
                .withMessageContaining("negative");
    }
}
