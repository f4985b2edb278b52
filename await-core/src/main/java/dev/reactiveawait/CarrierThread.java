package dev.reactiveawait;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The one platform thread that mounts a loop's virtual threads in own-carrier mode: a lock-free
 * queue and a park when idle. Nearly every submission comes from the carrier itself (a task
 * unparking the next one), which needs no wakeup at all; other threads wake it with a Dekker
 * handshake on {@code idle} (the carrier publishes it, then re-checks the queue).
 */
final class CarrierThread implements Executor, Runnable {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    /** Written by the carrier around its park; read by submitters on other threads. */
    private volatile boolean idle;
    /** Written once by {@link #shutdown()} (any thread); read by the carrier. */
    private volatile boolean shutdown;

    CarrierThread() {
        thread = new Thread(this, "reactive-await-carrier-" + COUNTER.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void execute(Runnable command) {
        if (shutdown) {
            throw new RejectedExecutionException("the loop's carrier thread is shut down");
        }
        queue.add(command);
        if (idle && Thread.currentThread() != thread) {
            LockSupport.unpark(thread);
        }
    }

    void shutdown() {
        shutdown = true;
        LockSupport.unpark(thread);
    }

    @Override
    public void run() {
        for (;;) {
            Runnable r = queue.poll();
            if (r != null) {
                r.run();
                continue;
            }
            if (shutdown) {
                return;
            }
            idle = true;
            if (queue.isEmpty() && !shutdown) {
                LockSupport.park(this);
            }
            idle = false;
        }
    }
}
