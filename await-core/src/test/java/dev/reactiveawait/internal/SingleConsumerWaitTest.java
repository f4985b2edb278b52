package dev.reactiveawait.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reactiveawait.Async;
import dev.reactiveawait.CancelledException;
import dev.reactiveawait.LoopClock;
import dev.reactiveawait.Task;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The one-consumer wakeup the bridges' iterators share. */
class SingleConsumerWaitTest {
    private final SingleConsumerWait wait = new SingleConsumerWait();

    @Test
    void aBlockedThreadWokenWithNothingToTakeWaitsRegisteredAndTheNextSignalWakesIt() throws InterruptedException {
        AtomicBoolean signal = new AtomicBoolean();
        AtomicInteger looks = new AtomicInteger();
        BooleanSupplier ready = () -> {
            looks.incrementAndGet();
            return signal.get();
        };
        Thread consumer = Thread.ofPlatform().daemon().start(() -> wait.await(null, ready, () -> { }, () -> "test"));
        awaitLooksThenParked(consumer, looks, 1);

        // A producer that read an earlier registration of this same thread clears the current one and
        // unparks it, though its item was taken already: the consumer finds nothing and waits again.
        wait.wake();
        awaitLooksThenParked(consumer, looks, 2);

        signal.set(true);
        wait.wake(); // only reaches a consumer that registered again before parking
        consumer.join(TimeUnit.SECONDS.toMillis(5));
        assertThat(consumer.isAlive()).as("the consumer missed the wakeup").isFalse();
        assertThat(looks).hasValue(3);
    }

    @Test
    void anInterruptedThreadLeavesAndThrowsKeepingItsInterruptFlag() throws InterruptedException {
        AtomicInteger left = new AtomicInteger();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        AtomicInteger looks = new AtomicInteger();
        Thread consumer = Thread.ofPlatform().daemon().start(() -> {
            try {
                wait.await(null, () -> looks.incrementAndGet() < 0, left::incrementAndGet, () -> "iterate(test)");
            } catch (Throwable e) {
                thrown.set(e);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        awaitLooksThenParked(consumer, looks, 1);
        consumer.interrupt();
        consumer.join(TimeUnit.SECONDS.toMillis(5));
        assertThat(thrown.get()).isInstanceOf(CancelledException.class)
                .hasMessage("interrupted while blocked in iterate(test)");
        assertThat(stillInterrupted).isTrue();
        assertThat(left).hasValue(1);
    }

    @Test
    void aSecondConsumerWaitingAtTheSameTimeIsRefused() throws InterruptedException {
        AtomicInteger looks = new AtomicInteger();
        Thread first = Thread.ofPlatform().daemon().start(() -> wait.await(null, () -> looks.incrementAndGet() < 0, () -> { }, () -> "x"));
        awaitLooksThenParked(first, looks, 1);
        AtomicReference<Throwable> second = new AtomicReference<>();
        Async.run(LoopClock.virtual(), () -> {
            Task<Void> t = Async.createTask(() -> wait.await(Async.currentTask(), () -> false, () -> { }, () -> "iterate(x)"));
            try {
                Async.await(t);
            } catch (IllegalStateException e) {
                second.set(e);
            }
        });
        assertThat(second.get()).hasMessage("iterate(x): two tasks or threads iterate it at once; an iteration has one consumer");
        first.interrupt();
        first.join(TimeUnit.SECONDS.toMillis(5));
        assertThat(first.isAlive()).isFalse();
    }

    /** Waits (at most 10 s) until the consumer looked {@code n} times at its condition and parked. */
    private static void awaitLooksThenParked(Thread consumer, AtomicInteger looks, int n) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((looks.get() < n || consumer.getState() != Thread.State.WAITING) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(looks).hasValue(n);
        assertThat(consumer.getState()).isEqualTo(Thread.State.WAITING);
    }
}
