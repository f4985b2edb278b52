package dev.reactiveawait;

import static dev.reactiveawait.Async.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The loop's threading model (DESIGN.md §4, STYLE.md "Threads"): loop-only methods refuse other
 * threads while the loop runs, naming the thread; {@code callSoonThreadsafe} is the way in.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EventLoopThreadingTest {

    @Test
    void loopOnlyMethodsCalledFromAForeignThreadWhileTheLoopRunsThrowWrongThreadExceptionNamingIt() {
        try (LoopOnThread running = new LoopOnThread("loop", LoopClock.virtual())) {
            EventLoop loop = running.loop;
            Promise<String> box = Promise.create(loop);
            CompletableFuture<List<Throwable>> thrown = new CompletableFuture<>();
            Threads.start("intruder", () -> {
                List<Throwable> errors = new ArrayList<>();
                errors.add(catchThrowable(() -> loop.callSoon(() -> {})));
                errors.add(catchThrowable(() -> loop.callLater(Duration.ofSeconds(1), () -> {})));
                errors.add(catchThrowable(() -> loop.createTask(() -> 1)));
                errors.add(catchThrowable(loop::allTasks));
                errors.add(catchThrowable(() -> box.addDoneCallback(p -> {})));
                thrown.complete(errors);
            });
            List<Throwable> errors = thrown.join();
            List<String> methods = List.of("callSoon()", "callLater()", "createTask()", "allTasks()", "addDoneCallback()");
            assertThat(errors).hasSize(methods.size());
            for (int i = 0; i < errors.size(); i++) {
                assertThat(errors.get(i))
                        .as(methods.get(i))
                        .isExactlyInstanceOf(WrongThreadException.class)
                        .hasMessageContaining("\"intruder\"")
                        .hasMessageContaining("callSoonThreadsafe()");
            }
            assertThat(errors.get(0)).hasMessageStartingWith("callSoon()");
            assertThat(errors.get(2)).hasMessageStartingWith("createTask()");
        }
    }

    @Test
    void callSoonThreadsafeFromAForeignThreadWakesAnIdleLoopAndRunsTheCallbackOnTheLoop() {
        AtomicReference<String> callbackThread = new AtomicReference<>();
        String value = run(() -> { // real clock, no timer: the loop idles until the post wakes it
            EventLoop loop = currentLoop();
            Promise<String> box = Promise.create();
            loop.callSoon(() -> Threads.start("poster", () -> loop.callSoonThreadsafe(() -> {
                callbackThread.set(Thread.currentThread().getName());
                box.succeed(loop.inLoop() ? "in loop" : "not in loop");
            })));
            return await(box);
        });
        assertThat(value).isEqualTo("in loop");
        assertThat(callbackThread.get()).isNotEqualTo("poster");
    }

    @Test
    void inLoopIsTrueInTasksAndCallbacksOnlyOfThatLoop() {
        try (LoopOnThread running = new LoopOnThread("loop", LoopClock.virtual())) {
            EventLoop loop = running.loop;
            assertThat(loop.inLoop()).isFalse();
            assertThat(loop.submit(loop::inLoop).join()).isTrue();
            CompletableFuture<Boolean> inCallback = new CompletableFuture<>();
            loop.callSoonThreadsafe(() -> inCallback.complete(loop.inLoop()));
            assertThat(inCallback.join()).isTrue();
            boolean inOtherLoop = run(LoopClock.virtual(), loop::inLoop);
            assertThat(inOtherLoop).isFalse();
        }
    }

    @Test
    void runUntilCompleteWhileTheLoopRunsOnAnotherThreadThrows() {
        try (LoopOnThread running = new LoopOnThread("loop", LoopClock.virtual())) {
            assertThatThrownBy(() -> running.loop.runUntilComplete(() -> 1))
                    .isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already running");
            assertThatThrownBy(running.loop::runForever)
                    .isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already running");
        }
    }

    @Test
    void closeWhileTheLoopRunsOnAnotherThreadThrowsAndLeavesItRunning() {
        try (LoopOnThread running = new LoopOnThread("loop", LoopClock.virtual())) {
            assertThatThrownBy(running.loop::close)
                    .isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("close()")
                    .hasMessageContaining("runs");
            assertThat(running.loop.isClosed()).isFalse();
            assertThat(running.loop.submit(() -> "still serving").join()).isEqualTo("still serving");
        }
    }
}
