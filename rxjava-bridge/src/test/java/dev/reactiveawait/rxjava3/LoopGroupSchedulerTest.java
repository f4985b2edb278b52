package dev.reactiveawait.rxjava3;

import static dev.reactiveawait.rxjava3.RxTasks.scheduler;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reactiveawait.Async;
import dev.reactiveawait.EventLoop;
import dev.reactiveawait.LoopClock;
import dev.reactiveawait.LoopGroup;
import dev.reactiveawait.Promise;
import dev.reactiveawait.internal.CoreAccess;
import dev.reactiveawait.testkit.HookedErrors;
import dev.reactiveawait.testkit.OnLoops;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.disposables.Disposable;
import io.reactivex.rxjava3.exceptions.UndeliverableException;
import io.reactivex.rxjava3.observers.TestObserver;
import io.reactivex.rxjava3.subscribers.TestSubscriber;
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
import org.reactivestreams.Subscriber;

/**
 * {@link RxTasks#scheduler(LoopGroup)}: workers pinned to one loop each, round-robin; direct tasks
 * round-robin; delays on the loop's clock; dispose and shutdown per RxJava's contract.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LoopGroupSchedulerTest {
    private HookedErrors pluginErrors;
    private LoopGroup group;

    @BeforeEach
    void startGroupAndWatchPluginErrors() {
        pluginErrors = PluginErrors.watch();
        group = LoopGroup.create(2);
    }

    @AfterEach
    void closeGroupAndCheckNoStrayError() {
        try {
            group.close();
        } finally {
            pluginErrors.checkNoneAndStop();
        }
    }

    @Test
    void observeOnDeliversEachSequenceInOrderOnOneLoopAndTheSequencesSpreadOverTheLoops() {
        Scheduler loops = scheduler(group);
        OnLoops seen = new OnLoops();
        List<TestSubscriber<Integer>> subscribers = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            int key = k;
            subscribers.add(Flowable.range(0, 500)
                    .observeOn(loops)
                    .doOnNext(x -> seen.record(key, x))
                    .test());
        }
        for (int k = 0; k < 4; k++) {
            SourceContractTest.awaitDone(subscribers.get(k));
            subscribers.get(k).assertValueSequence(OnLoops.range(0, 500)).assertComplete();
            assertThat(seen.loopsOf(k)).as("sequence %d", k).containsExactly(group.loops().get(k % 2));
        }
        assertThat(seen.overlaps).hasValue(0);
        assertThat(seen.offLoop).hasValue(0);
    }

    @Test
    void subscribeOnEmitsEachSequenceInOrderOnOneLoop() {
        Scheduler loops = scheduler(group);
        OnLoops seen = new OnLoops();
        List<TestObserver<Integer>> observers = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            int key = k;
            observers.add(Observable.range(0, 300)
                    .doOnNext(x -> seen.record(key, x)) // where the source emits
                    .subscribeOn(loops)
                    .test());
        }
        for (int k = 0; k < 4; k++) {
            SourceContractTest.awaitDone(observers.get(k));
            observers.get(k).assertValueSequence(OnLoops.range(0, 300)).assertComplete();
            assertThat(seen.loopsOf(k)).as("sequence %d", k).containsExactly(group.loops().get(k % 2));
        }
        assertThat(seen.overlaps).hasValue(0);
        assertThat(seen.offLoop).hasValue(0);
    }

    /** As with {@code Schedulers.computation()}: one worker per rail, so each rail stays on one loop. */
    @Test
    void parallelRailsRunOnOneLoopEachInOrder() {
        Scheduler loops = scheduler(group);
        OnLoops seen = new OnLoops();
        int rails = 4;
        List<TestSubscriber<Integer>> railSubscribers = new ArrayList<>();
        @SuppressWarnings("unchecked")
        Subscriber<Integer>[] subscribers = (Subscriber<Integer>[]) new Subscriber<?>[rails];
        for (int r = 0; r < rails; r++) {
            int rail = r;
            TestSubscriber<Integer> ts = new TestSubscriber<>();
            railSubscribers.add(ts);
            subscribers[r] = new io.reactivex.rxjava3.core.FlowableSubscriber<Integer>() {
                @Override
                public void onSubscribe(org.reactivestreams.Subscription s) {
                    ts.onSubscribe(s);
                }

                @Override
                public void onNext(Integer item) {
                    seen.record(rail, item);
                    ts.onNext(item);
                }

                @Override
                public void onError(Throwable e) {
                    ts.onError(e);
                }

                @Override
                public void onComplete() {
                    ts.onComplete();
                }
            };
        }
        Flowable.range(0, 1000).parallel(rails).runOn(loops).subscribe(subscribers);

        List<Integer> all = new ArrayList<>();
        for (int r = 0; r < rails; r++) {
            SourceContractTest.awaitDone(railSubscribers.get(r));
            railSubscribers.get(r).assertComplete().assertNoErrors();
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
            loops.scheduleDirect(() -> where.complete(CoreAccess.currentLoopOrNull()));
            ranOn.add(where);
        }
        for (int i = 0; i < 6; i++) {
            assertThat(ranOn.get(i).join()).as("task %d", i).isSameAs(group.loops().get(i % 2));
        }
    }

    @Test
    void delaysRunOnTheVirtualClockOfTheLoopThatRunsThemAndAWorkerReadsItsLoopsClock() {
        try (LoopGroup virtual = LoopGroup.create(2, LoopClock::virtual)) {
            Scheduler loops = scheduler(virtual);
            TestObserver<Long> timer = Single.timer(1, TimeUnit.HOURS, loops)
                    .map(x -> Async.currentLoop().time())
                    .test();
            SourceContractTest.awaitDone(timer);
            timer.assertResult(Duration.ofHours(1).toNanos());

            Scheduler.Worker onSecond = loops.createWorker(); // the next loop: the second, still at 0
            CompletableFuture<Long> ranAt = new CompletableFuture<>();
            onSecond.schedule(() -> ranAt.complete(onSecond.now(TimeUnit.MINUTES)), 30, TimeUnit.MINUTES);
            assertThat(ranAt.join()).isEqualTo(30L);
            assertThat(loops.now(TimeUnit.MINUTES)).as("the scheduler reads the first loop's clock").isEqualTo(60L);
            onSecond.dispose();
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
            assertThat(a.schedule(() -> ran.add("late")).isDisposed()).as("RxJava's convention: a disposed task").isTrue();
            loopA.submit(() -> null).join(); // two round trips through loop A's inbox
            loopA.submit(() -> null).join();
            assertThat(ran).isEmpty();
            assertThat(loopA.submit(() -> Async.currentLoop().time()).join())
                    .as("the cancelled timers no longer pull loop A's clock forward").isZero();
            b.dispose();
        }
    }

    @Test
    void shutdownCancelsWhatTheSchedulerScheduledAndStartAcceptsTasksAgain() {
        Scheduler loops = scheduler(group);
        Scheduler.Worker worker = loops.createWorker();
        List<String> ran = new CopyOnWriteArrayList<>();
        Disposable later = loops.scheduleDirect(() -> ran.add("in an hour"), 1, TimeUnit.HOURS);

        loops.shutdown();

        assertThat(worker.isDisposed()).isTrue();
        assertThat(later.isDisposed()).isTrue();
        assertThat(loops.scheduleDirect(() -> ran.add("after shutdown")).isDisposed()).isTrue();
        assertThat(group.submit(() -> "the group still runs").join()).isEqualTo("the group still runs");

        loops.start();
        TestObserver<Integer> again = Single.just(1).observeOn(loops).test();
        SourceContractTest.awaitDone(again);
        again.assertResult(1);
        assertThat(ran).isEmpty();
    }

    @Test
    void aClosedGroupRejectsTasksThroughTheErrorHook() {
        Scheduler loops = scheduler(group);
        Scheduler.Worker worker = loops.createWorker();
        group.close();

        assertThat(loops.scheduleDirect(() -> {}).isDisposed()).isTrue();
        assertThat(worker.schedule(() -> {}).isDisposed()).isTrue();
        assertThat(worker.isDisposed()).as("a worker on a closed loop disposes itself").isTrue();
        assertThat(pluginErrors.take())
                .hasSize(2)
                .allSatisfy(e -> assertThat(e).isInstanceOf(UndeliverableException.class)
                        .cause().isInstanceOf(RejectedExecutionException.class).hasMessageContaining("is closed"));
        assertThat(loops.toString()).startsWith("LoopScheduler[LoopGroup-");
    }

    private static EventLoop loopOf(Scheduler.Worker worker) {
        CompletableFuture<EventLoop> where = new CompletableFuture<>();
        worker.schedule(() -> where.complete(Objects.requireNonNull(CoreAccess.currentLoopOrNull())));
        return where.join();
    }
}
