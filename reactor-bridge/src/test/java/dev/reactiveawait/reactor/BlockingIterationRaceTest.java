package dev.reactiveawait.reactor;

import static dev.reactiveawait.reactor.ReactorAwait.iterate;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
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
            List<Thread> threads = new ArrayList<>();
            List<AtomicReference<Object>> results = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                AtomicReference<Object> result = new AtomicReference<>();
                results.add(result);
                threads.add(Thread.ofPlatform().name("iterating-" + i).daemon().start(() -> {
                    try (var items = iterate(Flux.range(0, ITEMS).publishOn(emitters, 1), 1)) {
                        long sum = 0;
                        for (int item : items) {
                            sum += item;
                        }
                        result.set(sum);
                    } catch (Throwable e) {
                        result.set(e);
                    }
                }));
            }
            assertNoneHangs(threads);
            long expected = (long) ITEMS * (ITEMS - 1) / 2;
            assertThat(results).allSatisfy(r -> assertThat(r.get()).isEqualTo(expected));
        } finally {
            emitters.dispose();
        }
    }

    /** Joins the threads for up to 60 s in all; one still blocked fails the test with its stack. */
    static void assertNoneHangs(List<Thread> threads) throws InterruptedException {
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
    }
}
