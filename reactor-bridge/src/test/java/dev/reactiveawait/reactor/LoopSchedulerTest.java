package dev.reactiveawait.reactor;

import static dev.reactiveawait.reactor.ReactorTasks.mono;
import static dev.reactiveawait.reactor.ReactorTasks.scheduler;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reactiveawait.EventLoop;
import dev.reactiveawait.LoopClock;
import dev.reactiveawait.Promise;
import dev.reactiveawait.internal.CoreAccess;
import dev.reactiveawait.testkit.LoopThread;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.test.StepVerifier;

class LoopSchedulerTest extends BridgeTestBase {

    @Test
    void publishOnDeliversOnTheLoop() {
        List<Boolean> onLoop = new CopyOnWriteArrayList<>();
        StepVerifier.create(Flux.range(1, 3)
                        .publishOn(scheduler(loop))
                        .doOnNext(x -> onLoop.add(loop.inLoop())))
                .expectNext(1, 2, 3)
                .verifyComplete();
        assertThat(onLoop).containsExactly(true, true, true);
    }

    @Test
    void aWorkerRunsItsTasksInSubmissionOrderOnTheLoop() throws InterruptedException {
        Scheduler.Worker worker = scheduler(loop).createWorker();
        List<Integer> order = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(100);
        for (int i = 0; i < 100; i++) {
            int n = i;
            worker.schedule(() -> {
                assertThat(loop.inLoop()).isTrue();
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
        worker.dispose();
    }

    @Test
    void delaysAndNowFollowAVirtualClock() {
        try (LoopThread virtualLoop = new LoopThread("virtual", LoopClock.virtual())) {
            Scheduler onLoop = scheduler(virtualLoop.loop());
            long wallStart = System.nanoTime();

            StepVerifier.create(Mono.delay(Duration.ofHours(1), onLoop).map(x -> onLoop.now(TimeUnit.MINUTES)))
                    .expectNext(60L)
                    .verifyComplete();
            StepVerifier.create(Flux.interval(Duration.ofHours(1), onLoop).take(3).map(x -> onLoop.now(TimeUnit.HOURS)))
                    .expectNext(2L, 3L, 4L) // fixed rate from 1 h: ticks at 2, 3, 4 h
                    .verifyComplete();
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
            worker.schedule(() -> ran.add("2 h"), 2, TimeUnit.HOURS);
            worker.schedule(armed::countDown); // runs after both timers are armed (one FIFO inbox)
            assertThat(armed.await(5, TimeUnit.SECONDS)).isTrue();

            worker.dispose();
            hold.trySucceed(null);

            assertThat(inAnHour.isDisposed()).isTrue();
            assertThatThrownBy(() -> worker.schedule(() -> ran.add("late"))).isInstanceOf(RejectedExecutionException.class);
            virtualLoop.onLoop(() -> null); // one round trip through the loop's inbox
            assertThat(ran).isEmpty();
            // the cancelled timers no longer pull the virtual clock forward
            assertThat(virtualLoop.onLoop(vloop::time)).isZero();
        }
    }

    @Test
    void aDisposedTaskNeverRuns() throws InterruptedException {
        try (LoopThread virtualLoop = new LoopThread("virtual", LoopClock.virtual())) {
            Scheduler onLoop = scheduler(virtualLoop.loop());
            List<String> ran = new CopyOnWriteArrayList<>();
            CountDownLatch later = new CountDownLatch(1);
            // scheduled and disposed in one loop step: from another thread, an idle virtual loop
            // could jump to the 200 ms timer before the dispose arrived
            Disposable task = virtualLoop.onLoop(() -> {
                Disposable d = onLoop.schedule(() -> ran.add("ran"), 200, TimeUnit.MILLISECONDS);
                d.dispose();
                return d;
            });
            onLoop.schedule(later::countDown, 300, TimeUnit.MILLISECONDS); // virtual: passes at once

            assertThat(later.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(ran).isEmpty();
            assertThat(task.isDisposed()).isTrue();
        }
    }

    @Test
    void aPeriodicTaskThatThrowsStops() throws InterruptedException {
        try (LoopThread virtualLoop = new LoopThread("virtual", LoopClock.virtual())) {
            Scheduler onLoop = scheduler(virtualLoop.loop());
            List<Integer> runs = new CopyOnWriteArrayList<>();
            CountDownLatch later = new CountDownLatch(1);
            Disposable periodic = onLoop.schedulePeriodically(() -> {
                runs.add(runs.size());
                if (runs.size() == 2) {
                    throw new IllegalStateException("second run fails (logged by the loop)");
                }
            }, 0, 5, TimeUnit.MILLISECONDS);
            onLoop.schedule(later::countDown, 100, TimeUnit.MILLISECONDS); // 20 periods later, virtually

            assertThat(later.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(runs).containsExactly(0, 1);
            assertThat(periodic.isDisposed()).isTrue();
        }
    }

    @Test
    void disposingTheSchedulerRejectsNewTasksButLeavesTheLoopRunning() {
        Scheduler onLoop = scheduler(loop);
        Scheduler.Worker worker = onLoop.createWorker();
        onLoop.dispose();

        assertThat(onLoop.isDisposed()).isTrue();
        assertThat(worker.isDisposed()).isTrue();
        assertThatThrownBy(() -> onLoop.schedule(() -> {})).isInstanceOf(RejectedExecutionException.class);
        assertThat(loop.isRunning()).isTrue();
        StepVerifier.create(mono(loop, () -> 1)).expectNext(1).verifyComplete();
        StepVerifier.create(Mono.just(2).publishOn(scheduler(loop))).expectNext(2).verifyComplete();
    }

    @Test
    void aClosedLoopRejectsTasks() {
        EventLoop closed = EventLoop.create();
        closed.close();

        assertThatThrownBy(() -> scheduler(closed).schedule(() -> {})).isInstanceOf(RejectedExecutionException.class);
        StepVerifier.create(Mono.just(1).publishOn(scheduler(closed))).expectError(RejectedExecutionException.class).verify();
    }

    @Test
    void tasksRunBetweenTaskStepsNeverInParallelWithThem() {
        Scheduler onLoop = scheduler(loop);
        StepVerifier.create(mono(loop, () -> {
                    CountDownLatch ran = new CountDownLatch(1);
                    onLoop.schedule(ran::countDown);
                    boolean ranWhileTheTaskHeldTheLoop = ran.await(50, TimeUnit.MILLISECONDS);
                    dev.reactiveawait.Async.sleep(Duration.ofMillis(10)); // the loop runs it meanwhile
                    return ranWhileTheTaskHeldTheLoop + "/" + (ran.getCount() == 0) + "/"
                            + CoreAccess.isLoopThread(Thread.currentThread());
                }))
                .expectNext("false/true/true")
                .verifyComplete();
    }
}
