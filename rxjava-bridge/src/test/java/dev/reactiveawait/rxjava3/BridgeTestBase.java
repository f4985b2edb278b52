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
        try {
            loop.submit(() -> null).get(10, java.util.concurrent.TimeUnit.SECONDS);
            loop.submit(() -> null).get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the loop did not drain", e);
        }
    }

    /** Polls {@code read} until {@code done} accepts its value, for at most 10 s; returns the last value. */
    static <T> T eventually(java.util.function.Supplier<T> read, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        T value = read.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
            value = read.get();
        }
        return value;
    }
}
