package dev.reactiveawait;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * The one platform thread that mounts a loop's virtual threads in own-carrier mode. Nearly every
 * submission comes from the carrier itself (a task unparking or starting the next one): those go
 * to a plain deque only the carrier touches, with no allocation and no atomic operation. Other
 * threads use a lock-free queue and wake the carrier with a Dekker handshake on {@code idle} (the
 * carrier publishes it, then re-checks the queue). The carrier takes from the remote queue at
 * least every {@value #LOCAL_BURST} local runs, so neither side starves.
 */
final class CarrierThread implements Executor, Runnable {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final int LOCAL_BURST = 64;
    /** {@code Thread.currentCarrierThread()}, reachable because own-carrier mode opens java.lang. */
    private static final @Nullable MethodHandle CURRENT_CARRIER = findCurrentCarrier();

    /** Submissions made on the carrier thread itself; carrier-only. */
    private final ArrayDeque<Runnable> local = new ArrayDeque<>();
    private int localBurst;

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
        if (onCarrier()) {
            local.add(command);
            return;
        }
        queue.add(command);
        if (idle && Thread.currentThread() != thread) {
            LockSupport.unpark(thread);
        }
    }

    /** Whether the caller runs on this carrier (itself, or a virtual thread mounted on it). */
    private boolean onCarrier() {
        MethodHandle current = CURRENT_CARRIER;
        if (current == null) {
            return false;
        }
        try {
            return (Thread) current.invokeExact() == thread;
        } catch (Throwable e) {
            throw new IllegalStateException("Thread.currentCarrierThread() failed", e);
        }
    }

    private static @Nullable MethodHandle findCurrentCarrier() {
        try {
            return MethodHandles.privateLookupIn(Thread.class, MethodHandles.lookup())
                    .findStatic(Thread.class, "currentCarrierThread", MethodType.methodType(Thread.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // every submission then takes the lock-free queue: correct, a little slower
        }
    }

    void shutdown() {
        shutdown = true;
        LockSupport.unpark(thread);
    }

    @Override
    public void run() {
        for (;;) {
            Runnable r = localBurst < LOCAL_BURST ? local.poll() : null;
            if (r != null) {
                localBurst++;
            } else {
                localBurst = 0;
                r = queue.poll();
                if (r == null) {
                    r = local.poll();
                }
            }
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
