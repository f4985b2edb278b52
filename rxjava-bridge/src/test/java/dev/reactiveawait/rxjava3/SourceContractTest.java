package dev.reactiveawait.rxjava3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reactiveawait.Async;
import dev.reactiveawait.Coroutine;
import dev.reactiveawait.internal.CoreAccess;
import io.reactivex.rxjava3.observers.BaseTestConsumer;
import io.reactivex.rxjava3.observers.TestObserver;
import io.reactivex.rxjava3.subscribers.TestSubscriber;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * What every source the bridge makes of a task must do, whatever its Rx type: value, null, error,
 * second subscriber, delivery thread, dispose, and no reference kept to a disposed observer. Each
 * conversion extends it (the cold ones through {@link ColdSourceContractTest}), observed with
 * RxJava's own {@code TestObserver}/{@code TestSubscriber}.
 *
 * @param <S> the Rx type under test
 */
abstract class SourceContractTest<S> extends BridgeTestBase {

    /** The conversion under test, of a task running {@code body} on {@link #loop}. */
    abstract S sourceOf(Coroutine<@Nullable Integer> body);

    /** {@code source.test()}: a {@code TestObserver}, or a {@code TestSubscriber} requesting everything. */
    abstract BaseTestConsumer<?, ?> test(S source);

    /** {@code source} with {@code hook} run at each signal (doOnEvent, doOnEach). */
    abstract S observed(S source, Runnable hook);

    /** Whether each subscription runs the body again (cold) or all share one task (hot). */
    abstract boolean cold();

    /** The items signalled for a body returning {@code value}: none for a Completable. */
    List<Integer> itemsFor(int value) {
        return List.of(value);
    }

    /** What a {@code null} result does: completes empty, or (Single) fails with this message part. */
    @Nullable String nullFailsWith() {
        return null;
    }

    static void dispose(BaseTestConsumer<?, ?> consumer) {
        if (consumer instanceof TestObserver<?> observer) {
            observer.dispose();
        } else {
            ((TestSubscriber<?>) consumer).cancel();
        }
    }

    static List<Object> valuesOf(BaseTestConsumer<?, ?> consumer) {
        return new java.util.ArrayList<>(consumer.values());
    }

    static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).as("latch released in time").isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    static void awaitDone(BaseTestConsumer<?, ?> consumer) {
        try {
            assertThat(consumer.await(5, TimeUnit.SECONDS)).as("terminated in time").isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theBodysValueIsSignalledThenCompletion() {
        BaseTestConsumer<?, ?> consumer = test(sourceOf(() -> 7));

        awaitDone(consumer);
        consumer.assertNoErrors().assertComplete();
        assertThat(valuesOf(consumer)).containsExactlyElementsOf(itemsFor(7));
    }

    @Test
    void aNullResultCompletesEmptyOrFailsNamingTheFix() {
        BaseTestConsumer<?, ?> consumer = test(sourceOf(() -> null));

        awaitDone(consumer);
        String expected = nullFailsWith();
        if (expected == null) {
            consumer.assertNoErrors().assertComplete().assertNoValues();
        } else {
            consumer.assertNoValues().assertNotComplete()
                    .assertError(e -> e instanceof NullPointerException && e.getMessage().contains(expected));
        }
    }

    @Test
    void aCheckedExceptionFailsItUnchanged() {
        IOException failure = new IOException("disk on fire");
        BaseTestConsumer<?, ?> consumer = test(sourceOf(() -> {
            throw failure;
        }));

        awaitDone(consumer);
        consumer.assertError(failure).assertNoValues();
    }

    @Test
    void aSecondSubscriberGetsTheOutcomeToo() {
        AtomicInteger runs = new AtomicInteger();
        S source = sourceOf(() -> {
            Async.sleep(Duration.ofMillis(1));
            return runs.incrementAndGet();
        });

        BaseTestConsumer<?, ?> first = test(source);
        awaitDone(first);
        BaseTestConsumer<?, ?> second = test(source);
        awaitDone(second);

        first.assertNoErrors().assertComplete();
        second.assertNoErrors().assertComplete();
        assertThat(valuesOf(second)).containsExactlyElementsOf(itemsFor(cold() ? 2 : 1));
        assertThat(runs).hasValue(cold() ? 2 : 1);
    }

    @Test
    void signalsArriveOnTheLoop() {
        List<Boolean> onLoop = new CopyOnWriteArrayList<>();
        AtomicBoolean released = new AtomicBoolean();
        S source = sourceOf(() -> {
            while (!released.get()) { // a hot source's task still runs when subscribed
                Async.sleep(Duration.ofMillis(1));
            }
            return 1;
        });

        BaseTestConsumer<?, ?> consumer = test(observed(source, () -> onLoop.add(CoreAccess.isLoopThread(Thread.currentThread()))));
        released.set(true);

        awaitDone(consumer);
        consumer.assertNoErrors().assertComplete();
        assertThat(onLoop).isNotEmpty().containsOnly(true);
    }

    @Test
    void disposingCancelsTheTaskOnlyIfTheSourceIsCold() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finallyRan = new CountDownLatch(1);
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicBoolean released = new AtomicBoolean();
        S source = sourceOf(() -> {
            started.countDown();
            try {
                while (!released.get()) {
                    Async.sleep(Duration.ofMillis(1));
                }
                return 1;
            } catch (dev.reactiveawait.CancelledException e) {
                cancelled.set(true);
                throw e;
            } finally {
                finallyRan.countDown();
            }
        });

        BaseTestConsumer<?, ?> consumer = test(source);
        await(started);
        dispose(consumer);
        if (cold()) {
            await(finallyRan);
            assertThat(cancelled).as("the task was cancelled").isTrue();
        } else {
            drainLoop(); // a cancel the dispose sent would have reached the task by now
            assertThat(finallyRan.getCount()).as("the task goes on").isOne();
            released.set(true);
            await(finallyRan);
            assertThat(cancelled).as("the task was cancelled").isFalse();
        }
        drainLoop(); // the ended task's done-callbacks have run
        consumer.assertEmpty(); // onSubscribe only: nothing after the dispose
    }

    @Test
    void aDisposedObserverIsNoLongerReferenced() throws InterruptedException {
        S source = sourceOf(() -> {
            Async.sleep(Duration.ofHours(1));
            return 1;
        });
        WeakReference<BaseTestConsumer<?, ?>> ref = subscribeAndDispose(source);

        assertThat(collected(ref)).as("the disposed observer, still referenced").isTrue();
    }

    private WeakReference<BaseTestConsumer<?, ?>> subscribeAndDispose(S source) throws InterruptedException {
        BaseTestConsumer<?, ?> consumer = test(source);
        drainLoop(); // the task has started and suspended in its sleep
        dispose(consumer);
        return new WeakReference<>(consumer);
    }
}
