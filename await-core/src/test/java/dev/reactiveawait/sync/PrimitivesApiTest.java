package dev.reactiveawait.sync;

import static dev.reactiveawait.Async.await;
import static dev.reactiveawait.Async.createTask;
import static dev.reactiveawait.Async.run;
import static dev.reactiveawait.Async.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reactiveawait.CancelledException;
import dev.reactiveawait.LoopClock;
import dev.reactiveawait.Task;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Java-side API around asyncio's algorithms: holds, bodies, argument checks, toString. */
@Timeout(30)
class PrimitivesApiTest {

    @Test
    @SuppressWarnings("try") // the hold is what the block is about; it is never referenced
    void closingAHoldReleasesOnceEvenIfClosedTwice() throws Exception {
        run(LoopClock.virtual(), () -> {
            Lock lock = new Lock();
            Held held = lock.hold();
            assertThat(lock.locked()).isTrue();
            held.close();
            held.close();
            assertThat(lock.locked()).isFalse();
            assertThat(held).hasToString("Held[released]");

            Semaphore sem = new BoundedSemaphore(1);
            try (Held permit = sem.hold()) {
                assertThat(sem.locked()).isTrue();
            }
            assertThat(sem.value()).isEqualTo(1); // a double release would have thrown
        });
    }

    @Test
    void withLockReturnsTheBodysValueAndPassesACheckedExceptionUnchanged() throws Exception {
        run(LoopClock.virtual(), () -> {
            Lock lock = new Lock();
            assertThat(lock.withLock(() -> 42)).isEqualTo(42);
            IOException io = new IOException("disk on fire");
            assertThatThrownBy(() -> lock.withLock(() -> {
                throw io;
            })).isSameAs(io);
            assertThat(lock.locked()).isFalse();

            Semaphore sem = new Semaphore(3);
            assertThat(sem.withPermit(() -> sem.value())).isEqualTo(2);
            assertThat(sem.value()).isEqualTo(3);

            Condition cond = new Condition(lock);
            assertThat(cond.withLock(() -> lock.locked())).isTrue();
        });
    }

    @Test
    void argumentsAreCheckedWithMessagesThatNameTheFix() throws Exception {
        assertThatThrownBy(() -> new Semaphore(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Semaphore initial value must be >= 0 (got -1)");
        assertThatThrownBy(() -> new Barrier(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parties must be > 0");
        run(LoopClock.virtual(), () -> {
            Condition cond = new Condition();
            cond.acquire();
            assertThatThrownBy(() -> cond.signal(-1)).isInstanceOf(IllegalArgumentException.class);
            cond.release();
            assertThatThrownBy(() -> new Queue<String>().putNowait(null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("item");
            assertThatThrownBy(new Queue<String>()::taskDone).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("taskDone() called too many times");
        });
    }

    /** Not Comparable. */
    record Plain(int n) {}

    @Test
    void aPriorityQueueWithoutComparatorUsesNaturalOrderAndRefusesOtherItems() throws Exception {
        run(LoopClock.virtual(), () -> {
            PriorityQueue<String> pq = new PriorityQueue<>();
            for (String s : List.of("pear", "apple", "fig")) {
                pq.put(s);
            }
            List<String> out = new ArrayList<>();
            while (!pq.empty()) {
                out.add(pq.get());
            }
            assertThat(out).containsExactly("apple", "fig", "pear");

            PriorityQueue<Plain> plain = new PriorityQueue<>();
            assertThatThrownBy(() -> plain.putNowait(new Plain(1))).isInstanceOf(ClassCastException.class)
                    .hasMessageContaining("give it a Comparator");
            assertThat(plain.qsize()).isZero();
            assertThat(plain.unfinishedTasks()).isZero();
        });
    }

    @Test
    void aPartyCancelledAtTheBarrierLeavesItWithoutBreakingIt() throws Exception {
        run(LoopClock.virtual(), () -> {
            Barrier barrier = new Barrier(2);
            Task<Integer> leaver = createTask(barrier::await);
            sleep(Duration.ZERO);
            assertThat(barrier.nWaiting()).isEqualTo(1);
            leaver.cancel();
            assertThatThrownBy(() -> await(leaver)).isInstanceOf(CancelledException.class);
            assertThat(barrier.nWaiting()).isZero();
            assertThat(barrier.isBroken()).isFalse();
            Task<Integer> other = createTask(barrier::await);
            int mine = barrier.await();
            assertThat(List.of(mine, await(other))).containsExactlyInAnyOrder(0, 1);
        });
    }

    @Test
    void shutdownIsIdempotentAndWakesBlockedPutters() throws Exception {
        run(LoopClock.virtual(), () -> {
            Queue<Integer> q = new Queue<>(1);
            q.put(1);
            Task<Void> putter = createTask(() -> q.put(2));
            sleep(Duration.ZERO);
            assertThat(q.putterCount()).isEqualTo(1);
            q.shutdown();
            q.shutdown();
            assertThatThrownBy(() -> await(putter)).isInstanceOf(QueueShutDownException.class)
                    .hasMessageContaining("shut-down queue");
            assertThat(q.getNowait()).isEqualTo(1);
            assertThatThrownBy(q::getNowait).isInstanceOf(QueueShutDownException.class);
            q.shutdown(true);
        });
    }

    @Test
    void toStringShowsStateAndWaiters() throws Exception {
        run(LoopClock.virtual(), () -> {
            Lock lock = new Lock();
            lock.acquire();
            createTask(lock::acquire);
            sleep(Duration.ZERO);
            assertThat(lock).hasToString("Lock[locked, waiters=1]");
            assertThat(new Semaphore(2)).hasToString("Semaphore[unlocked, value=2]");
            assertThat(new BoundedSemaphore(0)).hasToString("BoundedSemaphore[locked]");
            assertThat(new Event()).hasToString("Event[unset]");
            assertThat(new Barrier(3)).hasToString("Barrier[filling, waiting=0/3]");
            Queue<Integer> q = new LifoQueue<>(5);
            q.putNowait(1);
            q.putNowait(2);
            q.shutdown();
            assertThat(q).hasToString("LifoQueue[maxsize=5, items=[1, 2], tasks=2, shutdown]");
            lock.release();
        });
    }
}
