package dev.reactiveawait.reactor;

import static dev.reactiveawait.reactor.ReactorTasks.scheduler;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reactiveawait.Async;
import dev.reactiveawait.EventLoop;
import dev.reactiveawait.LoopClock;
import dev.reactiveawait.LoopGroup;
import dev.reactiveawait.Promise;
import dev.reactiveawait.internal.CoreAccess;
import dev.reactiveawait.testkit.HookedErrors;
import dev.reactiveawait.testkit.OnLoops;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.test.StepVerifier;

/**
 * {@link ReactorTasks#scheduler(LoopGroup)}: workers pinned to one loop each, round-robin; direct
 * tasks round-robin; delays on the loop's clock; dispose per Reactor's contract.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LoopGroupSchedulerTest {
    private HookedErrors droppedErrors;
    private LoopGroup group;

    @BeforeEach
    void startGroupAndWatchDroppedErrors() {
        droppedErrors = DroppedErrors.watch();
        group = LoopGroup.create(2);
    }

    @AfterEach
    void closeGroupAndCheckNothingWasDropped() {
        try {
            group.close();
        } finally {
            droppedErrors.checkNoneAndStop();
        }
    }

    @Test
    void publishOnDeliversEachSequenceInOrderOnOneLoopAndTheSequencesSpreadOverTheLoops() {
        Scheduler loops = scheduler(group);
        OnLoops seen = new OnLoops();
        List<CompletableFuture<List<Integer>>> results = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            int key = k;
            results.add(Flux.range(0, 500)
                    .publishOn(loops)
                    .doOnNext(x -> seen.record(key, x))
                    .collectList()
                    .toFuture());
        }
        for (int k = 0; k < 4; k++) {
            assertThat(results.get(k).join()).isEqualTo(OnLoops.range(0, 500));
            assertThat(seen.valuesOf(k)).isEqualTo(OnLoops.range(0, 500));
            assertThat(seen.loopsOf(k)).as("sequence %d", k).containsExactly(group.loops().get(k % 2));
        }
        assertThat(seen.overlaps).hasValue(0);
        assertThat(seen.offLoop).hasValue(0);
    }

    @Test
    void subscribeOnEmitsEachSequenceInOrderOnOneLoop() {
        Scheduler loops = scheduler(group);
        OnLoops seen = new OnLoops();
        List<CompletableFuture<List<Integer>>> results = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            int key = k;
            results.add(Flux.range(0, 300)
                    .doOnNext(x -> seen.record(key, x)) // where the source emits
                    .subscribeOn(loops)
                    .collectList()
                    .toFuture());
        }
        for (int k = 0; k < 4; k++) {
            assertThat(results.get(k).join()).isEqualTo(OnLoops.range(0, 300));
            assertThat(seen.loopsOf(k)).as("sequence %d", k).containsExactly(group.loops().get(k % 2));
        }
        assertThat(seen.overlaps).hasValue(0);
        assertThat(seen.offLoop).hasValue(0);
    }

    /** As with {@code Schedulers.parallel()}: one worker per rail, so each rail stays on one loop. */
    @Test
    void parallelRailsRunOnOneLoopEachInOrder() throws InterruptedException {
        Scheduler loops = scheduler(group);
        OnLoops seen = new OnLoops();
        int rails = 4;
        CountDownLatch done = new CountDownLatch(rails);
        @SuppressWarnings("unchecked")
        CoreSubscriber<Integer>[] subscribers = (CoreSubscriber<Integer>[]) new CoreSubscriber<?>[rails];
        for (int r = 0; r < rails; r++) {
            subscribers[r] = new Rail(r, seen, done);
        }
        Flux.range(0, 1000).parallel(rails).runOn(loops).subscribe(subscribers);

        assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
        List<Integer> all = new ArrayList<>();
        for (int r = 0; r < rails; r++) {
            List<Integer> values = seen.valuesOf(r);
            assertThat(values).as("rail %d in order", r).isSorted().doesNotHaveDuplicates();
            assertThat(seen.loopsOf(r)).as("rail %d", r).containsExactly(group.loops().get(r % 2));
            all.addAll(values);
        }
        assertThat(all).containsExactlyInAnyOrderElementsOf(OnLoops.range(0, 1000));
        assertThat(seen.overlaps).hasValue(0);
    }

    @Test
    void directTasksGoToTheLoopsRoundRobin() {
        Scheduler loops = scheduler(group);
        List<CompletableFuture<EventLoop>> ranOn = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            CompletableFuture<EventLoop> where = new CompletableFuture<>();
            loops.schedule(() -> where.complete(CoreAccess.currentLoopOrNull()));
            ranOn.add(where);
        }
        for (int i = 0; i < 6; i++) {
            assertThat(ranOn.get(i).join()).as("task %d", i).isSameAs(group.loops().get(i % 2));
        }
    }

    @Test
    void delaysAndPeriodsRunOnTheVirtualClockOfTheLoopThatRunsThem() {
        try (LoopGroup virtual = LoopGroup.create(2, LoopClock::virtual)) {
            Scheduler loops = scheduler(virtual);
            long wallStart = System.nanoTime();
            StepVerifier.create(Mono.delay(Duration.ofHours(1), loops).map(x -> Async.currentLoop().time()))
                    .expectNext(Duration.ofHours(1).toNanos())
                    .verifyComplete();
            OnLoops seen = new OnLoops();
            StepVerifier.create(Flux.interval(Duration.ofHours(1), loops)
                            .take(3)
                            .doOnNext(x -> seen.record("interval", x.intValue()))
                            .map(x -> Duration.ofNanos(Async.currentLoop().time()).toHours()))
                    .expectNext(1L, 2L, 3L)
                    .verifyComplete();
            assertThat(seen.loopsOf("interval")).hasSize(1); // a periodic task stays on its loop
            assertThat(Duration.ofNanos(System.nanoTime() - wallStart)).isLessThan(Duration.ofSeconds(20));
        }
    }

    @Test
    void disposingAWorkerCancelsItsPendingTasksAndLeavesTheOtherWorkersRunning() throws InterruptedException {
        try (LoopGroup virtual = LoopGroup.create(2, LoopClock::virtual)) {
            Scheduler loops = scheduler(virtual);
            Scheduler.Worker a = loops.createWorker();
            Scheduler.Worker b = loops.createWorker();
            EventLoop loopA = loopOf(a);
            assertThat(loopOf(b)).isNotSameAs(loopA);
            // a pending foreign wait holds loop A's virtual clock still while its timers are armed
            Promise<Void> hold = loopA.submit(() -> CoreAccess.<Void>foreignPromise(loopA, () -> {})).join();
            List<String> ran = new CopyOnWriteArrayList<>();
            a.schedule(() -> ran.add("a in 1 h"), 1, TimeUnit.HOURS);
            a.schedule(() -> ran.add("a in 2 h"), 2, TimeUnit.HOURS);
            CountDownLatch armed = new CountDownLatch(1);
            a.schedule(armed::countDown); // runs after both timers are armed (one FIFO inbox)
            assertThat(armed.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Long> bRan = new CompletableFuture<>();
            b.schedule(() -> bRan.complete(Async.currentLoop().time()), 1, TimeUnit.HOURS);

            a.dispose();
            hold.trySucceed(null);

            assertThat(bRan.join()).isEqualTo(Duration.ofHours(1).toNanos());
            assertThat(a.isDisposed()).isTrue();
            assertThat(b.isDisposed()).isFalse();
            assertThatThrownBy(() -> a.schedule(() -> ran.add("late"))).isInstanceOf(RejectedExecutionException.class);
            loopA.submit(() -> null).join(); // two round trips through loop A's inbox
            loopA.submit(() -> null).join();
            assertThat(ran).isEmpty();
            assertThat(loopA.submit(() -> Async.currentLoop().time()).join())
                    .as("the cancelled timers no longer pull loop A's clock forward").isZero();
            b.dispose();
        }
    }

    @Test
    void disposingTheSchedulerRejectsNewTasksButLeavesTheGroupRunning() {
        Scheduler loops = scheduler(group);
        Scheduler.Worker worker = loops.createWorker();
        loops.dispose();

        assertThat(loops.isDisposed()).isTrue();
        assertThat(worker.isDisposed()).isTrue();
        assertThatThrownBy(() -> loops.schedule(() -> {})).isInstanceOf(RejectedExecutionException.class);
        assertThat(group.submit(() -> "still running").join()).isEqualTo("still running");
        Scheduler another = scheduler(group);
        StepVerifier.create(Mono.just(1).publishOn(another)).expectNext(1).verifyComplete();
    }

    @Test
    void aClosedGroupRejectsTasks() {
        Scheduler loops = scheduler(group);
        Scheduler.Worker worker = loops.createWorker();
        group.close();

        assertThatThrownBy(() -> loops.schedule(() -> {}))
                .isInstanceOf(RejectedExecutionException.class)
                .hasStackTraceContaining("closed event loop");
        assertThatThrownBy(() -> worker.schedule(() -> {})).isInstanceOf(RejectedExecutionException.class);
        assertThat(loops.toString()).startsWith("LoopScheduler[LoopGroup-");
    }

    private static EventLoop loopOf(Scheduler.Worker worker) {
        CompletableFuture<EventLoop> where = new CompletableFuture<>();
        worker.schedule(() -> where.complete(Objects.requireNonNull(CoreAccess.currentLoopOrNull())));
        return where.join();
    }

    /** One rail's subscriber: requests everything, records where each item arrives. */
    private record Rail(int index, OnLoops seen, CountDownLatch done) implements CoreSubscriber<Integer> {
        @Override
        public void onSubscribe(Subscription s) {
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(Integer item) {
            seen.record(index, item);
        }

        @Override
        public void onError(Throwable e) {
            throw new AssertionError("rail " + index + " failed", e);
        }

        @Override
        public void onComplete() {
            done.countDown();
        }
    }
}
