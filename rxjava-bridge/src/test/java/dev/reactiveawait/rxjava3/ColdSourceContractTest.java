package dev.reactiveawait.rxjava3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reactiveawait.Async;
import dev.reactiveawait.CancelledException;
import dev.reactiveawait.Coroutine;
import dev.reactiveawait.EventLoop;
import dev.reactiveawait.LoopClock;
import dev.reactiveawait.Promise;
import dev.reactiveawait.VirtualClock;
import io.reactivex.rxjava3.exceptions.UndeliverableException;
import io.reactivex.rxjava3.observers.BaseTestConsumer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * What the cold {@code rx…} sources add to the contract: a task per subscription on the given or
 * the subscriber's loop, a clear error without one, dispose that cancels the task and reports
 * nothing for it, and late failures sent to {@code RxJavaPlugins.onError}.
 *
 * @param <S> the Rx type under test
 */
abstract class ColdSourceContractTest<S> extends SourceContractTest<S> {

    /** The conversion under test, built without a loop: it runs on the subscriber's. */
    abstract S sourceOnCurrentLoop(Coroutine<@Nullable Integer> body);

    /** The conversion under test on {@code target}. */
    abstract S sourceOn(EventLoop target, Coroutine<@Nullable Integer> body);

    /** The factory's name, as the error without a loop names it ({@code rxSingle}...). */
    abstract String factory();

    /** Subscribes from inside a task and completes {@code outcome} with the value (or 0 when none) or the error. */
    abstract void subscribeInTask(S source, Promise<Integer> outcome);

    @Override
    final S sourceOf(Coroutine<@Nullable Integer> body) {
        return sourceOn(loop, body);
    }

    @Override
    final boolean cold() {
        return true;
    }

    @Test
    void subscribedFromAPlainThreadWithoutALoopItFailsNamingTheFix() {
        BaseTestConsumer<?, ?> consumer = test(sourceOnCurrentLoop(() -> 1));

        awaitDone(consumer);
        consumer.assertError(e -> e instanceof IllegalStateException
                && e.getMessage().contains("runs no event loop")
                && e.getMessage().contains(factory() + "(loop, body)"));
    }

    @Test
    void subscribedInsideATaskItRunsOnThatTasksLoop() {
        EventLoop[] seen = new EventLoop[2];
        Integer value = Async.run(() -> {
            seen[0] = Async.currentLoop();
            Promise<Integer> outcome = Promise.create();
            subscribeInTask(sourceOnCurrentLoop(() -> {
                seen[1] = Async.currentLoop();
                return 5;
            }), outcome);
            return Async.await(outcome);
        });

        assertThat(value).isEqualTo(itemsFor(5).isEmpty() ? 0 : 5);
        assertThat(seen[1]).isSameAs(seen[0]);
    }

    @Test
    void subscribedToAClosedLoopItFails() {
        EventLoop closed = EventLoop.create();
        closed.close();

        BaseTestConsumer<?, ?> consumer = test(sourceOn(closed, () -> 1));
        awaitDone(consumer);
        consumer.assertError(IllegalStateException.class);
    }

    @Test
    void disposingIsNeverReportedAsAnError() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finallyRan = new CountDownLatch(1);
        AtomicReference<Throwable> seen = new AtomicReference<>();
        BaseTestConsumer<?, ?> consumer = test(sourceOf(() -> {
            try {
                started.countDown();
                Async.sleep(Duration.ofHours(1));
                return 1;
            } catch (CancelledException e) {
                seen.set(e);
                throw e;
            } finally {
                finallyRan.countDown();
            }
        }));

        await(started);
        dispose(consumer);
        await(finallyRan);
        drainLoop(); // the done-callback runs right after the task

        assertThat(seen.get()).isInstanceOf(CancelledException.class).hasMessageMatching(".*(disposed|cancelled).*");
        assertThat(takeErrors()).as("no UndeliverableException for our own cancellation").isEmpty();
        consumer.assertEmpty();
    }

    @Test
    void aBodyThatFailsAfterTheDisposeReportsToRxJavaPluginsOnError() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(1);
        IllegalStateException cleanupFailure = new IllegalStateException("cleanup failed");
        BaseTestConsumer<?, ?> consumer = test(sourceOf(() -> {
            try {
                started.countDown();
                Async.sleep(Duration.ofHours(1));
                return 1;
            } finally {
                ended.countDown();
                if (cleanupFailure != null) {
                    throw cleanupFailure;
                }
            }
        }));

        await(started);
        dispose(consumer);
        await(ended);
        drainLoop(); // the task's done-callback reports the failure

        // IllegalStateException is one of the types RxJava does not wrap in UndeliverableException
        assertThat(takeErrors()).containsExactly(cleanupFailure);
        consumer.assertEmpty();
    }

    @Test
    void aCheckedFailureAfterTheDisposeArrivesAsUndeliverable() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        java.io.IOException cleanupFailure = new java.io.IOException("flush failed");
        BaseTestConsumer<?, ?> consumer = test(sourceOf(() -> {
            try {
                started.countDown();
                Async.sleep(Duration.ofHours(1));
                return 1;
            } finally {
                if (cleanupFailure != null) {
                    throw cleanupFailure;
                }
            }
        }));

        await(started);
        dispose(consumer);
        List<Throwable> errors = awaitErrors();

        assertThat(errors).singleElement()
                .isInstanceOf(UndeliverableException.class)
                .extracting(Throwable::getCause).isSameAs(cleanupFailure);
    }

    @Test
    void aTaskCancelledByTheLoopClosingFailsWithCancelledException() {
        CountDownLatch started = new CountDownLatch(1);
        BaseTestConsumer<?, ?> consumer = test(sourceOf(() -> {
            started.countDown();
            Async.sleep(Duration.ofHours(1));
            return 1;
        }));

        await(started);
        loopThread.close(); // close() cancels the pending tasks
        awaitDone(consumer);
        consumer.assertError(CancelledException.class);
    }

    @Test
    void aVirtualHourInTheBodyTakesNoRealTime() {
        VirtualClock clock = LoopClock.virtual();
        long wallStart = System.nanoTime();

        Integer value = Async.run(clock, () -> {
            Promise<Integer> outcome = Promise.create();
            subscribeInTask(sourceOnCurrentLoop(() -> {
                Async.sleep(Duration.ofHours(1));
                return 42;
            }), outcome);
            return Async.await(outcome);
        });

        assertThat(value).isEqualTo(itemsFor(42).isEmpty() ? 0 : 42);
        assertThat(clock.nanoTime()).isEqualTo(Duration.ofHours(1).toNanos());
        assertThat(Duration.ofNanos(System.nanoTime() - wallStart)).isLessThan(Duration.ofSeconds(5));
    }

    private List<Throwable> awaitErrors() {
        List<Throwable> errors = new java.util.ArrayList<>(eventually(this::takeErrors, taken -> !taken.isEmpty()));
        assertThat(errors).as("errors sent to RxJavaPlugins.onError").isNotEmpty();
        drainLoop(); // and nothing more after the first
        errors.addAll(takeErrors());
        return errors;
    }
}
