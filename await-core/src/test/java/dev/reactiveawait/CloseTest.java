package dev.reactiveawait;

import static dev.reactiveawait.Async.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link EventLoop#close()}: cancels what is pending and lets it clean up, as {@code asyncio.run}
 * does; afterwards every way of giving the loop work is refused with a message saying it is closed.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CloseTest {

    private static final Duration HOUR = Duration.ofHours(1);

    private static EventLoop closedLoop() {
        EventLoop loop = EventLoop.create(LoopClock.virtual());
        loop.runUntilComplete(() -> 1);
        loop.close();
        return loop;
    }

    @Test
    void aClosedLoopRefusesToRun() {
        EventLoop loop = closedLoop();
        assertThat(loop.isClosed()).isTrue();
        assertThatThrownBy(() -> loop.runUntilComplete(() -> 1))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageContaining("runUntilComplete()")
                .hasMessageContaining("closed");
        assertThatThrownBy(loop::runForever)
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageContaining("runForever()")
                .hasMessageContaining("closed");
    }

    @Test
    void aClosedLoopRefusesNewTasks() {
        EventLoop loop = closedLoop();
        assertThatThrownBy(() -> loop.createTask(() -> 1))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageContaining("createTask()")
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> loop.submit(() -> 1))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void aClosedLoopRefusesCallSoonThreadsafe() {
        EventLoop loop = closedLoop();
        assertThatThrownBy(() -> loop.callSoonThreadsafe(() -> {}))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageContaining("callSoonThreadsafe()")
                .hasMessageContaining("closed");
    }

    /** asyncio's {@code call_soon}, {@code call_later} and {@code call_at} check for a closed loop too. */
    @Test
    void aClosedLoopRefusesCallSoonAndTimersInsteadOfDroppingThemSilently() {
        EventLoop loop = closedLoop();
        assertThatThrownBy(() -> loop.callSoon(() -> {}))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> loop.callLater(Duration.ofSeconds(1), () -> {}))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void closeCancelsPendingTasksAndRunsTheirFinallyBlocks() {
        AtomicInteger finallies = new AtomicInteger();
        List<Task<Void>> tasks = Collections.synchronizedList(new ArrayList<>());
        EventLoop loop = EventLoop.create(LoopClock.virtual());
        loop.runUntilComplete(() -> {
            for (int i = 0; i < 3; i++) {
                tasks.add(createTask(() -> {
                    try {
                        sleep(HOUR);
                    } finally {
                        finallies.incrementAndGet();
                    }
                }));
            }
            sleep(Duration.ZERO); // all three now sleep
        });
        assertThat(finallies).hasValue(0);

        loop.close();

        assertThat(finallies).hasValue(3);
        assertThat(tasks).allSatisfy(t -> assertThat(t.isCancelled()).isTrue());
        assertThat(loop.allTasks()).isEmpty();
        assertThat(loop.time()).as("the virtual clock did not jump to the sleeps' end").isZero();
    }

    @Test
    void closeWaitsForCleanupThatAwaits() {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        EventLoop loop = EventLoop.create(LoopClock.virtual());
        loop.runUntilComplete(() -> {
            createTask(() -> {
                try {
                    sleep(HOUR);
                } catch (CancelledException e) {
                    sleep(Duration.ofSeconds(1)); // cleanup that takes a (virtual) second
                    log.add("cleaned up at " + Duration.ofNanos(currentLoop().time()).toSeconds());
                    throw e;
                }
            });
            sleep(Duration.ZERO);
        });
        loop.close();
        assertThat(log).containsExactly("cleaned up at 1");
    }

    @Test
    void closingTwiceIsHarmless() {
        EventLoop loop = closedLoop();
        assertThatCode(loop::close).doesNotThrowAnyException();
        assertThat(loop.isClosed()).isTrue();
    }

    @Test
    void closeFromInsideATaskThrowsAndLeavesTheLoopOpen() {
        try (EventLoop loop = EventLoop.create(LoopClock.virtual())) {
            Throwable thrown = loop.runUntilComplete(() -> catchThrowable(() -> currentLoop().close()));
            assertThat(thrown)
                    .isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("close()")
                    .hasMessageContaining("runUntilComplete");
            assertThat(loop.isClosed()).isFalse();
            assertThat(loop.runUntilComplete(() -> "still usable")).isEqualTo("still usable");
        }
    }
}
