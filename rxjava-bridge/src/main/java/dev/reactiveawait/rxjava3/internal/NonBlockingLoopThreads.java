package dev.reactiveawait.rxjava3.internal;

import dev.reactiveawait.internal.CoreAccess;
import io.reactivex.rxjava3.functions.BooleanSupplier;
import io.reactivex.rxjava3.plugins.RxJavaPlugins;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Tells RxJava that a thread holding an event loop must not block, so {@code blockingGet()},
 * {@code blockingFirst()}, {@code blockingAwait()} and friends fail fast there with RxJava's own
 * {@link IllegalStateException} instead of deadlocking the loop (like Netty's
 * {@code checkDeadLock()}).
 *
 * <p>RxJava asks {@code RxJavaPlugins.onBeforeBlocking()} before it blocks, but only while
 * {@code RxJavaPlugins.isFailOnNonBlockingScheduler()} is on; both are global, single-slot
 * settings an application may own. So our supplier chains the one it replaces (either saying
 * "don't block" is enough), is installed at most once (the current supplier being ours tells), and
 * the switch is flipped only on request. Public for {@code RxTasks} and {@link RxExtension}, in a
 * package the module does not export; not API.
 */
public final class NonBlockingLoopThreads implements BooleanSupplier {
    private static final ReentrantLock LOCK = new ReentrantLock();

    /** The application's supplier we replaced, asked after ours. */
    private final @Nullable BooleanSupplier previous;

    private NonBlockingLoopThreads(@Nullable BooleanSupplier previous) {
        this.previous = previous;
    }

    /**
     * Whether the calling thread must not block: it runs a loop's task or callback, or the
     * supplier we replaced says so.
     *
     * @return {@code true} to make RxJava's blocking call fail
     * @throws Throwable whatever the replaced supplier throws
     */
    @Override
    public boolean getAsBoolean() throws Throwable {
        return CoreAccess.isLoopThread(Thread.currentThread()) || (previous != null && previous.getAsBoolean());
    }

    /**
     * Installs our supplier (chaining any other) and turns RxJava's check on; idempotent.
     *
     * @throws IllegalStateException if {@code RxJavaPlugins} is locked down
     */
    public static void failOnBlocking() {
        LOCK.lock();
        try {
            BooleanSupplier current = RxJavaPlugins.getOnBeforeBlocking();
            if (!(current instanceof NonBlockingLoopThreads)) {
                RxJavaPlugins.setOnBeforeBlocking(new NonBlockingLoopThreads(current));
            }
            RxJavaPlugins.setFailOnNonBlockingScheduler(true);
        } finally {
            LOCK.unlock();
        }
    }

    /**
     * When the core loads: installs our supplier if the slot is free (nobody else owns it) and
     * RxJava is not locked down, and leaves RxJava's switch as it is. Until someone turns the
     * switch on, RxJava never asks the supplier: nothing changes for anyone.
     */
    public static void installIfFree() {
        LOCK.lock();
        try {
            if (RxJavaPlugins.getOnBeforeBlocking() == null && !RxJavaPlugins.isLockdown()) {
                RxJavaPlugins.setOnBeforeBlocking(new NonBlockingLoopThreads(null));
            }
        } finally {
            LOCK.unlock();
        }
    }
}
