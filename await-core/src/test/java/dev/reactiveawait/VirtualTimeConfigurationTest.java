package dev.reactiveawait;

import static dev.reactiveawait.Async.await;
import static dev.reactiveawait.Async.createTask;
import static dev.reactiveawait.Async.sleep;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reactiveawait.internal.CoreAccess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class VirtualTimeConfigurationTest {

    @Test
    void aForeignWaitHoldsTheClockUnlessTheLoopMayJumpPastIt() {
        VirtualClock clock = LoopClock.virtual();
        try (EventLoop loop = EventLoop.create(clock)) {
            CoreAccess.configureVirtualTime(loop, 0, Long.MAX_VALUE, null, null);
            CompletableFuture<String> foreign = new CompletableFuture<>();
            String result = loop.runUntilComplete(() -> {
                createTask(() -> {
                    sleep(Duration.ofHours(1));
                    foreign.complete("done at " + Duration.ofNanos(clock.nanoTime()));
                });
                return await(foreign);
            });
            assertThat(result).isEqualTo("done at PT1H");
        }
    }

    @Test
    void anIdleLoopWithAForeignWaitAndNoTimerReportsAStall() {
        AtomicInteger stalls = new AtomicInteger();
        try (EventLoop loop = EventLoop.create(LoopClock.virtual())) {
            CompletableFuture<String> foreign = new CompletableFuture<>();
            CoreAccess.configureVirtualTime(loop, 0, Duration.ofMillis(50).toNanos(), () -> {
                stalls.incrementAndGet();
                foreign.complete("unstuck");
            }, null);
            assertThat(loop.runUntilComplete(() -> await(foreign))).isEqualTo("unstuck");
            assertThat(stalls).hasValue(1);
        }
    }

    @Test
    void unretrievedExceptionsGoToTheSinkWhenTheLoopCloses() {
        List<String> reported = new ArrayList<>();
        EventLoop loop = EventLoop.create(LoopClock.virtual());
        CoreAccess.configureVirtualTime(loop, -1, Long.MAX_VALUE, null, (message, error) -> reported.add(message + ": "
                + error.getMessage()));
        loop.runUntilComplete(() -> {
            createTask("doomed", () -> {
                throw new IllegalStateException("boom");
            });
            sleep(Duration.ofSeconds(1));
        });
        loop.close();
        assertThat(reported).singleElement().asString().contains("doomed").contains("never retrieved").endsWith("boom");
    }
}
