package dev.reactiveawait;

import static dev.reactiveawait.Async.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Running an {@link EventLoop}: {@code runUntilComplete} (again and again), {@code runForever} and
 * {@code stop}.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EventLoopTest {

    private static long seconds(EventLoop loop) {
        return Duration.ofNanos(loop.time()).toSeconds();
    }

    @Test
    void runUntilCompleteReturnsTheValueAndTheLoopRunsAgainWithItsPendingTasks() {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        VirtualClock clock = LoopClock.virtual();
        try (EventLoop loop = EventLoop.create(clock)) {
            int first = loop.runUntilComplete(() -> {
                createTask("background", () -> {
                    sleep(Duration.ofSeconds(1));
                    log.add("background woke at " + seconds(currentLoop()));
                });
                return 1;
            });
            assertThat(first).isEqualTo(1);
            assertThat(loop.isRunning()).isFalse();
            assertThat(log).isEmpty();
            assertThat(loop.allTasks()).extracting(Task::name).containsExactly("background");

            String second = loop.runUntilComplete(() -> {
                sleep(Duration.ofSeconds(2));
                return "two at " + seconds(currentLoop());
            });

            assertThat(second).isEqualTo("two at 2");
            assertThat(log).containsExactly("background woke at 1");
            assertThat(loop.allTasks()).isEmpty();
        }
    }

    @Test
    void runUntilCompleteOfAPromiseReturnsItsValue() {
        try (EventLoop loop = EventLoop.create(LoopClock.virtual())) {
            Promise<String> box = Promise.create(loop);
            loop.callLater(Duration.ofMinutes(15), () -> box.succeed("pizza"));
            assertThat(loop.runUntilComplete(box)).isEqualTo("pizza");
            assertThat(Duration.ofNanos(loop.time())).isEqualTo(Duration.ofMinutes(15));
        }
    }

    @Test
    void runUntilCompleteOfAnAwaitableOfAnotherLoopThrows() {
        try (EventLoop loop = EventLoop.create(LoopClock.virtual());
                EventLoop other = EventLoop.create(LoopClock.virtual())) {
            Promise<String> foreign = Promise.create(other);
            assertThatThrownBy(() -> loop.runUntilComplete(foreign))
                    .isExactlyInstanceOf(WrongThreadException.class)
                    .hasMessageContaining("another loop");
        }
    }

    @Test
    void runUntilCompleteThrowsWhenTheLoopIsStoppedBeforeTheMainTaskCompletes() {
        try (EventLoop loop = EventLoop.create(LoopClock.virtual())) {
            assertThatThrownBy(() -> loop.runUntilComplete(() -> {
                        currentLoop().stop();
                        sleep(Duration.ofSeconds(1));
                        return "never returned";
                    }))
                    .isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("stopped before");
            assertThat(loop.allTasks()).as("the main task is left pending").hasSize(1);
        }
    }

    @Test
    void runForeverEndsWhenStopIsCalledFromAnotherThread() {
        try (EventLoop loop = EventLoop.create()) {
            CompletableFuture<Boolean> stopperSawRunning = new CompletableFuture<>();
            loop.callSoon(() -> Threads.start("stopper", () -> {
                stopperSawRunning.complete(loop.isRunning());
                loop.stop();
            }));
            loop.runForever(); // real clock, nothing scheduled: the loop idles until the stop arrives
            assertThat(stopperSawRunning.join()).isTrue();
            assertThat(loop.isRunning()).isFalse();
            assertThat(loop.isClosed()).isFalse();
        }
    }

    @Test
    void stopFromATaskEndsRunForeverAndLeavesTheOtherTasksPendingForTheNextRun() {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        try (EventLoop loop = EventLoop.create(LoopClock.virtual())) {
            loop.createTask("sleeper", () -> {
                sleep(Duration.ofSeconds(10));
                log.add("sleeper woke at " + seconds(currentLoop()));
            });
            loop.createTask("stopper", () -> {
                sleep(Duration.ofSeconds(1));
                log.add("stopping at " + seconds(currentLoop()));
                currentLoop().stop();
            });
            loop.runForever();
            assertThat(log).containsExactly("stopping at 1");
            assertThat(loop.allTasks()).extracting(Task::name).containsExactly("sleeper");

            Task<?> sleeper = loop.allTasks().iterator().next();
            loop.runUntilComplete(sleeper);
            assertThat(log).containsExactly("stopping at 1", "sleeper woke at 10");
        }
    }
}
