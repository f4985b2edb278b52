package dev.reactiveawait;

import static dev.reactiveawait.Async.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code await} on a plain thread that belongs to no loop blocks that thread until the awaitable
 * is done, like {@code Mono.block()} (DESIGN.md §4), so library code works inside and outside
 * tasks alike.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PlainThreadAwaitTest {

    @Test
    void blocksUntilATaskOfALoopRunningOnAnotherThreadCompletesThePromise() throws Exception {
        EventLoop loop = EventLoop.create();
        Promise<String> box = Promise.create(loop);
        CompletableFuture<Void> gate = new CompletableFuture<>();
        Thread me = Thread.currentThread();
        Thread loopThread = Threads.start("loop", () -> loop.runUntilComplete(() -> {
            await(gate); // opened only once the plain thread blocks in await(box)
            // two rounds, so the loop surely takes in what the blocked thread posted before box
            // completes (the race when it does not is the next test's)
            sleep(Duration.ZERO);
            sleep(Duration.ZERO);
            box.succeed("pizza");
        }));
        Threads.start("opener", () -> {
            Threads.awaitWaiting(me);
            gate.complete(null);
        });

        assertThat(box.isDone()).isFalse();
        String value = await(box);

        assertThat(value).isEqualTo("pizza");
        loopThread.join();
        loop.close();
    }

    /**
     * The blocked thread's registration reaches the loop through its inbox; here it arrives in the
     * loop's last iteration, after the promise completed and the loop was told to stop. The
     * promise is done: the thread must not stay blocked (not even once the loop is closed).
     */
    @Test
    @Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aThreadBlockedOnAPromiseThatCompletesJustBeforeTheLoopStopsIsReleased() {
        EventLoop loop = EventLoop.create(LoopClock.virtual());
        Promise<String> box = Promise.create(loop);
        CompletableFuture<String> got = new CompletableFuture<>();
        loop.runUntilComplete(() -> {
            Thread waiter = Threads.start("waiter", () -> got.complete(await(box)));
            Threads.awaitWaiting(waiter); // blocked in await(box), its registration posted
            box.succeed("pizza");
        });
        loop.close();
        assertThat(got.join()).isEqualTo("pizza");
    }

    @Test
    void aDoneTaskOfAnIdleLoopGivesItsValueAtOnce() {
        try (EventLoop loop = EventLoop.create(LoopClock.virtual())) {
            Task<Integer> task = loop.createTask(() -> 42);
            loop.runUntilComplete(task);
            assertThat(await(task)).isEqualTo(42);
        }
    }

    @Test
    void aFailedTaskRethrowsItsCheckedExceptionUnchanged() {
        IOException original = new IOException("disk on fire");
        try (EventLoop loop = EventLoop.create(LoopClock.virtual())) {
            Task<Integer> task = loop.createTask(() -> {
                throw original;
            });
            assertThat(catchThrowable(() -> loop.runUntilComplete(task))).isSameAs(original);
            assertThat(catchThrowable(() -> await(task))).isSameAs(original);
        }
    }

    @Test
    void aCompletionStageCompletedByAnotherThreadUnblocksTheThread() {
        CompletableFuture<String> future = new CompletableFuture<>();
        Thread me = Thread.currentThread();
        Threads.start("completer", () -> {
            Threads.awaitWaiting(me);
            future.complete("value");
        });
        assertThat(await(future)).isEqualTo("value");
    }

    @Test
    void aCompletionStageFailingOnAnotherThreadRethrowsTheCauseUnwrapped() {
        IOException original = new IOException("refused");
        CompletableFuture<String> source = new CompletableFuture<>();
        CompletableFuture<String> derived = source.thenApply(s -> s + "!"); // fails with a CompletionException
        Thread me = Thread.currentThread();
        Threads.start("failer", () -> {
            Threads.awaitWaiting(me);
            source.completeExceptionally(original);
        });
        assertThat(catchThrowable(() -> await(derived))).isSameAs(original);
    }

    @Test
    void interruptingTheBlockedThreadThrowsCancelledExceptionAndKeepsTheInterruptFlag() {
        try (EventLoop loop = EventLoop.create(LoopClock.virtual())) {
            Promise<String> never = Promise.create(loop);
            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(() -> await(never))
                        .isExactlyInstanceOf(CancelledException.class)
                        .hasMessageContaining("interrupted")
                        .hasCauseInstanceOf(InterruptedException.class);
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
            }
        }
    }
}
