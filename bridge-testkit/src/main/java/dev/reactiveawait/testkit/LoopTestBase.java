package dev.reactiveawait.testkit;

import dev.reactiveawait.EventLoop;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

/**
 * A loop on a thread of its own for each test, and the library's {@link ErrorHook} watched: an
 * error that reaches the hook without the test taking it with {@link #takeErrors()} fails the test.
 * Each bridge's tests extend it through a base class that names the bridge's hook.
 */
@Timeout(10)
public abstract class LoopTestBase {
    private final ErrorHook hook;
    private HookedErrors hookedErrors;
    /** The loop's thread, started before each test and stopped after it. */
    protected LoopThread loopThread;
    /** The running loop of {@link #loopThread}. */
    protected EventLoop loop;

    /**
     * For the bridges' base classes.
     *
     * @param hook the library's hook for undeliverable errors, watched during each test
     */
    protected LoopTestBase(ErrorHook hook) {
        this.hook = hook;
    }

    /** Starts the test's loop and watches the hook. */
    @BeforeEach
    protected final void startLoopAndWatchTheErrorHook() {
        hookedErrors = HookedErrors.watch(hook);
        loopThread = new LoopThread(getClass().getSimpleName() + "-loop");
        loop = loopThread.loop();
    }

    /** Stops the test's loop, then fails the test if an error reached the hook and was not taken. */
    @AfterEach
    protected final void stopLoopAndCheckNoStrayError() {
        try {
            loopThread.close();
        } finally {
            hookedErrors.checkNoneAndStop();
        }
    }

    /**
     * Takes the errors the hook received so far, which the test expected: they no longer fail it.
     *
     * @return the errors, in arrival order
     */
    protected final List<Throwable> takeErrors() {
        return hookedErrors.take();
    }

    /**
     * Returns once the loop has run everything posted to it before this call (two round trips
     * through its inbox: the first may land mid-iteration). A signal the loop was going to send
     * by then has been sent, so the test can assert that nothing more came.
     */
    protected final void drainLoop() {
        drain(loop);
    }

    /**
     * {@link #drainLoop()} for another running loop, such as a test's own virtual-clock loop.
     *
     * @param other the loop
     */
    protected static void drain(EventLoop other) {
        try {
            other.submit(() -> null).get(10, TimeUnit.SECONDS);
            other.submit(() -> null).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the loop did not drain", e);
        }
    }

    /**
     * Polls {@code read} until {@code done} accepts its value (a signal that arrives on another
     * thread right after the one the test waited for), for at most 10 s.
     *
     * @param read reads the value
     * @param done whether the value is the awaited one
     * @param <T> the value's type
     * @return the last value read
     */
    protected static <T> T eventually(Supplier<T> read, Predicate<T> done) {
        return eventually(read, done, Duration.ofSeconds(10));
    }

    /**
     * {@link #eventually(Supplier, Predicate)} for at most {@code timeout}.
     *
     * @param read reads the value
     * @param done whether the value is the awaited one
     * @param timeout how long to poll
     * @param <T> the value's type
     * @return the last value read
     */
    protected static <T> T eventually(Supplier<T> read, Predicate<T> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value = read.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(1_000_000);
            value = read.get();
        }
        return value;
    }

    /**
     * Waits until {@code condition} holds, for at most {@code timeout}; fails the test if it does not.
     *
     * @param condition what must come true
     * @param timeout how long to wait
     */
    protected static void awaitUntil(BooleanSupplier condition, Duration timeout) {
        if (!eventually(condition::getAsBoolean, met -> met, timeout)) {
            throw new AssertionError("condition not met in " + timeout);
        }
    }

    /**
     * Runs the garbage collector until {@code ref} is cleared, for at most 10 s.
     *
     * @param ref the reference
     * @return whether it was cleared
     */
    protected static boolean collected(WeakReference<?> ref) {
        return eventually(() -> {
            System.gc();
            return ref.get() == null;
        }, cleared -> cleared);
    }
}
