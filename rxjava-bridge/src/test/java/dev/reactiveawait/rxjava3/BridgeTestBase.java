package dev.reactiveawait.rxjava3;

import dev.reactiveawait.EventLoop;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

/**
 * A loop on a thread of its own for each test, and RxJava's error hook watched: an error sent to
 * {@code RxJavaPlugins.onError} without the test taking it with {@link #takeErrors()} fails the
 * test.
 */
@Timeout(10)
abstract class BridgeTestBase {
    private PluginErrors pluginErrors;
    LoopThread loopThread;
    EventLoop loop;

    @BeforeEach
    void startLoopAndWatchPluginErrors() {
        pluginErrors = PluginErrors.watch();
        loopThread = new LoopThread(getClass().getSimpleName() + "-loop");
        loop = loopThread.loop;
    }

    @AfterEach
    void stopLoopAndCheckNoStrayError() {
        try {
            loopThread.close();
        } finally {
            pluginErrors.checkNoneAndStop();
        }
    }

    /** The errors sent to {@code RxJavaPlugins.onError} so far, which the test expected. */
    List<Throwable> takeErrors() {
        return pluginErrors.take();
    }

    /**
     * Returns once the loop has run everything posted to it before this call (two round trips
     * through its inbox: the first may land mid-iteration), so a test can assert that nothing
     * more arrived.
     */
    void drainLoop() {
        drain(loop);
    }

    /** {@link #drainLoop()} for another running loop, such as a test's own virtual-clock loop. */
    static void drain(EventLoop other) {
        try {
            other.submit(() -> null).get(10, java.util.concurrent.TimeUnit.SECONDS);
            other.submit(() -> null).get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the loop did not drain", e);
        }
    }

    /** Runs the garbage collector until {@code ref} is cleared, for at most 10 s; returns whether it was. */
    static boolean collected(java.lang.ref.WeakReference<?> ref) {
        return eventually(() -> {
            System.gc();
            return ref.get() == null;
        }, cleared -> cleared);
    }

    /** Polls {@code read} until {@code done} accepts its value, for at most 10 s; returns the last value. */
    static <T> T eventually(java.util.function.Supplier<T> read, java.util.function.Predicate<T> done) {
        return eventually(read, done, java.time.Duration.ofSeconds(10));
    }

    /** {@link #eventually(java.util.function.Supplier, java.util.function.Predicate)} for at most {@code timeout}. */
    static <T> T eventually(java.util.function.Supplier<T> read, java.util.function.Predicate<T> done,
            java.time.Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value = read.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
            value = read.get();
        }
        return value;
    }
}
