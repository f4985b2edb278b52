package dev.reactiveawait.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reactiveawait.Async;
import dev.reactiveawait.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;

/** Helpers for tests that race threads against each other: random pauses, requests, cancellations, plain threads. */
public final class Races {
    private Races() {}

    /** Busy-waits a random while (up to 20,000 spin hints), to shift where a race lands. */
    public static void spin() {
        int spins = ThreadLocalRandom.current().nextInt(20_000);
        for (int s = 0; s < spins; s++) {
            Thread.onSpinWait();
        }
    }

    /** Parks a random while (up to 50 µs), to shift where a race lands. */
    public static void park() {
        LockSupport.parkNanos(ThreadLocalRandom.current().nextInt(50_000));
    }

    /**
     * Cancels about half of the tasks, at random moments: a quarter at once from the loop, a
     * quarter from a thread of {@code otherThreads} after a random {@link #park()}; now and then
     * the calling task yields a round between two. Call it in a task.
     *
     * @param tasks the tasks
     * @param otherThreads where the cancellations from other threads run (forwarded to the loop)
     */
    public static void cancelSomeAtRandom(Collection<? extends Task<?>> tasks, ExecutorService otherThreads) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (Task<?> t : tasks) {
            int choice = random.nextInt(4);
            if (choice == 0) {
                t.cancel();
            } else if (choice == 1) {
                otherThreads.submit(() -> {
                    park();
                    t.cancel(); // from another thread: forwarded to the loop
                });
            }
            if (random.nextInt(8) == 0) {
                Async.sleep(Duration.ZERO);
            }
        }
    }

    /**
     * Subscribes a {@link DemandCheckingSubscriber} to each of {@code subscriptions} publishers of
     * 0, 1, 2... and has two other threads request at random (1 to 4 at a time, then everything)
     * and now and then cancel, each subscriber from one thread, while the items flow. Returns once
     * every request and cancel was made; the subscribers may still be receiving.
     *
     * @param subscriptions how many publishers
     * @param publisher makes the next publisher, subscribed to as it is (wrap it in the bridge's
     *     {@code BareSubscriber} so that the library does not wrap the subscriber)
     * @param settled incremented as each subscriber settles
     * @param violations incremented for each item out of order or beyond demand, and each error
     * @throws InterruptedException if interrupted while waiting for the requesting threads
     */
    public static void requestAndCancelFromOtherThreads(int subscriptions, Supplier<? extends Publisher<Integer>> publisher,
            AtomicInteger settled, AtomicInteger violations) throws InterruptedException {
        ExecutorService requesters = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < subscriptions; i++) {
                DemandCheckingSubscriber subscriber = new DemandCheckingSubscriber(settled, violations);
                publisher.get().subscribe(subscriber);
                requesters.execute(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int r = 0; r < 5; r++) {
                        subscriber.ask(1 + random.nextInt(4));
                        if (random.nextInt(8) == 0) {
                            subscriber.cancel();
                            return;
                        }
                        spin();
                    }
                    subscriber.ask(Long.MAX_VALUE - 100);
                });
            }
        } finally {
            requesters.shutdown();
            assertThat(requesters.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    /**
     * Runs {@code work(0)}, {@code work(1)}... each on a platform thread of its own and joins them
     * all within 60 s; a thread still running then fails the test with its stack (and is
     * interrupted: a blocked await or iteration ends with a {@code CancelledException}).
     *
     * @param threads how many threads
     * @param work what thread {@code i} computes
     * @return what each thread returned, or the {@link Throwable} it threw, by index
     * @throws InterruptedException if interrupted while joining
     */
    public static List<Object> onPlainThreads(int threads, IntFunction<?> work) throws InterruptedException {
        List<Thread> started = new ArrayList<>();
        List<AtomicReference<Object>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int n = i;
            AtomicReference<Object> result = new AtomicReference<>();
            results.add(result);
            started.add(Thread.ofPlatform().name("plain-" + i).daemon().start(() -> {
                try {
                    result.set(work.apply(n));
                } catch (Throwable e) {
                    result.set(e);
                }
            }));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (Thread t : started) {
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        List<String> hung = new ArrayList<>();
        for (Thread t : started) {
            if (t.isAlive()) {
                StringBuilder stack = new StringBuilder(t.getName());
                for (StackTraceElement frame : t.getStackTrace()) {
                    stack.append("\n    at ").append(frame);
                }
                hung.add(stack.toString());
                t.interrupt();
            }
        }
        assertThat(hung).as("plain threads still blocked after 60 s (a lost wakeup)").isEmpty();
        return results.stream().map(AtomicReference::get).toList();
    }
}
