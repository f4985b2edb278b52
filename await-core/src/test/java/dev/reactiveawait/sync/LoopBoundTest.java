package dev.reactiveawait.sync;

import static dev.reactiveawait.Async.await;
import static dev.reactiveawait.Async.createTask;
import static dev.reactiveawait.Async.currentLoop;
import static dev.reactiveawait.Async.run;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reactiveawait.EventLoop;
import dev.reactiveawait.LoopClock;
import dev.reactiveawait.Promise;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A primitive belongs to the first loop that uses it; every other use is a clear error. */
@Timeout(30)
class LoopBoundTest {

    @Test
    void aPrimitiveUsedOnASecondLoopThrowsWrongThreadException() {
        Event event = new Event();
        run(LoopClock.virtual(), () -> {
            event.isSet(); // the first use binds it, even one that never waits
        });
        assertThatThrownBy(() -> run(LoopClock.virtual(), event::set))
                .isInstanceOf(WrongThreadException.class)
                .hasMessageContaining("Event.set()")
                .hasMessageContaining("another event loop than the one it is bound to")
                .hasMessageContaining("create one per loop");
    }

    @Test
    void creatingAPrimitiveInsideALoopDoesNotBindIt() throws Exception {
        AtomicReference<Queue<Integer>> created = new AtomicReference<>();
        run(LoopClock.virtual(), () -> {
            created.set(new Queue<>(1)); // never used on this loop
        });
        Queue<Integer> q = created.get();
        int sum = run(LoopClock.virtual(), () -> {
            createTask(() -> {
                q.get();
                q.taskDone();
                q.get();
                q.taskDone();
            });
            q.put(1);
            q.put(2);
            q.join(); // its inner "finished" event must not be bound to the first loop either
            return 3;
        });
        assertThat(sum).isEqualTo(3);
    }

    @Test
    void aForeignThreadGetsWrongThreadExceptionWhileTheLoopRunsAndCallSoonThreadsafeWorks() throws Exception {
        EventLoop loop = EventLoop.create();
        Thread runner = Thread.ofPlatform().name("loop-runner").start(loop::runForever);
        try {
            Event event = new Event();
            loop.submit(event::isSet).get(5, SECONDS);
            assertThatThrownBy(event::set)
                    .isInstanceOf(WrongThreadException.class)
                    .hasMessageContaining("Event.set() called from thread \"" + Thread.currentThread().getName() + "\"")
                    .hasMessageContaining("callSoonThreadsafe");
            CompletableFuture<Boolean> woke = loop.submit(() -> {
                event.await();
                return true;
            });
            loop.callSoonThreadsafe(event::set);
            assertThat(woke.get(5, SECONDS)).isTrue();
        } finally {
            loop.stop();
            runner.join();
            loop.close();
        }
    }

    @Test
    void aCallThatMayWaitFromAThreadWithoutLoopThrowsWrongThreadException() {
        Lock lock = new Lock();
        assertThatThrownBy(lock::acquire)
                .isInstanceOf(WrongThreadException.class)
                .hasMessageContaining("Lock.acquire()")
                .hasMessageContaining("runs no event loop");
        assertThatThrownBy(() -> new Queue<String>().get()).isInstanceOf(WrongThreadException.class);
        assertThatThrownBy(() -> new Barrier(2).await()).isInstanceOf(WrongThreadException.class);
    }

    @Test
    void aCallThatMayWaitInACallbackFailsButOneThatNeverWaitsWorks() throws Exception {
        run(LoopClock.virtual(), () -> {
            Lock lock = new Lock();
            Promise<Throwable> seen = Promise.create();
            currentLoop().callSoon(() -> {
                try {
                    lock.acquire();
                    seen.trySucceed(new AssertionError("acquired in a callback"));
                } catch (Throwable t) {
                    seen.trySucceed(t);
                }
            });
            assertThat(await(seen))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Lock.acquire() called in a callback")
                    .hasMessageContaining("outside any task");
            assertThat(lock.locked()).isFalse();

            Event event = new Event();
            currentLoop().callLater(Duration.ofSeconds(1), event::set);
            event.await();
            assertThat(currentLoop().time()).isEqualTo(Duration.ofSeconds(1).toNanos());
        });
    }

    @Test
    void setupCodeMayFillAQueueBeforeTheLoopRunsAndReadItAfterwards() throws Exception {
        Queue<String> q = new Queue<>();
        q.putNowait("a");
        q.putNowait("b");
        String first = run(LoopClock.virtual(), q::get);
        assertThat(first).isEqualTo("a");
        assertThat(q.qsize()).isEqualTo(1); // the loop is closed: nobody runs the queue now
        assertThat(q.getNowait()).isEqualTo("b");
    }
}
