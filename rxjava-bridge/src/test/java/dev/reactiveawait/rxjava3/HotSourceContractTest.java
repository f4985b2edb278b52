package dev.reactiveawait.rxjava3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reactiveawait.Async;
import dev.reactiveawait.CancelledException;
import dev.reactiveawait.Coroutine;
import dev.reactiveawait.Task;
import io.reactivex.rxjava3.observers.BaseTestConsumer;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * What the hot {@code to…} sources add to the contract: every observer, early or late, gets the
 * one task's outcome; a done task is signalled on the subscribing thread; a cancelled task fails
 * them with {@link CancelledException}; and the cold wrapper is the way to cancel with dispose.
 *
 * @param <S> the Rx type under test
 */
abstract class HotSourceContractTest<S> extends SourceContractTest<S> {

    /** The conversion under test, of {@code task}. */
    abstract S sourceOfTask(Task<@Nullable Integer> task);

    /** The cold wrapper of the conversion's Javadoc: {@code rxSingle(loop, () -> await(task))}. */
    abstract S coldWrapperOf(Task<@Nullable Integer> task);

    @Override
    final S sourceOf(Coroutine<@Nullable Integer> body) {
        return sourceOfTask(taskOf(body));
    }

    @Override
    final boolean cold() {
        return false;
    }

    Task<@Nullable Integer> taskOf(Coroutine<@Nullable Integer> body) {
        return loopThread.onLoop(() -> loop.createTask(body));
    }

    @Test
    void aDoneTaskIsSignalledOnTheSubscribingThread() {
        Task<@Nullable Integer> task = taskOf(() -> 3);
        awaitDone(test(sourceOfTask(task))); // now it is done

        AtomicReference<Thread> thread = new AtomicReference<>();
        BaseTestConsumer<?, ?> consumer = test(observed(sourceOfTask(task), () -> thread.set(Thread.currentThread())));

        consumer.assertComplete(); // already: synchronously
        assertThat(valuesOf(consumer)).containsExactlyElementsOf(itemsFor(3));
        assertThat(thread.get()).isSameAs(Thread.currentThread());
    }

    @Test
    void aCancelledTaskFailsItWithCancelledException() {
        Task<@Nullable Integer> task = taskOf(() -> {
            Async.sleep(Duration.ofHours(1));
            return 1;
        });
        BaseTestConsumer<?, ?> consumer = test(sourceOfTask(task));

        task.cancel("no longer needed");

        awaitDone(consumer);
        consumer.assertError(e -> e instanceof CancelledException && "no longer needed".equals(e.getMessage()));
    }

    @Test
    void wrappedColdTheDisposeReachesTheTask() throws InterruptedException {
        Task<@Nullable Integer> task = taskOf(() -> {
            Async.sleep(Duration.ofHours(1));
            return 1;
        });
        BaseTestConsumer<?, ?> consumer = test(coldWrapperOf(task));
        drainLoop(); // the wrapper's task has suspended in await(task)

        dispose(consumer);

        eventually(task::isDone, done -> done);
        assertThat(task.isCancelled()).isTrue();
    }

    @Test
    void aTaskCancelledByTheLoopClosingFailsItWithCancelledException() {
        CountDownLatch started = new CountDownLatch(1);
        Task<@Nullable Integer> task = taskOf(() -> {
            started.countDown();
            Async.sleep(Duration.ofHours(1));
            return 1;
        });
        await(started);
        loopThread.close(); // cancels the task: it ends cancelled

        BaseTestConsumer<?, ?> consumer = test(sourceOfTask(task));
        awaitDone(consumer);
        consumer.assertError(CancelledException.class);
    }
}
