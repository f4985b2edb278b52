package dev.reactiveawait;

import static dev.reactiveawait.Async.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Where {@code await} (and its relatives) may not be called, and what the user is told
 * (DESIGN.md §4 "Where await may be called", §8): each mistake is an
 * {@link IllegalStateException} whose message names it.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AwaitMisuseTest {

    private static final Duration ZERO = Duration.ZERO;

    @Test
    void awaitInACallbackRunByTheLoopsDriverThreadThrowsBecauseItWouldDeadlock() {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        try (EventLoop loop = EventLoop.create(LoopClock.virtual())) {
            Promise<String> box = Promise.create(loop);
            // scheduled before the loop runs: the first iteration runs it before any task exists
            loop.callSoon(() -> thrown.set(catchThrowable(() -> await(box))));
            loop.runUntilComplete(() -> box.succeed("late"));
        }
        assertThat(thrown.get())
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageContaining("await()")
                .hasMessageContaining("deadlock")
                .hasMessageContaining("createTask");
    }

    @Test
    void awaitInACallbackScheduledByATaskThrowsBecauseItWouldDeadlock() {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        run(LoopClock.virtual(), () -> {
            Promise<String> box = Promise.create();
            currentLoop().callSoon(() -> thrown.set(catchThrowable(() -> await(box))));
            sleep(ZERO); // the callback runs (on this task's thread, but outside any task)
            box.succeed("unused");
        });
        assertThat(thrown.get())
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageContaining("deadlock")
                .hasMessageContaining("createTask");
    }

    @Test
    void awaitInADoneCallbackThrowsBecauseItWouldDeadlock() {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        run(LoopClock.virtual(), () -> {
            Promise<String> other = Promise.create();
            Task<Integer> t = createTask(() -> 1);
            t.addDoneCallback(done -> thrown.set(catchThrowable(() -> await(other))));
            await(t);
            sleep(ZERO);
            other.succeed("unused");
        });
        assertThat(thrown.get())
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageContaining("deadlock")
                .hasMessageContaining("createTask");
    }

    @Test
    void sleepInACallbackThrowsNamingSleep() {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        run(LoopClock.virtual(), () -> {
            currentLoop().callSoon(() -> thrown.set(catchThrowable(() -> sleep(Duration.ofSeconds(1)))));
            sleep(ZERO);
        });
        assertThat(thrown.get())
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sleep()")
                .hasMessageContaining("deadlock");
    }

    @Test
    void aTaskAwaitingItselfThrows() {
        AtomicReference<Task<String>> self = new AtomicReference<>();
        String outcome = run(LoopClock.virtual(), () -> {
            self.set(createTask(() -> {
                try {
                    await(self.get());
                    return "awaited itself";
                } catch (IllegalStateException e) {
                    return e.getMessage();
                }
            }));
            return await(self.get());
        });
        assertThat(outcome).contains("cannot await itself").contains(self.get().name());
    }

    @Test
    void aTaskAwaitingAPromiseOfAnotherLoopThrows() {
        try (EventLoop other = EventLoop.create(LoopClock.virtual())) {
            Promise<String> foreign = Promise.create(other);
            Throwable thrown = run(LoopClock.virtual(), () -> catchThrowable(() -> await(foreign)));
            assertThat(thrown)
                    .isExactlyInstanceOf(WrongThreadException.class)
                    .hasMessageContaining("another event loop")
                    .hasMessageContaining("submit()");
        }
    }

    @Test
    void sleepWithoutALoopThrows() {
        assertThatThrownBy(() -> sleep(Duration.ofSeconds(1)))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sleep()")
                .hasMessageContaining("outside any event loop");
    }

    @Test
    void createTaskWithoutALoopThrowsNamingTheThread() {
        String thread = Thread.currentThread().getName();
        assertThatThrownBy(() -> createTask(() -> 1))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no running event loop")
                .hasMessageContaining(thread);
    }

    @Test
    void currentLoopPromiseCreateAndGatherWithoutALoopThrow() {
        assertThatThrownBy(Async::currentLoop)
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no running event loop");
        assertThatThrownBy(Promise::create)
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no running event loop");
        assertThatThrownBy(() -> gather())
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no running event loop");
        assertThat(currentTask()).isNull();
    }

    @Test
    void awaitOnAPlainThreadOfAPendingPromiseOfAClosedLoopThrowsInsteadOfBlockingForever() {
        EventLoop loop = EventLoop.create(LoopClock.virtual());
        Promise<String> box = Promise.create(loop);
        loop.close();
        assertThatThrownBy(() -> await(box))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void nestedRunInsideATaskThrows() {
        Throwable thrown = run(LoopClock.virtual(), () -> catchThrowable(() -> run(LoopClock.virtual(), () -> 1)));
        assertThat(thrown)
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageContaining("run()")
                .hasMessageContaining("running event loop");
    }

    @Test
    void nestedRunInsideACallbackThrows() {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        run(LoopClock.virtual(), () -> {
            currentLoop().callSoon(() -> thrown.set(catchThrowable(() -> run(LoopClock.virtual(), () -> 1))));
            sleep(ZERO);
        });
        assertThat(thrown.get())
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageContaining("running event loop");
    }

    @Test
    void runUntilCompleteOfAnotherLoopInsideATaskThrows() {
        try (EventLoop other = EventLoop.create(LoopClock.virtual())) {
            Throwable thrown = run(LoopClock.virtual(), () -> catchThrowable(() -> other.runUntilComplete(() -> 1)));
            assertThat(thrown)
                    .isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("runUntilComplete()")
                    .hasMessageContaining("running event loop");
            assertThat(other.allTasks()).as("the refused call created no task").isEmpty();
        }
    }

    @Test
    void twoTasksAwaitingEachOtherAreRefusedInsteadOfHangingForever() {
        Throwable[] refused = new Throwable[1];
        Async.run(LoopClock.virtual(), () -> {
            java.util.concurrent.atomic.AtomicReference<Task<Object>> b = new java.util.concurrent.atomic.AtomicReference<>();
            Task<Object> a = Async.createTask(() -> Async.await(b.get()));
            b.set(Async.createTask(() -> Async.await(a))); // a awaits b by the time b runs: a cycle
            try {
                Async.await(a);
            } catch (IllegalStateException e) {
                refused[0] = e;
            }
        });

        assertThat(refused[0]).hasMessageContaining("cycle");
    }
}
