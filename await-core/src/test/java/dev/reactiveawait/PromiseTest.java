package dev.reactiveawait;

import static dev.reactiveawait.Async.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link Promise}: completes once, from any thread; its waiters resume on the loop.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PromiseTest {

    @Test
    void succeedingTwiceThrowsInvalidStateExceptionAndKeepsTheFirstValue() {
        try (EventLoop loop = EventLoop.create(LoopClock.virtual())) {
            Promise<String> box = Promise.create(loop);
            box.succeed("first");
            assertThatThrownBy(() -> box.succeed("second"))
                    .isExactlyInstanceOf(InvalidStateException.class)
                    .hasMessageContaining("succeed(second)")
                    .hasMessageContaining("completes once")
                    .hasMessageContaining("trySucceed");
            assertThat(box.result()).isEqualTo("first");
        }
    }

    @Test
    void failingACompletedPromiseThrowsInvalidStateException() {
        try (EventLoop loop = EventLoop.create(LoopClock.virtual())) {
            Promise<String> box = Promise.create(loop);
            box.succeed("first");
            assertThatThrownBy(() -> box.fail(new IOException("late")))
                    .isExactlyInstanceOf(InvalidStateException.class)
                    .hasMessageContaining("completes once")
                    .hasMessageContaining("tryFail");
            assertThat(box.result()).isEqualTo("first");
        }
    }

    @Test
    void tryMethodsAndCancelReturnFalseOnceDoneAndChangeNothing() {
        try (EventLoop loop = EventLoop.create(LoopClock.virtual())) {
            Promise<String> box = Promise.create(loop);
            assertThat(box.trySucceed("first")).isTrue();
            assertThat(box.trySucceed("second")).isFalse();
            assertThat(box.tryFail(new IOException("late"))).isFalse();
            assertThat(box.cancel("too late")).isFalse();
            assertThat(box.isCancelled()).isFalse();
            assertThat(box.result()).isEqualTo("first");
            assertThat(box.exception()).isNull();
        }
    }

    @Test
    void aCancelledPromiseRefusesCompletionAndReportsItsMessage() {
        try (EventLoop loop = EventLoop.create(LoopClock.virtual())) {
            Promise<String> box = Promise.create(loop);
            assertThat(box.cancel("kitchen closed")).isTrue();
            assertThat(box.trySucceed("pizza")).isFalse();
            assertThat(box.tryFail(new IOException("late"))).isFalse();
            assertThat(box.cancel()).isFalse();
            assertThat(box.isDone()).isTrue();
            assertThat(box.isCancelled()).isTrue();
            assertThatThrownBy(box::result)
                    .isExactlyInstanceOf(CancelledException.class)
                    .hasMessage("kitchen closed");
            assertThatThrownBy(box::exception)
                    .isExactlyInstanceOf(CancelledException.class)
                    .hasMessage("kitchen closed");
        }
    }

    @Test
    void resultAndExceptionOfAPendingPromiseThrowInvalidStateException() {
        try (EventLoop loop = EventLoop.create(LoopClock.virtual())) {
            Promise<String> box = Promise.create(loop);
            assertThatThrownBy(box::result)
                    .isExactlyInstanceOf(InvalidStateException.class)
                    .hasMessageContaining("not set")
                    .hasMessageContaining("pending");
            assertThatThrownBy(box::exception)
                    .isExactlyInstanceOf(InvalidStateException.class)
                    .hasMessageContaining("not set")
                    .hasMessageContaining("pending");
        }
    }

    @Test
    void cancellingAPromiseGivesItsAwaiterACancelledExceptionWithTheMessage() {
        Throwable thrown = run(LoopClock.virtual(), () -> {
            Promise<String> box = Promise.create();
            currentLoop().callLater(Duration.ofMinutes(5), () -> box.cancel("kitchen closed"));
            return catchThrowable(() -> await(box));
        });
        assertThat(thrown).isExactlyInstanceOf(CancelledException.class).hasMessage("kitchen closed");
    }

    @Test
    void completionFromAForeignThreadWakesTheAwaitingTaskOnTheLoop() {
        AtomicReference<String> completer = new AtomicReference<>();
        String value = run(() -> { // real clock: the loop idles until the kitchen thread posts
            EventLoop loop = currentLoop();
            Promise<String> box = Promise.create();
            // started once this task is suspended in await(box)
            loop.callSoon(() -> Threads.start("kitchen", () -> {
                completer.set(Thread.currentThread().getName());
                box.succeed("pizza");
            }));
            String v = await(box);
            assertThat(loop.inLoop()).isTrue();
            return v;
        });
        assertThat(value).isEqualTo("pizza");
        assertThat(completer.get()).isEqualTo("kitchen");
    }

    @Test
    void failureFromAForeignThreadReachesTheAwaitingTaskUnchanged() {
        IOException original = new IOException("oven broke");
        Throwable thrown = run(() -> {
            Promise<String> box = Promise.create();
            currentLoop().callSoon(() -> Threads.start("kitchen", () -> box.fail(original)));
            return catchThrowable(() -> await(box));
        });
        assertThat(thrown).isSameAs(original);
    }

    @Test
    void doneCallbacksRunOnTheLoopInRegistrationOrderNeverInline() {
        List<String> calls = Collections.synchronizedList(new ArrayList<>());
        run(LoopClock.virtual(), () -> {
            EventLoop loop = currentLoop();
            Promise<String> box = Promise.create();
            box.addDoneCallback(p -> calls.add("first " + p.result() + " inLoop=" + loop.inLoop()));
            box.addDoneCallback(p -> calls.add("second " + p.result()));
            box.succeed("pizza");
            assertThat(calls).as("callbacks are scheduled, not called inline").isEmpty();
            box.addDoneCallback(p -> calls.add("added when done"));
            assertThat(calls).isEmpty();
            sleep(Duration.ZERO);
        });
        assertThat(calls).containsExactly("first pizza inLoop=true", "second pizza", "added when done");
    }

    @Test
    void removeDoneCallbackRemovesEveryRegistration() {
        List<String> calls = Collections.synchronizedList(new ArrayList<>());
        run(LoopClock.virtual(), () -> {
            Promise<String> box = Promise.create();
            Consumer<Awaitable<String>> twice = p -> calls.add("twice");
            box.addDoneCallback(twice);
            box.addDoneCallback(p -> calls.add("kept"));
            box.addDoneCallback(twice);
            assertThat(box.removeDoneCallback(twice)).isTrue();
            assertThat(box.removeDoneCallback(twice)).isFalse();
            box.succeed("pizza");
            sleep(Duration.ZERO);
        });
        assertThat(calls).containsExactly("kept");
    }
}
