package dev.reactiveawait.rxjava3;

import static dev.reactiveawait.rxjava3.RxAwait.iterate;
import static org.assertj.core.api.Assertions.assertThat;

import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Plain threads iterating sources that emit on other threads, more threads than cores, so that the
 * signalling thread is often preempted between reading the waiter and clearing it. Before the fix,
 * a waker holding an earlier registration of the same thread could clear a newer one and unpark it
 * while the queue was empty; the consumer parked again unregistered and nothing woke it (seen as a
 * hang of {@code AwaitOutsideTaskTest.plainThreadIteratesByBlockingLikeBlockingIterable} about once in
 * ten module runs).
 */
// SEPARATE_THREAD: the iterating threads are joined with a bound, a hang fails with their stacks
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BlockingIterationRaceTest {
    private static final int THREADS = 8;
    private static final int ITEMS = Integer.getInteger("stress.items", 20_000);

    @RegisterExtension
    final RxPluginErrors errors = new RxPluginErrors();

    @Test
    void plainThreadsIteratingAFlowableNeverMissAWakeup() throws InterruptedException {
        iterateOnPlainThreads(i -> sum(iterate(Flowable.range(0, ITEMS).observeOn(Schedulers.newThread(), false, 2), 2)));
    }

    @Test
    void plainThreadsIteratingAnObservableNeverMissAWakeup() throws InterruptedException {
        iterateOnPlainThreads(i -> sum(iterate(Observable.range(0, ITEMS).observeOn(Schedulers.newThread()), ITEMS)));
    }

    private static long sum(FlowableIteration<Integer> items) {
        try (items) {
            return sumOf(items);
        }
    }

    private static long sum(ObservableIteration<Integer> items) {
        try (items) {
            return sumOf(items);
        }
    }

    private static long sumOf(Iterable<Integer> items) {
        long sum = 0;
        for (int item : items) {
            sum += item;
        }
        return sum;
    }

    private static void iterateOnPlainThreads(IntFunction<Long> iteration) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        List<AtomicReference<Object>> results = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            int n = i;
            AtomicReference<Object> result = new AtomicReference<>();
            results.add(result);
            threads.add(Thread.ofPlatform().name("iterating-" + i).daemon().start(() -> {
                try {
                    result.set(iteration.apply(n));
                } catch (Throwable e) {
                    result.set(e);
                }
            }));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (Thread t : threads) {
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        List<String> hung = new ArrayList<>();
        for (Thread t : threads) {
            if (t.isAlive()) {
                StringBuilder stack = new StringBuilder(t.getName());
                for (StackTraceElement frame : t.getStackTrace()) {
                    stack.append("\n    at ").append(frame);
                }
                hung.add(stack.toString());
                t.interrupt(); // a blocked iteration ends with CancelledException and cancels its source
            }
        }
        assertThat(hung).as("iterating threads still blocked after 60 s (a lost wakeup)").isEmpty();
        long expected = (long) ITEMS * (ITEMS - 1) / 2;
        assertThat(results).allSatisfy(r -> assertThat(r.get()).isEqualTo(expected));
    }
}
