package dev.reactiveawait.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reactiveawait.Async;
import dev.reactiveawait.CancelledException;
import dev.reactiveawait.LoopClock;
import dev.reactiveawait.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The handoff of one outcome to one awaiting task or thread, which the bridges' await subscribers share. */
class OneOutcomeWaitTest {
    private final AtomicInteger cancels = new AtomicInteger();
    private final AtomicInteger orphans = new AtomicInteger();
    private final OneOutcomeWait wait = new OneOutcomeWait() {
        @Override
        protected void cancelUpstream() {
            cancels.incrementAndGet();
        }

        @Override
        protected void orphan() {
            orphans.incrementAndGet();
        }

        @Override
        protected String describe() {
            return "awaitTest(Source)";
        }
    };

    @Test
    void anOutcomeBeforeTheTaskLooksIsTakenWithoutSuspending() {
        List<String> order = new ArrayList<>();
        Async.run(LoopClock.virtual(), () -> {
            wait.signalOutcome(); // during subscribe(), as a synchronous source does
            Task<Void> awaiting = Async.createTask(() -> {
                wait.awaitOutcome(Async.currentTask());
                order.add("awaited");
            });
            Task<Void> other = Async.createTask(() -> {
                order.add("other");
            });
            Async.await(Async.gather(awaiting, other));
        });
        assertThat(order).as("a task that suspended would resume after the other task").containsExactly("awaited", "other");
        assertThat(wait.outcomeArrived()).isTrue();
        assertThat(cancels).hasValue(0);
        assertThat(orphans).hasValue(0);
    }

    @Test
    void anOutcomeBeforeTheThreadLooksReturnsWithoutBlocking() {
        wait.signalOutcome();
        wait.awaitOutcome(null);
        assertThat(cancels).hasValue(0);
        assertThat(orphans).hasValue(0);
    }

    @Test
    void aSuspendedTaskIsWokenByAnOutcomeFromAnotherThread() {
        AtomicReference<Thread> signaller = new AtomicReference<>();
        Async.run(LoopClock.virtual(), () -> {
            Task<Void> awaiting = Async.createTask(() -> wait.awaitOutcome(Async.currentTask()));
            Async.sleep(Duration.ZERO); // the task registered its promise and suspended
            assertThat(awaiting.isDone()).isFalse();
            signaller.set(Thread.ofPlatform().daemon().start(wait::signalOutcome));
            Async.await(awaiting);
        });
        assertThat(wait.outcomeArrived()).isTrue();
        assertThat(cancels).hasValue(0);
        assertThat(orphans).hasValue(0);
    }

    @Test
    void aTaskCancelledWhileItWaitsCancelsTheSourceOnceAndALateOutcomeIsOrphaned() {
        Async.run(LoopClock.virtual(), () -> {
            Task<Void> awaiting = Async.createTask(() -> wait.awaitOutcome(Async.currentTask()));
            Async.sleep(Duration.ZERO);
            awaiting.cancel();
            assertThatThrownBy(() -> Async.await(awaiting)).isInstanceOf(CancelledException.class);
        });
        assertThat(cancels).hasValue(1);
        assertThat(orphans).hasValue(0);

        wait.signalOutcome(); // the source's outcome, after we left it: nobody reads it
        assertThat(cancels).hasValue(1);
        assertThat(orphans).hasValue(1);
    }

    @Test
    void aTaskCancelledAfterTheOutcomeWokeItButBeforeItRanOrphansTheOutcomeAndDoesNotCancelTheEndedSource() {
        Async.run(LoopClock.virtual(), () -> {
            Task<Void> awaiting = Async.createTask(() -> wait.awaitOutcome(Async.currentTask()));
            Async.sleep(Duration.ZERO);
            wait.signalOutcome(); // the outcome wakes the task ...
            awaiting.cancel(); // ... which is cancelled before it runs again
            assertThatThrownBy(() -> Async.await(awaiting)).isInstanceOf(CancelledException.class);
        });
        assertThat(cancels).as("a source that ended is never cancelled").hasValue(0);
        assertThat(orphans).hasValue(1);
    }

    @Test
    void aBlockedThreadIsWokenByTheOutcome() throws InterruptedException {
        AtomicBoolean returned = new AtomicBoolean();
        Thread awaiting = Thread.ofPlatform().daemon().start(() -> {
            wait.awaitOutcome(null);
            returned.set(true);
        });
        awaitParked(awaiting);
        wait.signalOutcome();
        awaiting.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(returned).isTrue();
        assertThat(cancels).hasValue(0);
        assertThat(orphans).hasValue(0);
    }

    @Test
    void anInterruptedThreadCancelsTheSourceThrowsKeepsItsFlagAndALateOutcomeIsOrphaned() throws InterruptedException {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread awaiting = Thread.ofPlatform().daemon().start(() -> {
            try {
                wait.awaitOutcome(null);
            } catch (Throwable e) {
                thrown.set(e);
            }
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });
        awaitParked(awaiting);
        awaiting.interrupt();
        awaiting.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(thrown.get()).isInstanceOf(CancelledException.class)
                .hasMessage("interrupted while blocked in awaitTest(Source)");
        assertThat(stillInterrupted).isTrue();
        assertThat(cancels).hasValue(1);
        assertThat(orphans).hasValue(0);

        wait.signalOutcome();
        assertThat(orphans).hasValue(1);
        assertThat(cancels).hasValue(1);
    }

    @Test
    void anOutcomeBeforeTheInterruptWinsTheThreadReturnsItAndKeepsItsFlag() throws InterruptedException {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean returned = new AtomicBoolean();
        Thread awaiting = Thread.ofPlatform().daemon().start(() -> {
            try {
                wait.awaitOutcome(null);
                returned.set(true);
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        awaitParked(awaiting);
        wait.signalOutcome(); // both before the thread runs again, or the interrupt after it returned:
        awaiting.interrupt(); // either way the outcome was there first
        awaiting.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(thrown.get()).isNull();
        assertThat(returned).isTrue();
        assertThat(cancels).hasValue(0);
        assertThat(orphans).hasValue(0);
    }

    /** Waits (at most 10 s) until the thread registered and parked. */
    private static void awaitParked(Thread thread) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(thread.getState()).isEqualTo(Thread.State.WAITING);
    }
}
