package dev.reactiveawait.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reactiveawait.Async;
import dev.reactiveawait.EventLoop;
import dev.reactiveawait.LoopClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** The loop task behind both bridges' schedulers: when it runs, fixed rate, dispose, a throwing action. */
class SchedulerTaskTest {
    private static final long SECOND = 1_000_000_000L;

    /** What ran, and when (virtual seconds). */
    private final List<String> trace = new ArrayList<>();

    private final class Recording extends SchedulerTask {
        private final String name;

        Recording(EventLoop loop, String name, Runnable action, boolean immediate, long deadline, long period,
                boolean periodic) {
            super(loop, action, immediate, deadline, period, periodic);
            this.name = name;
        }

        @Override
        protected void removeFromOwner() {
            trace.add(name + " left its owner");
        }

        @Override
        protected void actionFailed(Throwable e) {
            trace.add(name + " failed: " + e.getMessage());
        }

        void submit() {
            post();
        }
    }

    private static EventLoop loop() {
        return Objects.requireNonNull(Async.currentTask()).loop();
    }

    private void record(EventLoop loop, String what) {
        trace.add(what + " at " + loop.time() / SECOND);
    }

    @Test
    void aOneShotTaskRunsOnceAtItsDeadlineOrAtTheNextIterationAndLeavesItsOwner() {
        Async.run(LoopClock.virtual(), () -> {
            EventLoop loop = loop();
            Recording later = new Recording(loop, "later", () -> record(loop, "later ran"), false,
                    SchedulerTask.deadline(loop, 2 * SECOND), 0, false);
            Recording now = new Recording(loop, "now", () -> record(loop, "now ran"), true, 0, 0, false);
            later.submit();
            now.submit();
            Async.sleep(Duration.ofSeconds(3));
            assertThat(later.isDisposed()).as("a one-shot task that ran is done").isTrue();
        });
        assertThat(trace).containsExactly("now left its owner", "now ran at 0", "later left its owner",
                "later ran at 2");
    }

    @Test
    void aPeriodicTaskRunsAtAFixedRateUntilDisposed() {
        Async.run(LoopClock.virtual(), () -> {
            EventLoop loop = loop();
            Recording ticks = new Recording(loop, "ticks", () -> record(loop, "tick"), false,
                    SchedulerTask.deadline(loop, SECOND), 2 * SECOND, true);
            ticks.submit();
            Async.sleep(Duration.ofMillis(5_500));
            ticks.dispose();
            ticks.dispose(); // idempotent
            Async.sleep(Duration.ofSeconds(10));
        });
        assertThat(trace).containsExactly("tick at 1", "tick at 3", "tick at 5", "ticks left its owner");
    }

    @Test
    void aPeriodicTaskWhoseActionThrowsStops() {
        Async.run(LoopClock.virtual(), () -> {
            EventLoop loop = loop();
            Recording failing = new Recording(loop, "failing", () -> {
                record(loop, "run");
                throw new IllegalStateException("boom");
            }, true, SchedulerTask.deadline(loop, 0), SECOND, true);
            failing.submit();
            Async.sleep(Duration.ofSeconds(5));
            assertThat(failing.isDisposed()).isTrue();
        });
        assertThat(trace).containsExactly("run at 0", "failing left its owner", "failing failed: boom");
    }

    @Test
    void disposingFromAnotherThreadCancelsTheArmedTimer() {
        Async.run(LoopClock.virtual(), () -> {
            EventLoop loop = loop();
            Recording late = new Recording(loop, "late", () -> record(loop, "late ran"), false,
                    SchedulerTask.deadline(loop, 60 * SECOND), 0, false);
            late.submit();
            Async.sleep(Duration.ofSeconds(1)); // armed
            Thread other = Thread.ofPlatform().start(late::dispose);
            Async.toThread(() -> {
                other.join();
                return null;
            });
            // the cancellation was posted before the join; let the loop take in what other threads posted
            long next = CoreAccess.nextWorkAt(loop);
            for (int round = 0; next == Long.MIN_VALUE && round < 10; round++) {
                Async.sleep(Duration.ZERO);
                next = CoreAccess.nextWorkAt(loop);
            }
            assertThat(next).as("no timer left armed (a still one keeps a virtual clock busy)").isEqualTo(Long.MAX_VALUE);
        });
        assertThat(trace).containsExactly("late left its owner");
    }

    @Test
    void aTaskPostedToAClosedLoopIsDisposedAndRefused() {
        EventLoop closed = EventLoop.create(LoopClock.virtual());
        closed.close();
        Recording task = new Recording(closed, "refused", () -> trace.add("ran"), true, 0, 0, false);
        assertThatThrownBy(task::submit).isInstanceOf(IllegalStateException.class);
        assertThat(task.isDisposed()).isTrue();
        assertThat(trace).containsExactly("refused left its owner");
    }
}
