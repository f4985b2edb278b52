package dev.reactiveawait.rxjava3;

import static dev.reactiveawait.rxjava3.RxAwait.iterate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reactiveawait.testkit.Races;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.util.List;
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
        List<Object> results = Races.onPlainThreads(THREADS, iteration);
        long expected = (long) ITEMS * (ITEMS - 1) / 2;
        assertThat(results).allSatisfy(r -> assertThat(r).isEqualTo(expected));
    }
}
