package dev.reactiveawait;

import static dev.reactiveawait.Async.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Loop-bound objects used from the wrong thread or the wrong loop throw
 * {@link WrongThreadException} naming the method, the loop, the thread it runs on, and the
 * thread-safe way in (issue #7, "Misuse"; asyncio's debug-mode {@code _check_thread}, always on
 * here). Promise completion and {@code Task.cancel} are thread-safe by design and keep working.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WrongThreadTest {

    /** What {@code call} throws on a fresh platform thread named {@code intruder}. */
    private static Throwable fromIntruder(ThrowingCallable call) {
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        Threads.start("intruder", () -> thrown.complete(catchThrowable(call)));
        return thrown.orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** The message every wrong-thread call carries: method, calling thread, loop, and the way in. */
    private static void assertWrongThread(Throwable e, String method, EventLoop loop) {
        assertThat(e).as(method)
                .isExactlyInstanceOf(WrongThreadException.class)
                .hasMessageStartingWith(method + "() called from thread \"intruder\" while " + loop.id() + " runs on thread ")
                .hasMessageContaining("use callSoonThreadsafe() or submit()");
    }

    @Test
    void theLoopsSchedulingMethodsFromAForeignThreadNameTheMethodTheLoopAndTheThreadSafeAlternative() {
        try (LoopOnThread running = new LoopOnThread("loop", LoopClock.virtual())) {
            EventLoop loop = running.loop;
            assertWrongThread(fromIntruder(() -> loop.callSoon(() -> {})), "callSoon", loop);
            assertWrongThread(fromIntruder(() -> loop.callLater(Duration.ofSeconds(1), () -> {})), "callLater", loop);
            assertWrongThread(fromIntruder(() -> loop.callAt(0, () -> {})), "callAt", loop);
            assertWrongThread(fromIntruder(() -> loop.createTask(() -> 1)), "createTask", loop);
            assertWrongThread(fromIntruder(() -> loop.createTask("named", () -> {})), "createTask", loop);
            assertWrongThread(fromIntruder(loop::allTasks), "allTasks", loop);
            assertWrongThread(fromIntruder(loop::dump), "dump", loop);
            assertWrongThread(fromIntruder(() -> loop.setSlowStepThreshold(null)), "setSlowStepThreshold", loop);

            assertThat(loop.submit(() -> "the thread-safe way in works").join()).isEqualTo("the thread-safe way in works");
        }
    }

    @Test
    void aTasksLoopOnlyMethodsFromAForeignThreadThrowAndCancelIsForwardedToTheLoop() {
        try (LoopOnThread running = new LoopOnThread("loop", LoopClock.system())) { // a virtual day would pass at once
            EventLoop loop = running.loop;
            Task<String> sleeper = loop.submit(() -> createTask("sleeper", () -> {
                sleep(Duration.ofDays(1));
                return "woke";
            })).join();

            assertWrongThread(fromIntruder(() -> sleeper.setName("renamed")), "setName", loop);
            assertWrongThread(fromIntruder(sleeper::cancelling), "cancelling", loop);
            assertWrongThread(fromIntruder(sleeper::uncancel), "uncancel", loop);
            assertWrongThread(fromIntruder(() -> sleeper.addDoneCallback(t -> {})), "addDoneCallback", loop);
            assertWrongThread(fromIntruder(() -> sleeper.removeDoneCallback(t -> {})), "removeDoneCallback", loop);
            assertThat(sleeper.name()).isEqualTo("sleeper");

            assertThat(fromIntruder(() -> assertThat(sleeper.cancel("from outside")).isTrue())).isNull();
            String outcome = loop.submit(() -> {
                try {
                    return await(sleeper);
                } catch (CancelledException e) {
                    return "cancelled: " + e.getMessage();
                }
            }).join();
            assertThat(outcome).isEqualTo("cancelled: from outside");
        }
    }

    @Test
    void aPromiseIsCompletedFromAnyThreadButItsCallbacksAreLoopOnly() {
        try (LoopOnThread running = new LoopOnThread("loop", LoopClock.virtual())) {
            EventLoop loop = running.loop;
            Promise<String> box = Promise.create(loop);
            CompletableFuture<String> awaited = loop.submit(() -> await(box));

            assertWrongThread(fromIntruder(() -> box.addDoneCallback(p -> {})), "addDoneCallback", loop);
            assertThat(fromIntruder(() -> box.succeed("pizza"))).isNull();

            assertThat(awaited.join()).isEqualTo("pizza");
        }
    }

    @Test
    void aTaskGroupAndATimeoutUsedFromAForeignThreadThrowAndStayUsableByTheirTask() {
        try (LoopOnThread running = new LoopOnThread("loop", LoopClock.system())) { // a virtual day would pass at once
            EventLoop loop = running.loop;
            CompletableFuture<TaskGroup> groupOut = new CompletableFuture<>();
            CompletableFuture<dev.reactiveawait.Timeout> timeoutOut = new CompletableFuture<>();
            Promise<String> go = Promise.create(loop);
            CompletableFuture<String> owner = loop.submit(() -> {
                try (TaskGroup g = TaskGroup.open(); dev.reactiveawait.Timeout t = timeout(Duration.ofDays(1))) {
                    groupOut.complete(g);
                    timeoutOut.complete(t);
                    Task<String> child = g.createTask(() -> await(go));
                    return await(child) + ", expired=" + t.expired();
                }
            });
            TaskGroup g = groupOut.join();
            dev.reactiveawait.Timeout t = timeoutOut.join();

            assertWrongThread(fromIntruder(() -> g.createTask(() -> 1)), "createTask", loop);
            assertWrongThread(fromIntruder(g::close), "close", loop);
            assertWrongThread(fromIntruder(() -> t.reschedule(0)), "reschedule", loop);
            assertWrongThread(fromIntruder(() -> t.run(() -> 1)), "run", loop);
            assertWrongThread(fromIntruder(t::close), "close", loop);

            go.succeed("the group and the timeout still work");
            assertThat(owner.join()).isEqualTo("the group and the timeout still work, expired=false");
        }
    }

    @Test
    void aTaskOfAnotherLoopCallingThisLoopsMethodsIsNamedWithItsOwnLoop() {
        try (LoopOnThread running = new LoopOnThread("loop", LoopClock.virtual())) {
            EventLoop loop = running.loop;
            Throwable thrown = run(LoopClock.virtual(), () -> {
                EventLoop mine = currentLoop();
                Throwable e = catchThrowable(() -> loop.callSoon(() -> {}));
                assertThat(e).hasMessageContaining("(running " + mine.id() + ") while " + loop.id() + " runs on thread ");
                return e;
            });
            assertThat(thrown).isExactlyInstanceOf(WrongThreadException.class)
                    .hasMessageStartingWith("callSoon() called from thread ")
                    .hasMessageContaining("use callSoonThreadsafe() or submit()");
        }
    }

    @Test
    void awaitingAnAwaitableOfAnotherLoopThrowsNamingBothLoopsAndSubmit() {
        try (EventLoop other = EventLoop.create(LoopClock.virtual())) {
            Promise<String> foreign = Promise.create(other);
            List<Throwable> errors = run(LoopClock.virtual(), () -> {
                Promise<String> local = Promise.create();
                return java.util.Arrays.asList(
                        catchThrowable(() -> await(foreign)),
                        catchThrowable(() -> gather(local, foreign)),
                        catchThrowable(() -> Async.wait(List.of(foreign), ReturnWhen.ALL_COMPLETED, null)),
                        catchThrowable(() -> waitFor(foreign, Duration.ofSeconds(1))),
                        catchThrowable(() -> asCompleted(List.of(foreign), null)),
                        catchThrowable(() -> shield(foreign)));
            });
            List<String> methods = List.of("await", "gather", "wait", "waitFor", "asCompleted", "shield");
            assertThat(errors).hasSize(methods.size());
            for (int i = 0; i < errors.size() - 1; i++) {
                assertThat(errors.get(i)).as(methods.get(i))
                        .isExactlyInstanceOf(WrongThreadException.class)
                        .hasMessageStartingWith(methods.get(i) + "(): Promise[pending] belongs to another event loop ("
                                + other.id() + ") than the one running this code (EventLoop@")
                        .hasMessageContaining("submit()");
            }
            // shield() of a promise whose loop does not run checks the thread, not the loop: it is
            // then setup code, as asyncio's shield would be; awaiting the shield fails like await.
            assertThat(errors.get(5)).isNull();
        }
    }

    @Test
    void runUntilCompleteOfAnAwaitableOfAnotherLoopThrowsNamingBoth() {
        try (EventLoop loop = EventLoop.create(LoopClock.virtual());
                EventLoop other = EventLoop.create(LoopClock.virtual())) {
            Promise<String> foreign = Promise.create(other);
            assertThat(catchThrowable(() -> loop.runUntilComplete(foreign)))
                    .isExactlyInstanceOf(WrongThreadException.class)
                    .hasMessage("runUntilComplete(): Promise[pending] belongs to another loop (" + other.id() + ") than "
                            + loop.id() + "; run it with its own loop");
        }
    }

    /** A task-local belongs to tasks, not to a loop: outside any task it reads its initial value and refuses to be set. */
    @Test
    void aTaskLocalOnAForeignThreadReadsItsInitialValueAndRefusesSet() {
        TaskLocal<String> requestId = TaskLocal.withInitial("requestId", () -> "none");
        try (LoopOnThread running = new LoopOnThread("loop", LoopClock.virtual())) {
            assertThat(running.loop.submit(() -> {
                requestId.set("r-42");
                return requestId.get();
            }).join()).isEqualTo("r-42");
            CompletableFuture<String> seen = new CompletableFuture<>();
            Threads.start("intruder", () -> seen.complete(requestId.get()));
            assertThat(seen.join()).isEqualTo("none");
            assertThat(fromIntruder(() -> requestId.set("x")))
                    .isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessage("TaskLocal requestId.set() outside a task: values belong to tasks");
        }
    }
}
