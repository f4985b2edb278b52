package dev.reactiveawait;

import static dev.reactiveawait.Async.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link EventLoop#setSlowStepThreshold}: steps that hold the loop too long are logged with their stack. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SlowStepTest {

    /** Holds the loop for {@code millis} of real time without yielding. */
    private static void spinInUserCode(long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    private static Optional<LogCapture.Entry> eventually(LogCapture log, String text) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < end) {
            Optional<LogCapture.Entry> hit = log.all().stream()
                    .filter(e -> e.level().equals("WARNING") && e.message().contains(text)).findFirst();
            if (hit.isPresent()) {
                return hit;
            }
            Thread.sleep(20); // bounded poll: the watchdog logs from its own thread, in real time by design
        }
        return Optional.empty();
    }

    private static boolean mentions(LogCapture.Entry e, String method) {
        return e.thrown() != null
                && Arrays.stream(e.thrown().getStackTrace()).anyMatch(f -> f.getMethodName().equals(method));
    }

    @Test
    void aBusyTaskStepIsLoggedWithItsNameAndStack() throws Exception {
        try (LogCapture log = LogCapture.start(); EventLoop loop = EventLoop.create()) {
            loop.setSlowStepThreshold(Duration.ofMillis(50));
            loop.runUntilComplete(loop.createTask("busy", () -> spinInUserCode(300)));
            LogCapture.Entry warning = eventually(log, "task 'busy'").orElseThrow(
                    () -> new AssertionError("no slow-step warning; logged: " + log.all()));
            assertThat(warning.message()).contains("slow step threshold", "50 ms");
            assertThat(mentions(warning, "spinInUserCode")).as("stack of %s", warning.thrown()).isTrue();
        }
    }

    @Test
    void aBusyCallbackIsLogged() throws Exception {
        try (LogCapture log = LogCapture.start(); EventLoop loop = EventLoop.create()) {
            loop.setSlowStepThreshold(Duration.ofMillis(50));
            loop.runUntilComplete(() -> {
                Promise<Integer> done = Promise.create();
                currentLoop().callSoon(() -> {
                    spinInUserCode(300);
                    done.succeed(1);
                });
                await(done);
            });
            LogCapture.Entry warning = eventually(log, "callback").orElseThrow(
                    () -> new AssertionError("no slow-step warning; logged: " + log.all()));
            assertThat(mentions(warning, "spinInUserCode")).isTrue();
        }
    }

    @Test
    void theThresholdCanBeSetFromInsideTheRunningLoop() throws Exception {
        try (LogCapture log = LogCapture.start(); EventLoop loop = EventLoop.create()) {
            loop.runUntilComplete(loop.createTask("late", () -> {
                currentLoop().setSlowStepThreshold(Duration.ofMillis(50));
                sleep(Duration.ZERO);
                spinInUserCode(300);
            }));
            assertThat(eventually(log, "task 'late'")).isPresent();
        }
    }

    @Test
    void idlingIsNotASlowStepAndOffMeansNoWarning() throws Exception {
        try (LogCapture log = LogCapture.start()) {
            try (EventLoop loop = EventLoop.create()) {
                loop.setSlowStepThreshold(Duration.ofMillis(200));
                loop.runUntilComplete(loop.createTask("sleepy", () -> sleep(Duration.ofMillis(600))));
            }
            try (EventLoop loop = EventLoop.create()) {
                loop.runUntilComplete(loop.createTask("unwatched", () -> spinInUserCode(100)));
            }
            List<LogCapture.Entry> all = log.all(); // a run's watchdog has ended when the run returns
            assertThat(all).noneMatch(e -> e.message().contains("sleepy") || e.message().contains("unwatched"));
        }
    }
}
