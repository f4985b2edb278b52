package dev.reactiveawait;

import static dev.reactiveawait.Async.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a task body throws comes out unchanged, the same instance, checked or not (DESIGN.md §8):
 * from {@code await}, from {@code result()}, from {@code runUntilComplete} and {@code run}.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ExceptionPropagationTest {

    /** An {@link Error} a body may throw; it must fail the task like any exception. */
    static final class Fatal extends Error {
        private static final long serialVersionUID = 1L;

        Fatal(String message) {
            super(message);
        }
    }

    @Test
    void checkedExceptionOfATaskComesOutOfAwaitAsTheSameInstance() {
        IOException original = new IOException("disk on fire");
        Throwable thrown = run(LoopClock.virtual(), () -> {
            Task<String> t = createTask(() -> {
                sleep(Duration.ofSeconds(1));
                throw original;
            });
            return catchThrowable(() -> await(t));
        });
        assertThat(thrown).isSameAs(original);
    }

    @Test
    void checkedExceptionOfATaskComesOutOfResultAndException() {
        IOException original = new IOException("disk on fire");
        try (EventLoop loop = EventLoop.create(LoopClock.virtual())) {
            Task<String> t = loop.createTask(() -> {
                throw original;
            });
            assertThat(catchThrowable(() -> loop.runUntilComplete(t))).isSameAs(original);
            assertThat(t.isDone()).isTrue();
            assertThat(t.isCancelled()).isFalse();
            assertThat(catchThrowable(t::result)).isSameAs(original);
            assertThat(t.exception()).isSameAs(original);
        }
    }

    @Test
    void uncheckedExceptionOfATaskComesOutOfAwaitAsTheSameInstance() {
        IllegalArgumentException original = new IllegalArgumentException("bad input");
        Throwable thrown = run(LoopClock.virtual(), () -> {
            Task<Integer> t = createTask(() -> {
                throw original;
            });
            return catchThrowable(() -> await(t));
        });
        assertThat(thrown).isSameAs(original);
    }

    @Test
    void errorThrownByABodyFailsTheTaskAndTheLoopGoesOn() {
        Fatal original = new Fatal("out of luck");
        AtomicReference<Task<Void>> task = new AtomicReference<>();
        String after = run(LoopClock.virtual(), () -> {
            task.set(createTask(() -> {
                throw original;
            }));
            Throwable thrown = catchThrowable(() -> await(task.get()));
            assertThat(thrown).isSameAs(original);
            return await(createTask(() -> "still running"));
        });
        assertThat(after).isEqualTo("still running");
        assertThat(task.get().isDone()).isTrue();
        assertThat(task.get().isCancelled()).isFalse();
        assertThat(task.get().exception()).isSameAs(original);
    }

    @Test
    void checkedExceptionOfTheMainTaskComesOutOfRunAsTheSameInstance() {
        IOException original = new IOException("disk on fire");
        Throwable thrown = catchThrowable(() -> run(LoopClock.virtual(), () -> {
            sleep(Duration.ofSeconds(1));
            throw original;
        }));
        assertThat(thrown).isSameAs(original);
    }

    @Test
    void checkedExceptionOfTheMainTaskComesOutOfRunUntilCompleteAsTheSameInstance() {
        IOException original = new IOException("disk on fire");
        try (EventLoop loop = EventLoop.create(LoopClock.virtual())) {
            Throwable thrown = catchThrowable(() -> loop.runUntilComplete(() -> {
                throw original;
            }));
            assertThat(thrown).isSameAs(original);
        }
    }

    @Test
    void checkedExceptionPassedToAPromiseComesOutOfAwaitAsTheSameInstance() {
        IOException original = new IOException("no pizza");
        Throwable thrown = run(LoopClock.virtual(), () -> {
            Promise<String> box = Promise.create();
            currentLoop().callLater(Duration.ofMinutes(15), () -> box.fail(original));
            return catchThrowable(() -> await(box));
        });
        assertThat(thrown).isSameAs(original);
    }
}
