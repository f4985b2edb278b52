package dev.reactiveawait;

import static dev.reactiveawait.Async.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.File;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * asyncio's "Task was destroyed but it is pending!" (DESIGN.md §7): a task that will never be
 * resumed is reported with its name, where it waits and what it awaits. The scenarios are CPython
 * 3.11's (run with python3):
 * <ul>
 * <li>a task created while {@code asyncio.run} cancels the leftovers is left pending, and
 *     reported when collected ({@code late} below);</li>
 * <li>{@code loop.stop()} during that cleanup makes {@code asyncio.run} raise "Event loop stopped
 *     before Future completed." and leaves the task pending: reported;</li>
 * <li>a loop dropped without {@code close()} with a task that never started: reported when
 *     collected;</li>
 * <li>{@code asyncio.run} with tasks pending: cancelled, their {@code finally} runs, no report.</li>
 * </ul>
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PendingTaskDroppedTest {

    private static List<LogCapture.Entry> dropped(LogCapture log, String taskName) {
        return log.all().stream()
                .filter(e -> e.message().contains(PendingTaskDropped.WARNING) && e.message().contains("'" + taskName + "'"))
                .toList();
    }

    private static void napInLate(List<String> trace) {
        try {
            sleep(Duration.ofHours(1));
        } finally {
            trace.add("late finally"); // never runs: the task is dropped
        }
    }

    @Test
    void aTaskCreatedDuringClosesCleanupIsReportedWithWhereItWaits() {
        List<String> trace = new CopyOnWriteArrayList<>();
        try (LogCapture log = LogCapture.start()) {
            EventLoop loop = EventLoop.create(LoopClock.virtual());
            loop.runUntilComplete(() -> {
                createTask("child", () -> {
                    try {
                        sleep(Duration.ofHours(1));
                    } finally {
                        trace.add("child cancelled; spawning 'late' during close()'s cleanup");
                        createTask("late", () -> napInLate(trace));
                        sleep(Duration.ZERO); // 'late' starts and suspends in napInLate
                    }
                });
                sleep(Duration.ZERO);
            });

            loop.close();

            assertThat(trace).containsExactly("child cancelled; spawning 'late' during close()'s cleanup");
            assertThat(dropped(log, "late")).singleElement().satisfies(e -> {
                assertThat(e.level()).isEqualTo("WARNING");
                assertThat(e.message()).contains("Task was destroyed but it is pending! Task 'late' of EventLoop-",
                        "will never resume", "created during close()'s cleanup", "finally blocks never run",
                        "suspended at ", "PendingTaskDroppedTest.napInLate(",
                        "awaiting sleep[until=3600.000 s]");
                assertThat(e.thrown()).isInstanceOf(PendingTaskDropped.class);
                assertThat(e.thrown().getStackTrace()[0].getMethodName()).isEqualTo("napInLate");
            });
            assertThat(dropped(log, "child")).as("child finished its cleanup").isEmpty();
        }
    }

    @Test
    void stopDuringClosesCleanupFailsCloseAndReportsTheTaskItLeftPending() {
        List<String> trace = new CopyOnWriteArrayList<>();
        try (LogCapture log = LogCapture.start()) {
            EventLoop loop = EventLoop.create(LoopClock.virtual());
            loop.runUntilComplete(() -> {
                createTask("child", () -> {
                    try {
                        sleep(Duration.ofHours(1));
                    } finally {
                        trace.add("child cancelled; stopping the loop during cleanup");
                        currentLoop().stop();
                        sleep(Duration.ZERO);
                        trace.add("child after stop"); // never runs
                    }
                });
                sleep(Duration.ZERO);
            });

            Throwable thrown = catchThrowable(loop::close);

            assertThat(thrown).isInstanceOf(IllegalStateException.class).hasMessageContaining("stopped before");
            assertThat(loop.isClosed()).isTrue();
            assertThat(trace).containsExactly("child cancelled; stopping the loop during cleanup");
            assertThat(dropped(log, "child")).singleElement().satisfies(e -> assertThat(e.message())
                    .contains("Task 'child'", "stop() cut that cleanup short", "suspended at ",
                            "PendingTaskDroppedTest.lambda$stopDuringClosesCleanup"));
        }
    }

    @Test
    void closingALoopWithPendingTasksCancelsThemAndReportsNothing() {
        List<String> trace = new CopyOnWriteArrayList<>();
        try (LogCapture log = LogCapture.start()) {
            EventLoop loop = EventLoop.create(LoopClock.virtual());
            loop.runUntilComplete(() -> {
                createTask("child", () -> {
                    try {
                        sleep(Duration.ofHours(1));
                    } finally {
                        trace.add("child finally");
                    }
                });
            });

            loop.close();

            assertThat(trace).containsExactly("child finally");
            assertThat(log.all()).noneMatch(e -> e.message().contains(PendingTaskDropped.WARNING));
        }
    }

    /**
     * The GC path. Only a loop without suspended tasks can be collected in a default JVM (a suspended
     * task's virtual thread is a GC root), so the dropped task here never started: a callback created
     * it in the iteration that stopped the loop.
     */
    @Test
    void aLoopDroppedWithoutCloseReportsItsNeverStartedTaskWhenCollected() throws InterruptedException {
        try (LogCapture log = LogCapture.start()) {
            WeakReference<EventLoop> ref = runAndDrop();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (ref.get() != null && System.nanoTime() < deadline) {
                System.gc(); // a full, synchronous collection with the JVM's default G1 settings
            }
            assertThat(ref.get()).as("the dropped loop was collected").isNull();

            LogCapture.Entry e = log.await(x -> x.message().contains("'fire-and-forget'"), Duration.ofSeconds(30));

            assertThat(e.level()).isEqualTo("WARNING");
            assertThat(e.message()).contains("Task was destroyed but it is pending! Task 'fire-and-forget' (never started)",
                    "the loop was garbage-collected without close()", "close the loop (try-with-resources)");
        }
    }

    /**
     * The GC path for a suspended task: only possible when the JDK does not track virtual threads
     * ({@code -Djdk.trackAllThreads=false}), so in a child JVM started that way (the same java).
     */
    @Test
    void withVirtualThreadsUntrackedASuspendedTaskOfACollectedLoopIsReported() throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = location(EventLoop.class) + File.pathSeparator + location(DroppedLoopTarget.class);
        Process child = new ProcessBuilder(javaBin, "-Djdk.trackAllThreads=false", "-cp", cp, DroppedLoopTarget.class.getName())
                .redirectErrorStream(true).start();
        CompletableFuture<String> out = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> {
            try {
                out.complete(new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                out.completeExceptionally(e);
            }
        });
        try {
            assertThat(child.waitFor(90, TimeUnit.SECONDS)).as("the child ends").isTrue();
        } finally {
            child.destroyForcibly();
        }
        String printed = out.get(10, TimeUnit.SECONDS);
        assertThat(child.exitValue()).as(printed).isZero();
        assertThat(printed).contains("COLLECTED true", "REPORTED Task was destroyed but it is pending! Task 'waiter' "
                + "(awaiting Promise[pending]) of EventLoop-", "garbage-collected without close()");
    }

    private static String location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    /** A loop run once and dropped unclosed, with a task created by the callback that ran beside the stop. */
    private static WeakReference<EventLoop> runAndDrop() {
        EventLoop loop = EventLoop.create(LoopClock.virtual());
        loop.runUntilComplete(() -> {
            loop.callSoon(() -> loop.createTask("fire-and-forget", () -> sleep(Duration.ofHours(1))));
        });
        assertThat(loop.allTasks()).singleElement().satisfies(t -> assertThat(t.name()).isEqualTo("fire-and-forget"));
        return new WeakReference<>(loop);
    }
}
