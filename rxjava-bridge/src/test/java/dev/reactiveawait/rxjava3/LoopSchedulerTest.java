package dev.reactiveawait.rxjava3;

import static dev.reactiveawait.rxjava3.RxTasks.rxSingle;
import static dev.reactiveawait.rxjava3.RxTasks.scheduler;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reactiveawait.Async;
import dev.reactiveawait.EventLoop;
import dev.reactiveawait.LoopClock;
import dev.reactiveawait.Promise;
import dev.reactiveawait.internal.CoreAccess;
import dev.reactiveawait.testkit.LoopThread;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.disposables.Disposable;
import io.reactivex.rxjava3.exceptions.UndeliverableException;
import io.reactivex.rxjava3.observers.TestObserver;
import io.reactivex.rxjava3.plugins.RxJavaPlugins;
import io.reactivex.rxjava3.subscribers.TestSubscriber;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LoopSchedulerTest extends BridgeTestBase {

    @Test
    void observeOnDeliversOnTheLoop() {
        List<Boolean> onLoop = new CopyOnWriteArrayList<>();
        TestSubscriber<Integer> subscriber = Flowable.range(1, 3)
                .observeOn(scheduler(loop))
                .doOnNext(x -> onLoop.add(loop.inLoop()))
                .test();

        SourceContractTest.awaitDone(subscriber);
        subscriber.assertResult(1, 2, 3);
        assertThat(onLoop).containsExactly(true, true, true);
    }

    @Test
    void subscribeOnRunsTheSubscriptionOnTheLoop() {
        TestObserver<Boolean> observer = Single.fromCallable(() -> CoreAccess.isLoopThread(Thread.currentThread()))
                .subscribeOn(scheduler(loop))
                .test();

        SourceContractTest.awaitDone(observer);
        observer.assertResult(true);
    }

    @Test
    void aWorkerRunsItsTasksInSubmissionOrderOnTheLoop() throws InterruptedException {
        Scheduler.Worker worker = scheduler(loop).createWorker();
        List<Integer> order = new CopyOnWriteArrayList<>();
        List<Boolean> onLoop = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(100);
        for (int i = 0; i < 100; i++) {
            int n = i;
            worker.schedule(() -> {
                onLoop.add(loop.inLoop());
                order.add(n);
                done.countDown();
            });
        }
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            expected.add(i);
        }
        assertThat(order).isEqualTo(expected);
        assertThat(onLoop).containsOnly(true);
        worker.dispose();
    }

    @Test
    void delaysPeriodsAndNowFollowAVirtualClock() {
        try (LoopThread virtualLoop = new LoopThread("virtual", LoopClock.virtual())) {
            Scheduler onLoop = scheduler(virtualLoop.loop());
            long wallStart = System.nanoTime();

            // Subscribed on the loop: from another thread, the idle virtual loop could jump through
            // the timers before RxJava has even stored the periodic task's Disposable.
            TestObserver<Long> timer = virtualLoop.onLoop(
                    () -> Single.timer(1, TimeUnit.HOURS, onLoop).map(x -> onLoop.now(TimeUnit.MINUTES)).test());
            SourceContractTest.awaitDone(timer);
            timer.assertResult(60L);

            TestObserver<Long> interval = virtualLoop.onLoop(() -> Observable.interval(1, TimeUnit.HOURS, onLoop)
                    .take(3)
                    .map(x -> onLoop.now(TimeUnit.HOURS))
                    .test());
            SourceContractTest.awaitDone(interval);
            interval.assertResult(2L, 3L, 4L); // fixed rate from 1 h: ticks at 2, 3, 4 h

            Scheduler.Worker worker = onLoop.createWorker();
            assertThat(worker.now(TimeUnit.HOURS)).as("the interval stopped with take(3)").isEqualTo(4);
            worker.dispose();
            assertThat(Duration.ofNanos(System.nanoTime() - wallStart)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void disposingAWorkerCancelsItsPendingTasksAndTheirTimers() throws InterruptedException {
        try (LoopThread virtualLoop = new LoopThread("virtual", LoopClock.virtual())) {
            EventLoop vloop = virtualLoop.loop();
            // a pending foreign wait holds the virtual clock still while the timers are armed
            Promise<Void> hold = virtualLoop.onLoop(() -> CoreAccess.foreignPromise(vloop, () -> {}));
            Scheduler.Worker worker = scheduler(vloop).createWorker();
            List<String> ran = new CopyOnWriteArrayList<>();
            CountDownLatch armed = new CountDownLatch(1);
            Disposable inAnHour = worker.schedule(() -> ran.add("1 h"), 1, TimeUnit.HOURS);
            worker.schedulePeriodically(() -> ran.add("every 2 h"), 2, 2, TimeUnit.HOURS);
            worker.schedule(armed::countDown); // runs after both timers are armed (one FIFO inbox)
            assertThat(armed.await(5, TimeUnit.SECONDS)).isTrue();

            worker.dispose();
            hold.trySucceed(null);

            assertThat(inAnHour.isDisposed()).isTrue();
            Disposable late = worker.schedule(() -> ran.add("late"));
            assertThat(late.isDisposed()).as("RxJava's convention: a disposed worker ignores new tasks").isTrue();
            drain(vloop);
            // no timer left armed: what has not run by now never will
            assertThat(virtualLoop.onLoop(() -> CoreAccess.nextWorkAt(vloop))).isEqualTo(Long.MAX_VALUE);
            assertThat(ran).isEmpty();
            // the cancelled timers no longer pull the virtual clock forward
            assertThat(virtualLoop.onLoop(vloop::time)).isZero();
        }
    }

    @Test
    void aDisposedTaskNeverRuns() throws InterruptedException {
        List<String> ran = new CopyOnWriteArrayList<>();
        Disposable task = scheduler(loop).scheduleDirect(() -> ran.add("ran"), 200, TimeUnit.MILLISECONDS);
        task.dispose();
        drainLoop();
        // no timer left armed: what has not run by now never will
        assertThat(loopThread.onLoop(() -> CoreAccess.nextWorkAt(loop))).isEqualTo(Long.MAX_VALUE);
        assertThat(ran).isEmpty();
    }

    @Test
    void aFailingTaskGoesToRxJavaPluginsAndAPeriodicOneStops() throws InterruptedException {
        IllegalStateException failure = new IllegalStateException("second run fails");
        List<Integer> runs = new CopyOnWriteArrayList<>();
        Disposable periodic = scheduler(loop).schedulePeriodicallyDirect(() -> {
            runs.add(runs.size());
            if (runs.size() == 2) {
                throw failure;
            }
        }, 0, 5, TimeUnit.MILLISECONDS);
        eventually(periodic::isDisposed, disposed -> disposed);
        drainLoop();
        assertThat(runs).containsExactly(0, 1);
        assertThat(periodic.isDisposed()).isTrue();
        assertThat(takeErrors()).containsExactly(failure);
    }

    @Test
    void tasksPassThroughRxJavasOnScheduleHook() throws InterruptedException {
        AtomicInteger decorated = new AtomicInteger();
        RxJavaPlugins.setScheduleHandler(run -> {
            decorated.incrementAndGet();
            return run;
        });
        try {
            CountDownLatch ran = new CountDownLatch(2);
            scheduler(loop).scheduleDirect(ran::countDown);
            scheduler(loop).createWorker().schedule(ran::countDown);
            assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(decorated).hasValue(2);
        } finally {
            RxJavaPlugins.setScheduleHandler(null);
        }
    }

    @Test
    void shutdownCancelsAndIgnoresTasksButLeavesTheLoopRunningAndStartAcceptsThemAgain() throws InterruptedException {
        Scheduler onLoop = scheduler(loop);
        Scheduler.Worker worker = onLoop.createWorker();
        List<String> ran = new CopyOnWriteArrayList<>();
        onLoop.scheduleDirect(() -> ran.add("pending"), 1, TimeUnit.HOURS);

        onLoop.shutdown();

        assertThat(worker.isDisposed()).isTrue();
        assertThat(onLoop.scheduleDirect(() -> ran.add("after shutdown")).isDisposed()).isTrue();
        assertThat(loop.isRunning()).isTrue();
        TestObserver<Integer> stillWorks = rxSingle(loop, () -> 1).test();
        SourceContractTest.awaitDone(stillWorks);
        stillWorks.assertResult(1);

        onLoop.start();
        CountDownLatch afterStart = new CountDownLatch(1);
        onLoop.scheduleDirect(afterStart::countDown);
        assertThat(afterStart.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(ran).isEmpty();
    }

    @Test
    void aClosedLoopRejectsTasksThroughRxJavaPlugins() {
        EventLoop closed = EventLoop.create();
        closed.close();
        Scheduler onClosed = scheduler(closed);

        Disposable direct = onClosed.scheduleDirect(() -> {});
        Scheduler.Worker worker = onClosed.createWorker();
        Disposable first = worker.schedule(() -> {});
        Disposable second = worker.schedule(() -> {});

        assertThat(direct.isDisposed()).isTrue();
        assertThat(first.isDisposed()).isTrue();
        assertThat(second.isDisposed()).isTrue();
        assertThat(worker.isDisposed()).as("the worker disposes itself, as RxJava's executor workers do").isTrue();
        assertThat(takeErrors()).hasSize(2).allSatisfy(e -> assertThat(e)
                .isInstanceOf(UndeliverableException.class)
                .cause().isInstanceOf(RejectedExecutionException.class).hasMessageContaining("closed"));
    }

    @Test
    void tasksRunBetweenTaskStepsNeverInParallelWithThem() {
        Scheduler onLoop = scheduler(loop);
        TestObserver<String> observer = rxSingle(loop, () -> {
            CountDownLatch ran = new CountDownLatch(1);
            onLoop.scheduleDirect(ran::countDown);
            boolean ranWhileTheTaskHeldTheLoop = ran.await(50, TimeUnit.MILLISECONDS);
            Async.sleep(Duration.ofMillis(10)); // the loop runs it meanwhile
            return ranWhileTheTaskHeldTheLoop + "/" + (ran.getCount() == 0) + "/"
                    + CoreAccess.isLoopThread(Thread.currentThread());
        }).test();

        SourceContractTest.awaitDone(observer);
        observer.assertResult("false/true/true");
    }
}
