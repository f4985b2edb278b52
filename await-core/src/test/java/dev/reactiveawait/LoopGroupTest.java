package dev.reactiveawait;

import static dev.reactiveawait.Async.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link LoopGroup}: several loops, each on a thread of its own, work spread round-robin, each
 * loop single-threaded, and an orderly close.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LoopGroupTest {

    @Test
    void theDefaultGroupHasOneLoopPerCore() {
        try (LoopGroup group = LoopGroup.create()) {
            assertThat(group.loops()).hasSize(Runtime.getRuntime().availableProcessors());
            assertThat(group.loops()).allMatch(EventLoop::isRunning);
        }
    }

    @Test
    void nextHandsOutTheLoopsRoundRobin() {
        try (LoopGroup group = LoopGroup.create(3)) {
            List<EventLoop> handedOut = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                handedOut.add(group.next());
            }
            List<EventLoop> l = group.loops();
            assertThat(new HashSet<>(l)).hasSize(3);
            assertThat(handedOut).containsExactly(l.get(0), l.get(1), l.get(2), l.get(0), l.get(1), l.get(2), l.get(0));
        }
    }

    @Test
    void submittedTasksSpreadOverEveryLoop() {
        try (LoopGroup group = LoopGroup.create(3, LoopClock::virtual)) {
            List<CompletableFuture<EventLoop>> ranOn = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                ranOn.add(group.submit(() -> {
                    sleep(Duration.ofSeconds(1));
                    return currentLoop();
                }));
            }
            List<EventLoop> l = group.loops();
            for (int i = 0; i < 9; i++) {
                assertThat(ranOn.get(i).join()).as("task %d", i).isSameAs(l.get(i % 3));
            }
        }
    }

    /**
     * Many tasks per loop, each yielding between bursts of work: a task never changes loop, and
     * within a loop no two steps ever overlap (a second thread entering a loop's step while another
     * is inside it would be caught by the loop's counter), while the loops themselves do run.
     */
    @Test
    void aTaskStaysOnItsLoopAndEachLoopRunsOneStepAtATime() {
        int loops = 2;
        int tasks = 200;
        try (LoopGroup group = LoopGroup.create(loops)) {
            Map<EventLoop, AtomicInteger> inside = new IdentityHashMap<>();
            for (EventLoop loop : group.loops()) {
                inside.put(loop, new AtomicInteger());
            }
            AtomicInteger overlaps = new AtomicInteger();
            AtomicInteger moved = new AtomicInteger();
            Set<EventLoop> used = ConcurrentHashMap.newKeySet();
            List<CompletableFuture<Integer>> done = new ArrayList<>();
            for (int t = 0; t < tasks; t++) {
                done.add(group.submit(() -> {
                    EventLoop mine = currentLoop();
                    used.add(mine);
                    AtomicInteger counter = Objects.requireNonNull(inside.get(mine));
                    int sum = 0;
                    for (int step = 0; step < 20; step++) {
                        if (counter.getAndIncrement() != 0) {
                            overlaps.incrementAndGet();
                        }
                        for (int spin = 0; spin < 200; spin++) {
                            sum += Integer.rotateLeft(sum, 3) ^ spin;
                            Thread.onSpinWait();
                        }
                        counter.decrementAndGet();
                        sleep(Duration.ZERO);
                        if (currentLoop() != mine || !mine.inLoop()) {
                            moved.incrementAndGet();
                        }
                    }
                    return sum;
                }));
            }
            done.forEach(CompletableFuture::join);
            assertThat(overlaps).hasValue(0);
            assertThat(moved).hasValue(0);
            assertThat(used).containsExactlyInAnyOrderElementsOf(group.loops());
        }
    }

    /**
     * Proof that the loops are independent: a task holds loop 0 (it never yields) until a task of
     * loop 1 has run. Were the loops sharing one thread or one baton, this would never finish.
     */
    @Test
    void aBusyLoopDoesNotHoldUpTheOthers() {
        try (LoopGroup group = LoopGroup.create(2)) {
            AtomicBoolean otherRan = new AtomicBoolean();
            CompletableFuture<Boolean> holder = group.loops().get(0).submit(() -> {
                long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (!otherRan.get() && System.nanoTime() < giveUp) {
                    Thread.onSpinWait(); // holds loop 0: no await
                }
                return otherRan.get();
            });
            group.loops().get(1).submit(() -> {
                otherRan.set(true);
                return null;
            }).join();
            assertThat(holder.join()).isTrue();
        }
    }

    @Test
    void closeCancelsTheLeftoverTasksOfEveryLoopAndRunsTheirFinallyBlocks() {
        int perLoop = 50;
        LoopGroup group = LoopGroup.create(2, LoopClock::virtual);
        AtomicInteger started = new AtomicInteger();
        AtomicInteger cancelled = new AtomicInteger();
        AtomicInteger finallyRan = new AtomicInteger();
        Set<EventLoop> cleanedUpOn = ConcurrentHashMap.newKeySet();
        CountDownLatch allStarted = new CountDownLatch(2 * perLoop);
        List<CompletableFuture<String>> futures = new ArrayList<>();
        for (int i = 0; i < 2 * perLoop; i++) {
            futures.add(group.submit(() -> {
                started.incrementAndGet();
                allStarted.countDown();
                try {
                    await(Promise.<String>create()); // never completes
                    return "never";
                } catch (CancelledException e) {
                    cancelled.incrementAndGet();
                    throw e;
                } finally {
                    sleep(Duration.ofSeconds(1)); // cleanup that awaits: the loop still runs during close
                    cleanedUpOn.add(currentLoop());
                    finallyRan.incrementAndGet();
                }
            }));
        }
        assertThat(awaitLatch(allStarted)).isTrue();

        group.close();

        assertThat(started).hasValue(2 * perLoop);
        assertThat(cancelled).hasValue(2 * perLoop);
        assertThat(finallyRan).hasValue(2 * perLoop);
        assertThat(cleanedUpOn).containsExactlyInAnyOrderElementsOf(group.loops());
        assertThat(futures).allMatch(CompletableFuture::isCancelled);
        assertThat(group.loops()).allMatch(EventLoop::isClosed).noneMatch(EventLoop::isRunning);
        assertThat(group.isClosed()).isTrue();
    }

    /** asyncio: a task cancelled before its first step never runs; its future is cancelled too. */
    @Test
    void closeCancelsSubmittedTasksThatHaveNotStartedYet() {
        LoopGroup group = LoopGroup.create(1, LoopClock::virtual);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger ranBodies = new AtomicInteger();
        // keep the only loop busy in a callback so that the next submissions wait in its inbox
        CountDownLatch busy = new CountDownLatch(1);
        group.loops().get(0).callSoonThreadsafe(() -> {
            busy.countDown();
            awaitLatch(release);
        });
        assertThat(awaitLatch(busy)).isTrue();
        List<CompletableFuture<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            futures.add(group.submit(ranBodies::incrementAndGet));
        }
        Thread closer = Threads.start("closer", group::close);
        Threads.awaitWaiting(closer); // the stop requests are posted, behind the submissions
        release.countDown();
        join(closer);

        assertThat(ranBodies).hasValue(0);
        assertThat(futures).allMatch(CompletableFuture::isCancelled);
    }

    @Test
    void closeIsIdempotentAndEveryCallerReturnsOnceTheGroupIsClosed() throws InterruptedException {
        LoopGroup group = LoopGroup.create(2, LoopClock::virtual);
        AtomicInteger finallyRan = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(2);
        for (int i = 0; i < 2; i++) {
            group.submit(() -> {
                started.countDown();
                try {
                    return await(Promise.<Integer>create());
                } finally {
                    finallyRan.incrementAndGet();
                }
            });
        }
        assertThat(awaitLatch(started)).isTrue();
        List<Boolean> sawClosed = new ArrayList<>();
        List<Thread> closers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            closers.add(Threads.start("closer-" + i, () -> {
                group.close();
                synchronized (sawClosed) {
                    sawClosed.add(group.loops().stream().allMatch(EventLoop::isClosed) && finallyRan.get() == 2);
                }
            }));
        }
        for (Thread t : closers) {
            join(t);
        }
        group.close();
        group.close();

        assertThat(sawClosed).containsExactly(true, true, true, true);
        assertThat(finallyRan).hasValue(2);
        assertThat(group.toString()).endsWith("[2 loops, closed]");
    }

    @Test
    void aGroupNeedsAtLeastOneLoop() {
        assertThatThrownBy(() -> LoopGroup.create(0))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("LoopGroup.create(0): a group needs at least one loop");
        assertThatThrownBy(() -> LoopGroup.create(-3, LoopClock::virtual))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("LoopGroup.create(-3): a group needs at least one loop");
    }

    @Test
    void oneVirtualClockForTwoLoopsIsRefused() {
        VirtualClock shared = LoopClock.virtual();
        assertThatThrownBy(() -> LoopGroup.create(2, () -> shared))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("same VirtualClock")
                .hasMessageContaining("LoopClock::virtual");
    }

    @Test
    void nullArgumentsAreNamed() {
        assertThatThrownBy(() -> LoopGroup.create(1, null)).isExactlyInstanceOf(NullPointerException.class).hasMessage("clocks");
        try (LoopGroup group = LoopGroup.create(1)) {
            assertThatThrownBy(() -> group.submit(null)).isExactlyInstanceOf(NullPointerException.class).hasMessage("body");
        }
    }

    @Test
    void submitAfterCloseIsRefusedAndTheLoopsRefuseWorkToo() {
        LoopGroup group = LoopGroup.create(2);
        group.close();

        assertThatThrownBy(() -> group.submit(() -> 1))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("submit() on a closed LoopGroup");
        EventLoop loop = group.next();
        assertThat(loop.isClosed()).isTrue();
        assertThatThrownBy(() -> loop.submit(() -> 1))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed event loop");
    }

    @Test
    void closeFromATaskOfItsOwnLoopIsRefusedBecauseItWouldWaitForItself() {
        LoopGroup group = LoopGroup.create(2);
        try {
            CompletableFuture<Object> attempt = group.loops().get(1).submit(() -> {
                group.close();
                return "closed?";
            });
            Throwable thrown = catchThrowable(attempt::join);
            assertThat(thrown).isExactlyInstanceOf(CompletionException.class);
            assertThat(thrown.getCause())
                    .isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("LoopGroup.close() called on loop 1 of LoopGroup-")
                    .hasMessageContaining("close the group from a plain thread");
            assertThat(group.isClosed()).isFalse();
            assertThat(group.submit(() -> "still serving").join()).isEqualTo("still serving");
        } finally {
            group.close();
        }
    }

    @Test
    void closeFromACallbackOfAnotherLoopIsRefusedBecauseItWouldFreezeThatLoop() {
        try (LoopGroup group = LoopGroup.create(1); LoopGroup other = LoopGroup.create(1)) {
            CompletableFuture<Throwable> thrown = new CompletableFuture<>();
            other.next().callSoonThreadsafe(() -> thrown.complete(catchThrowable(group::close)));
            assertThat(thrown.join())
                    .isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("outside a task")
                    .hasMessageContaining("call it from a task or a plain thread");
            assertThat(group.isClosed()).isFalse();
        }
    }

    /**
     * In a task of a loop outside the group, close() suspends the task instead of blocking its
     * thread: here a leftover task of the group can only finish its cleanup once another task of
     * the closing loop has run.
     */
    @Test
    void closeFromATaskOfAnotherLoopSuspendsThatTaskWhileItsLoopRunsOn() {
        LoopGroup group = LoopGroup.create(1);
        CompletableFuture<String> cleanupGate = new CompletableFuture<>();
        CountDownLatch leftoverStarted = new CountDownLatch(1);
        CompletableFuture<Object> leftover = group.submit(() -> {
            leftoverStarted.countDown();
            try {
                return await(Promise.create());
            } finally {
                await(cleanupGate); // needs the outer loop's second task
            }
        });
        assertThat(awaitLatch(leftoverStarted)).isTrue();

        String outcome = run(() -> {
            createTask(() -> {
                sleep(Duration.ZERO);
                cleanupGate.complete("opened");
            });
            group.close();
            return "closed after " + cleanupGate.join();
        });

        assertThat(outcome).isEqualTo("closed after opened");
        assertThat(leftover.isCancelled()).isTrue();
    }

    @Test
    void aLoopStoppedByUserCodeKeepsServingUntilTheGroupCloses() {
        try (LoopGroup group = LoopGroup.create(1)) {
            group.submit(() -> {
                currentLoop().stop();
                return null;
            }).join();
            assertThat(group.submit(() -> "served after stop()").join()).isEqualTo("served after stop()");
        }
    }

    @Test
    void eachLoopJumpsItsOwnVirtualClock() {
        try (LoopGroup group = LoopGroup.create(2, LoopClock::virtual)) {
            CompletableFuture<Long> day = group.loops().get(0).submit(() -> {
                sleep(Duration.ofDays(1));
                return currentLoop().time();
            });
            CompletableFuture<Long> hour = group.loops().get(1).submit(() -> {
                sleep(Duration.ofHours(1));
                return currentLoop().time();
            });
            assertThat(day.join()).isEqualTo(Duration.ofDays(1).toNanos());
            assertThat(hour.join()).isEqualTo(Duration.ofHours(1).toNanos());
            assertThat(group.loops()).extracting(EventLoop::clock).doesNotHaveDuplicates();
        }
    }

    @Test
    void aTaskOfTheGroupCanAwaitWorkSubmittedToAnotherLoopOfIt() {
        try (LoopGroup group = LoopGroup.create(2, LoopClock::virtual)) {
            EventLoop first = group.loops().get(0);
            EventLoop second = group.loops().get(1);
            String answer = first.submit(() -> {
                String there = await(second.submit(() -> {
                    sleep(Duration.ofSeconds(5));
                    return currentLoop() == second ? "second" : "wrong loop";
                }));
                return there + " answered " + (currentLoop() == first ? "first" : "wrong loop");
            }).join();
            assertThat(answer).isEqualTo("second answered first");
        }
    }

    @Test
    void cancellingASubmittedFutureCancelsItsTaskOnItsLoop() {
        try (LoopGroup group = LoopGroup.create(2)) {
            CountDownLatch started = new CountDownLatch(1);
            CompletableFuture<Throwable> seen = new CompletableFuture<>();
            CompletableFuture<Object> future = group.submit(() -> {
                started.countDown();
                try {
                    return await(Promise.create());
                } catch (Throwable e) {
                    seen.complete(e);
                    throw e;
                }
            });
            assertThat(awaitLatch(started)).isTrue();
            future.cancel(false);
            assertThat(seen.join()).isExactlyInstanceOf(CancelledException.class);
            assertThatThrownBy(future::join).isInstanceOf(CancellationException.class);
        }
    }

    @Test
    void theDriverThreadsAreNamedAfterTheGroupAndEndOnClose() {
        LoopGroup group = LoopGroup.create(2);
        String groupName = group.toString().substring(0, group.toString().indexOf('['));
        Set<Thread> drivers = new HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith(groupName + "-loop-")) {
                drivers.add(t);
            }
        }
        assertThat(drivers).extracting(Thread::getName)
                .containsExactlyInAnyOrder(groupName + "-loop-0", groupName + "-loop-1");
        assertThat(drivers).noneMatch(Thread::isDaemon);
        group.close();
        assertThat(drivers).noneMatch(Thread::isAlive);
    }

    private static boolean awaitLatch(CountDownLatch latch) {
        try {
            return latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void join(Thread t) {
        try {
            t.join(Duration.ofSeconds(20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        assertThat(t.isAlive()).as("%s ended", t.getName()).isFalse();
    }
}
