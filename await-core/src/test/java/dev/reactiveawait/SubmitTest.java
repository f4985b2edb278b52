package dev.reactiveawait;

import static dev.reactiveawait.Async.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link EventLoop#submit}: other threads give a running loop work and get a
 * {@link CompletableFuture} of its result (asyncio's {@code run_coroutine_threadsafe}).
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SubmitTest {

    @Test
    void theFutureCompletesWithTheTasksResultComputedOnTheLoop() throws Exception {
        try (LoopOnThread running = new LoopOnThread("loop", LoopClock.virtual())) {
            EventLoop loop = running.loop;
            CompletableFuture<String> future = loop.submit(() -> {
                sleep(Duration.ofSeconds(1));
                return "answered in loop=" + loop.inLoop() + " as " + Objects.requireNonNull(currentTask()).name();
            });
            assertThat(future.get()).startsWith("answered in loop=true as Task-");
        }
    }

    @Test
    void theFutureCompletesExceptionallyWithTheTasksExceptionUnchanged() {
        IOException original = new IOException("disk on fire");
        try (LoopOnThread running = new LoopOnThread("loop", LoopClock.virtual())) {
            CompletableFuture<String> future = running.loop.submit(() -> {
                sleep(Duration.ofSeconds(1));
                throw original;
            });
            Throwable thrown = catchThrowable(future::get);
            assertThat(thrown).isExactlyInstanceOf(ExecutionException.class);
            assertThat(thrown.getCause()).isSameAs(original);
            assertThat(future.isCompletedExceptionally()).isTrue();
            assertThat(future.isCancelled()).isFalse();
        }
    }

    @Test
    void cancellingTheFutureCancelsTheTaskAndRunsItsFinally() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finallyRan = new CountDownLatch(1);
        CompletableFuture<Throwable> seenInside = new CompletableFuture<>();
        try (LoopOnThread running = new LoopOnThread("loop", LoopClock.system())) {
            CompletableFuture<String> future = running.loop.submit(() -> {
                started.countDown();
                try {
                    await(Promise.<String>create());
                    return "never";
                } catch (Throwable e) {
                    seenInside.complete(e);
                    throw e;
                } finally {
                    finallyRan.countDown();
                }
            });
            started.await();

            assertThat(future.cancel(true)).isTrue();

            finallyRan.await();
            assertThat(seenInside.join()).isExactlyInstanceOf(CancelledException.class);
            assertThat(future.isCancelled()).isTrue();
        }
    }

    @Test
    void aTaskCancelledOnTheLoopCancelsTheFuture() {
        try (LoopOnThread running = new LoopOnThread("loop", LoopClock.virtual())) {
            CompletableFuture<String> future = running.loop.submit(() -> {
                Objects.requireNonNull(currentTask()).cancel("given up");
                sleep(Duration.ZERO);
                return "never";
            });
            assertThatThrownBy(future::join).isInstanceOf(CancellationException.class);
            assertThat(future.isCancelled()).isTrue();
        }
    }

    @Test
    void aTaskOfTheSameLoopCanAwaitTheFutureOfWorkItSubmitted() {
        String value = run(() -> {
            CompletableFuture<String> future = currentLoop().submit(() -> {
                sleep(Duration.ZERO);
                return "submitted";
            });
            return await(future);
        });
        assertThat(value).isEqualTo("submitted");
    }

    /**
     * On a virtual clock the loop does not jump while a task awaits a CompletionStage (it may be
     * completed by another thread); but the future of {@code submit} is completed by this very
     * loop, here only after a virtual second, so refusing to jump means waiting forever.
     */
    @Test
    @Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aTaskOfTheSameVirtualTimeLoopCanAwaitTheFutureOfTimedWorkItSubmitted() {
        String value = run(LoopClock.virtual(), () -> {
            CompletableFuture<String> future = currentLoop().submit(() -> {
                sleep(Duration.ofSeconds(1));
                return "submitted";
            });
            return await(future) + " at " + Duration.ofNanos(currentLoop().time()).toSeconds();
        });
        assertThat(value).isEqualTo("submitted at 1");
    }

    @Test
    void theFutureOfAFailedTaskJoinsWithACompletionExceptionWrappingTheSameInstance() {
        IllegalArgumentException original = new IllegalArgumentException("bad input");
        try (LoopOnThread running = new LoopOnThread("loop", LoopClock.virtual())) {
            CompletableFuture<Integer> future = running.loop.submit(() -> {
                throw original;
            });
            Throwable thrown = catchThrowable(future::join);
            assertThat(thrown).isExactlyInstanceOf(CompletionException.class);
            assertThat(thrown.getCause()).isSameAs(original);
        }
    }

    /**
     * A submission posted while the loop is not running reaches the loop only when {@code close()}
     * runs the callbacks left in its inbox; the task can no longer be created then, and the future
     * must say so instead of never completing.
     */
    @Test
    void aSubmissionThatReachesTheLoopOnlyAsItClosesFailsItsFuture() {
        EventLoop loop = EventLoop.create(LoopClock.virtual());
        CompletableFuture<String> future = loop.submit(() -> "never");

        loop.close();

        assertThat(future).isCompletedExceptionally();
        Throwable thrown = catchThrowable(future::join);
        assertThat(thrown.getCause())
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageContaining("createTask() on a closed event loop");
    }

    /** The future delivers the task's exception; the loop must not also report it as never retrieved. */
    @Test
    void aTaskSubmittedDuringClosesCleanupFailsItsFutureInsteadOfHangingIt() {
        EventLoop loop = EventLoop.create(LoopClock.virtual());
        java.util.concurrent.atomic.AtomicReference<CompletableFuture<String>> late =
                new java.util.concurrent.atomic.AtomicReference<>();
        loop.runUntilComplete(() -> {
            createTask(() -> {
                try {
                    sleep(Duration.ofHours(1));
                } finally { // runs in close()'s cancel round: what it submits now is never cancelled
                    late.set(currentLoop().submit(() -> {
                        sleep(Duration.ofHours(1));
                        return "never";
                    }));
                    sleep(Duration.ZERO); // the submission reaches the loop and its task starts
                }
            });
            sleep(Duration.ZERO);
        });
        try (LogCapture log = LogCapture.start()) {
            loop.close();
            assertThat(log.all()).anyMatch(e -> e.message().contains(PendingTaskDropped.WARNING)); // and it is reported
        }

        assertThat(late.get()).isCompletedExceptionally();
        assertThat(catchThrowable(() -> late.get().join())).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the event loop closed while the submitted task was pending")
                .hasMessageContaining("submitted during close()'s cleanup");
    }

    @Test
    void aFailureDeliveredThroughTheFutureIsNotReportedAsNeverRetrieved() {
        IOException delivered = new IOException("handed to the future");
        try (LogCapture log = LogCapture.start()) {
            EventLoop loop = EventLoop.create(LoopClock.virtual());
            CompletableFuture<String> future = loop.submit(() -> {
                throw delivered;
            });
            loop.runUntilComplete(() -> sleep(Duration.ofSeconds(1))); // the submitted task runs and fails
            loop.close();

            assertThat(catchThrowable(future::join).getCause()).isSameAs(delivered);
            assertThat(log.all()).noneMatch(e -> e.thrown() == delivered);
        }
    }
}
