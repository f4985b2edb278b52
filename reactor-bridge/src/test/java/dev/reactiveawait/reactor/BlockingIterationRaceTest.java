package dev.reactiveawait.reactor;

import static dev.reactiveawait.reactor.ReactorAwait.iterate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reactiveawait.testkit.Races;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Plain threads iterating fluxes that emit on other threads, more threads than cores, so that the
 * signalling thread is often preempted between reading the waiter and clearing it. Before the fix,
 * a waker holding an earlier registration of the same thread could clear a newer one and unpark it
 * while the queue was empty; the consumer parked again unregistered and nothing woke it.
 */
// SEPARATE_THREAD: the iterating threads are joined with a bound, a hang fails with their stacks
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BlockingIterationRaceTest {
    private static final int THREADS = 8;
    private static final int ITEMS = Integer.getInteger("stress.items", 20_000);

    @RegisterExtension
    final DroppedSignals drops = new DroppedSignals();

    @Test
    void plainThreadsIteratingAFluxNeverMissAWakeup() throws InterruptedException {
        Scheduler emitters = Schedulers.newParallel("race-emitter", THREADS);
        try {
            List<Object> results = Races.onPlainThreads(THREADS, i -> {
                try (var items = iterate(Flux.range(0, ITEMS).publishOn(emitters, 1), 1)) {
                    long sum = 0;
                    for (int item : items) {
                        sum += item;
                    }
                    return sum;
                }
            });
            long expected = (long) ITEMS * (ITEMS - 1) / 2;
            assertThat(results).allSatisfy(r -> assertThat(r).isEqualTo(expected));
        } finally {
            emitters.dispose();
        }
    }
}
