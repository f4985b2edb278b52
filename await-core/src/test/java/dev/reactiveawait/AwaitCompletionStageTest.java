package dev.reactiveawait;

import static dev.reactiveawait.Async.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code await(CompletionStage)} inside a task: the bridge to {@code CompletableFuture} APIs
 * (DESIGN.md §4 "Cross-thread completion", §6 one clock).
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AwaitCompletionStageTest {

    private static final Duration HOUR = Duration.ofHours(1);

    private static long seconds(EventLoop loop) {
        return Duration.ofNanos(loop.time()).toSeconds();
    }

    @Test
    void anAlreadyCompletedFutureReturnsWithoutLettingAnotherReadyTaskRun() {
        Expect expect = new Expect();
        int value = run(LoopClock.virtual(), () -> {
            expect.step(1);
            Task<Void> other = createTask(() -> expect.step(3));
            int v = await(CompletableFuture.completedFuture(5));
            expect.step(2);
            await(other);
            expect.step(4);
            return v;
        });
        expect.finish(5);
        assertThat(value).isEqualTo(5);
    }

    @Test
    void anAlreadyFailedFutureRethrowsTheCauseUnwrappedWithoutSuspending() {
        IOException original = new IOException("refused");
        Expect expect = new Expect();
        Throwable thrown = run(LoopClock.virtual(), () -> {
            expect.step(1);
            Task<Void> other = createTask(() -> expect.step(3));
            CompletableFuture<String> failed = CompletableFuture.<String>failedFuture(original).thenApply(s -> s + "!");
            Throwable t = catchThrowable(() -> await(failed));
            expect.step(2);
            await(other);
            return t;
        });
        expect.finish(4);
        assertThat(thrown).isSameAs(original);
    }

    /** {@code completedStage} and {@code minimalCompletionStage} are CompletableFutures whose {@code isDone} throws. */
    @Test
    void anAlreadyCompletedMinimalStageReturnsItsValue() {
        int value = run(LoopClock.virtual(), () -> await(CompletableFuture.completedStage(5)));
        assertThat(value).isEqualTo(5);
    }

    @Test
    void completionFromAnotherThreadResumesTheTask() {
        String value = run(() -> {
            CompletableFuture<String> future = new CompletableFuture<>();
            // started once the task is suspended in await(future)
            currentLoop().callSoon(() -> Threads.start("completer", () -> future.complete("value")));
            return await(future);
        });
        assertThat(value).isEqualTo("value");
    }

    @Test
    void exceptionalCompletionFromAnotherThreadRethrowsTheCauseUnwrapped() {
        IOException original = new IOException("refused");
        Throwable thrown = run(() -> {
            CompletableFuture<String> source = new CompletableFuture<>();
            CompletionStage<String> derived = source.thenApply(s -> s + "!"); // sees a CompletionException
            currentLoop().callSoon(() -> Threads.start("failer", () -> source.completeExceptionally(original)));
            return catchThrowable(() -> await(derived));
        });
        assertThat(thrown).isSameAs(original);
    }

    @Test
    void aFutureCancelledByAnotherThreadGivesTheAwaiterACancelledException() {
        Throwable thrown = run(() -> {
            CompletableFuture<String> future = new CompletableFuture<>();
            currentLoop().callSoon(() -> Threads.start("canceller", () -> future.cancel(false)));
            return catchThrowable(() -> await(future));
        });
        assertThat(thrown).isExactlyInstanceOf(CancelledException.class);
    }

    @Test
    void cancellingTheAwaitingTaskCancelsTheFuture() {
        CompletableFuture<String> future = new CompletableFuture<>();
        Throwable thrown = run(LoopClock.virtual(), () -> {
            Task<String> t = createTask(() -> await(future));
            sleep(Duration.ZERO); // t now awaits the future
            t.cancel("not needed");
            return catchThrowable(() -> await(t));
        });
        assertThat(thrown).isExactlyInstanceOf(CancelledException.class).hasMessage("not needed");
        assertThat(future.isCancelled()).isTrue();
    }

    @Test
    void cancellingATaskAwaitingAMinimalStageEndsTheTaskCancelled() {
        CompletableFuture<String> source = new CompletableFuture<>();
        Throwable thrown = run(() -> {
            Task<String> t = createTask(() -> await(source.minimalCompletionStage()));
            sleep(Duration.ZERO);
            t.cancel("not needed");
            return catchThrowable(() -> await(t));
        });
        assertThat(thrown).isExactlyInstanceOf(CancelledException.class).hasMessage("not needed");
    }

    @Test
    void theVirtualClockStandsStillWhileAnAwaitedStageIsPending() {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        run(LoopClock.virtual(), () -> {
            EventLoop loop = currentLoop();
            Task<Void> sibling = createTask(() -> {
                sleep(HOUR);
                log.add("sibling woke at " + seconds(loop));
            });
            CompletableFuture<String> future = CompletableFuture.supplyAsync(
                    () -> "value", CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
            String v = await(future);
            log.add("future gave " + v + " at " + seconds(loop));
            await(sibling);
        });
        assertThat(log).containsExactly("future gave value at 0", "sibling woke at 3600");
    }

    /** A stage that ignores cancel never completes: once its awaiter is gone, time must move again. */
    @Test
    void aCancelledAwaitOfAStageThatNeverCompletesDoesNotFreezeTheVirtualClock() {
        CompletableFuture<String> deaf = new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                return false;
            }
        };
        long end = run(LoopClock.virtual(), () -> {
            Task<String> t = createTask(() -> await(deaf));
            sleep(Duration.ZERO);
            t.cancel();
            catchThrowable(() -> await(t));
            sleep(HOUR);
            return seconds(currentLoop());
        });
        assertThat(end).isEqualTo(3600);
        assertThat(deaf.isDone()).isFalse();
    }
}
