package dev.reactiveawait;

import static dev.reactiveawait.Async.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link EventLoop#dump()}: stacks of the user's code, await chains, gathers and cycles. */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TaskDumpTest {

    private static void napInUserMethod() {
        sleep(Duration.ofHours(1));
    }

    private static TaskDump.TaskInfo named(TaskDump dump, String name) {
        return dump.tasks().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aSleepingTaskShowsTheUserMethodItSleepsIn() {
        TaskDump dump = run(LoopClock.virtual(), () -> {
            Task<Void> sleeper = createTask("sleeper", TaskDumpTest::napInUserMethod);
            sleep(Duration.ZERO);
            TaskDump d = currentLoop().dump();
            sleeper.cancel();
            return d;
        });
        TaskDump.TaskInfo sleeper = named(dump, "sleeper");
        assertThat(sleeper.state()).isEqualTo("PENDING");
        assertThat(sleeper.stack()).isNotEmpty();
        StackTraceElement top = sleeper.stack().get(0);
        assertThat(top.getClassName()).isEqualTo(TaskDumpTest.class.getName());
        assertThat(top.getMethodName()).isEqualTo("napInUserMethod");
        assertThat(sleeper.stack()).noneMatch(e -> e.getClassName().startsWith("java.")
                || e.getClassName().equals(EventLoop.class.getName())
                || e.getClassName().equals(Strand.class.getName()));
        assertThat(sleeper.awaiting()).containsExactly("sleep[until=3600.000 s]");
        assertThat(dump.toString()).contains("* Task(name='sleeper', state=PENDING)", "+ Call stack:",
                "napInUserMethod");
    }

    @Test
    void theRunningTaskAndATaskNotStartedYetAreListed() {
        TaskDump dump = run(LoopClock.virtual(), () -> {
            java.util.Objects.requireNonNull(currentTask()).setName("main");
            Task<Void> later = createTask("later", () -> { });
            TaskDump d = currentLoop().dump();
            await(later);
            return d;
        });
        assertThat(dump.tasks()).extracting(TaskDump.TaskInfo::name).containsExactly("main", "later");
        assertThat(named(dump, "main").state()).isEqualTo("RUNNING");
        assertThat(named(dump, "main").stack()).anyMatch(e -> e.getClassName().startsWith(TaskDumpTest.class.getName()));
        assertThat(named(dump, "later").stack()).isEmpty();
        assertThat(dump.toString()).contains("(not started)");
    }

    @Test
    void aChainOfAwaitsIsFollowedThroughTasksToThePromise() {
        AtomicReference<TaskDump> seen = new AtomicReference<>();
        try (EventLoop loop = EventLoop.create(LoopClock.virtual())) {
            Promise<Integer> never = Promise.create(loop);
            Task<Integer> main = loop.createTask("main", () -> {
                Task<Integer> child = createTask("child", () -> {
                    Task<Integer> grandchild = createTask("grandchild", () -> await(never));
                    return await(grandchild);
                });
                currentLoop().callLater(Duration.ofSeconds(1), () -> {
                    seen.set(currentLoop().dump());
                    never.succeed(7);
                });
                return await(child);
            });
            assertThat(loop.runUntilComplete(main)).isEqualTo(7);
        }
        TaskDump dump = seen.get();
        assertThat(dump.tasks()).extracting(TaskDump.TaskInfo::name).containsExactly("main", "child", "grandchild");
        assertThat(named(dump, "main").awaiting())
                .containsExactly("task 'child'", "task 'grandchild'", "Promise[pending]");
        assertThat(named(dump, "child").awaiting()).containsExactly("task 'grandchild'", "Promise[pending]");
        assertThat(named(dump, "grandchild").awaiting()).containsExactly("Promise[pending]");
        assertThat(dump.toString()).contains("+ Awaits: task 'child' → task 'grandchild' → Promise[pending]");
    }

    @Test
    void aGatherIsNamedWithItsSize() {
        TaskDump dump = run(LoopClock.virtual(), () -> {
            Promise<Integer> p1 = Promise.create();
            Promise<Integer> p2 = Promise.create();
            Promise<Integer> p3 = Promise.create();
            Task<List<Integer>> gatherer = createTask("gatherer", () -> await(gather(p1, p2, p3)));
            sleep(Duration.ZERO);
            TaskDump d = currentLoop().dump();
            p1.succeed(1);
            p2.succeed(2);
            p3.succeed(3);
            await(gatherer);
            return d;
        });
        assertThat(named(dump, "gatherer").awaiting()).containsExactly("gather of 3");
    }

    @Test
    void aCycleIsReported() {
        // A real cycle (a awaits b, b awaits a) can be neither completed nor cancelled (cancelling
        // one would recurse through the other, as in asyncio), so the test closes the cycle only
        // for the dump: both tasks really wait, on their own promises.
        TaskDump dump = run(LoopClock.virtual(), () -> {
            Promise<Integer> pa = Promise.create();
            Promise<Integer> pb = Promise.create();
            Task<Integer> a = createTask("a", () -> await(pa));
            Task<Integer> b = createTask("b", () -> await(pb));
            Task<Integer> c = createTask("c", () -> await(a));
            sleep(Duration.ZERO);
            Object wa = a.waitingOn;
            Object wb = b.waitingOn;
            a.waitingOn = b;
            b.waitingOn = a;
            try {
                return currentLoop().dump();
            } finally {
                a.waitingOn = wa;
                b.waitingOn = wb;
                pa.succeed(1);
                pb.succeed(2);
                await(c);
            }
        });
        assertThat(named(dump, "a").awaiting()).containsExactly("task 'b'", "cycle: a → b → a");
        assertThat(named(dump, "b").awaiting()).containsExactly("task 'a'", "cycle: b → a → b");
        assertThat(named(dump, "c").awaiting()).containsExactly("task 'a'", "task 'b'", "cycle: a → b → a");
        assertThat(dump.toString()).contains("+ Awaits: task 'b' → cycle: a → b → a");
    }

    @Test
    void dumpFromAnotherThreadThrowsButDumpAsyncWorks() throws Exception {
        try (EventLoop loop = EventLoop.create()) {
            CompletableFuture<TaskDump> fromOutside = new CompletableFuture<>();
            loop.runUntilComplete(() -> {
                Thread outsider = Thread.ofPlatform().start(() -> {
                    try {
                        assertThatThrownBy(loop::dump).isInstanceOf(WrongThreadException.class);
                        fromOutside.complete(loop.dumpAsync().get(10, TimeUnit.SECONDS));
                    } catch (Throwable e) {
                        fromOutside.completeExceptionally(e);
                    }
                });
                await(fromOutside);
                outsider.join();
            });
            TaskDump dump = fromOutside.get();
            assertThat(dump.tasks()).hasSize(1);
            assertThat(loop.dumpAsync().get().tasks()).isEmpty();
            assertThat(loop.dump().toString()).isEqualTo("no pending tasks");
        }
    }
}
