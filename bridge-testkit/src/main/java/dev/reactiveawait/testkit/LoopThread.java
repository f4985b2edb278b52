package dev.reactiveawait.testkit;

import dev.reactiveawait.EventLoop;
import dev.reactiveawait.LoopClock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** A long-lived loop serving other threads: {@code runForever()} on a platform thread of its own. */
public final class LoopThread implements AutoCloseable {
    private final EventLoop loop;
    private final Thread thread;

    /**
     * Starts a loop on the system clock and waits until it runs.
     *
     * @param name the name of the loop's thread
     */
    public LoopThread(String name) {
        this(name, LoopClock.system());
    }

    /**
     * Starts a loop on {@code clock} and waits until it runs.
     *
     * @param name the name of the loop's thread
     * @param clock the loop's clock
     */
    public LoopThread(String name, LoopClock clock) {
        loop = EventLoop.create(clock);
        thread = Thread.ofPlatform().name(name).daemon().start(loop::runForever);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!loop.isRunning()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the loop did not start");
            }
            Thread.onSpinWait();
        }
    }

    /**
     * The loop this thread runs.
     *
     * @return the running loop
     */
    public EventLoop loop() {
        return loop;
    }

    /**
     * Runs {@code action} on the loop and waits for it (loop-only calls such as createTask).
     *
     * @param action what to run on the loop
     * @param <T> its result type
     * @return its result
     */
    public <T> T onLoop(Supplier<T> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        loop.callSoonThreadsafe(() -> {
            try {
                result.complete(action.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.orTimeout(5, TimeUnit.SECONDS).join();
    }

    /** Stops the loop, waits for its thread, then closes it (cancelling what is still pending). */
    @Override
    public void close() {
        loop.stop();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the loop", e);
        }
        if (thread.isAlive()) {
            throw new IllegalStateException("the loop did not stop");
        }
        loop.close();
    }
}
