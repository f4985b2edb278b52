package dev.reactiveawait.reactor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reactiveawait.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Hooks;

/**
 * A loop on a thread of its own for each test, and Reactor's dropped-error hook watched: an error
 * dropped without the test taking it with {@link #takeDropped()} fails the test.
 */
@Timeout(10)
abstract class BridgeTestBase {
    private final List<Throwable> dropped = new CopyOnWriteArrayList<>();
    LoopThread loopThread;
    EventLoop loop;

    @BeforeEach
    void startLoopAndWatchDroppedErrors() {
        Hooks.onErrorDropped(dropped::add);
        loopThread = new LoopThread(getClass().getSimpleName() + "-loop");
        loop = loopThread.loop;
    }

    @AfterEach
    void stopLoopAndCheckNothingWasDropped() {
        try {
            loopThread.close();
        } finally {
            Hooks.resetOnErrorDropped();
        }
        assertThat(dropped).as("errors dropped to Operators.onErrorDropped").isEmpty();
    }

    /** The errors dropped so far, which the test expected; they no longer fail it. */
    List<Throwable> takeDropped() {
        List<Throwable> taken = new ArrayList<>(dropped);
        dropped.clear();
        return taken;
    }

    /**
     * Polls {@code read} until {@code done} accepts its value (a signal that arrives on another
     * thread right after the one the test waited for), for at most 10 s; returns the last value.
     */
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

    /**
     * Returns once the loop has run everything posted to it before this call (two round trips
     * through its inbox: the first may land mid-iteration). A signal the loop was going to send
     * by then has been sent, so the test can assert that nothing more came.
     */
    void drainLoop() {
        try {
            loop.submit(() -> null).get(10, java.util.concurrent.TimeUnit.SECONDS);
            loop.submit(() -> null).get(10, java.util.concurrent.TimeUnit.SECONDS);
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
}
