package dev.reactiveawait;

import static dev.reactiveawait.Async.await;
import static dev.reactiveawait.Async.createTask;
import static dev.reactiveawait.Async.run;
import static dev.reactiveawait.Async.runInExecutor;
import static dev.reactiveawait.Async.sleep;
import static dev.reactiveawait.Async.timeout;
import static dev.reactiveawait.Async.toThread;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code toThread} and {@code runInExecutor} beyond the CPython traces. */
@Timeout(10)
class ToThreadTest {
    private static final TaskLocal<String> REQUEST = TaskLocal.withInitial("request", () -> "none");

    @Test
    void theWorksExceptionComesOutUnchanged() {
        IOException failure = new IOException("disk");
        run(LoopClock.virtual(), () -> {
            assertThatThrownBy(() -> toThread(() -> {
                throw failure;
            })).isSameAs(failure);
        });
    }

    @Test
    void runInExecutorUsesTheGivenExecutorAndCarriesTheTaskLocalsToo() {
        ExecutorService pool = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("custom-pool").factory());
        try {
            String seen = run(LoopClock.virtual(), () -> {
                REQUEST.set("r-7");
                return runInExecutor(pool, () -> Thread.currentThread().getName() + " sees " + REQUEST.get());
            });
            assertThat(seen).isEqualTo("custom-pool sees r-7");
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void theWorkerThreadCarriesNoLocalsOnceTheWorkIsDone() {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            List<String> seen = run(LoopClock.virtual(), () -> {
                REQUEST.set("r-1");
                String during = runInExecutor(pool, REQUEST::get);
                return List.of(during, pool.submit(REQUEST::get).get()); // the same thread, outside our call
            });
            assertThat(seen).containsExactly("r-1", "none");
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aRejectingExecutorSurfacesAsRejectedExecutionException() {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        pool.shutdown();
        run(LoopClock.virtual(), () -> {
            assertThatThrownBy(() -> runInExecutor(pool, () -> 1)).isInstanceOf(RejectedExecutionException.class);
        });
    }

    @Test
    void workNotYetStartedWhenTheTaskIsCancelledNeverRuns() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        CountDownLatch blockerStarted = new CountDownLatch(1);
        CountDownLatch releaseBlocker = new CountDownLatch(1);
        AtomicBoolean queuedRan = new AtomicBoolean();
        try {
            run(LoopClock.virtual(), () -> {
                Task<Void> blocker = createTask(() -> runInExecutor(pool, () -> {
                    blockerStarted.countDown();
                    releaseBlocker.await();
                    return null;
                }));
                while (blockerStarted.getCount() > 0) {
                    sleep(Duration.ZERO);
                }
                Task<Boolean> queued = createTask(() -> runInExecutor(pool, () -> queuedRan.getAndSet(true)));
                sleep(Duration.ZERO); // queued behind the blocker
                queued.cancel();
                assertThatThrownBy(() -> await(queued)).isInstanceOf(CancelledException.class);
                releaseBlocker.countDown();
                await(blocker);
            });
            pool.submit(() -> { }).get(); // the queued job has had its turn
            assertThat(queuedRan).isFalse();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aFailureOfWorkWhoseTaskWasCancelledIsLogged() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch failed = new CountDownLatch(1);
        try (LogCapture log = LogCapture.start()) {
            run(LoopClock.virtual(), () -> {
                Task<Void> t = createTask(() -> toThread(() -> {
                    started.countDown();
                    release.await();
                    failed.countDown();
                    throw new IOException("too late");
                }));
                while (started.getCount() > 0) {
                    sleep(Duration.ZERO);
                }
                t.cancel();
                assertThatThrownBy(() -> await(t)).isInstanceOf(CancelledException.class);
                release.countDown();
            });
            failed.await();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (log.all().isEmpty() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(log.all()).anySatisfy(e -> assertThat(e.thrown()).hasMessage("too late"));
        }
    }

    @Test
    void onAVirtualClockTimeStandsStillWhileTheWorkRuns() throws Exception {
        long elapsed = run(LoopClock.virtual(), () -> {
            long start = Async.currentLoop().time();
            int v = timeout(Duration.ofNanos(1), () -> toThread(() -> {
                Thread.sleep(50); // the simulated blocking work, on the worker thread; no assertion depends on its length
                return 1;
            }));
            assertThat(v).isEqualTo(1); // the 1 ns deadline could not pass while the thread worked
            return Async.currentLoop().time() - start;
        });
        assertThat(elapsed).isZero();
    }

    @Test
    void toThreadNeedsATask() {
        assertThatThrownBy(() -> toThread(() -> 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("toThread() outside any event loop");
        AtomicReference<String> onWorker = new AtomicReference<>();
        run(LoopClock.virtual(), () -> {
            toThread(() -> {
                try {
                    REQUEST.set("inside work");
                    onWorker.set(REQUEST.get());
                } catch (IllegalStateException e) {
                    onWorker.set("refused");
                }
                return null;
            });
        });
        assertThat(onWorker.get()).isEqualTo("inside work");
    }
}
