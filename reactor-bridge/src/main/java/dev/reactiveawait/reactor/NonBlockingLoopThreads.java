package dev.reactiveawait.reactor;

import dev.reactiveawait.internal.CoreAccess;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import reactor.core.scheduler.Schedulers;

/**
 * Tells Reactor that a thread holding an event loop is non-blocking, so {@code Mono.block()},
 * {@code Flux.blockFirst()} and friends fail fast there with Reactor's own
 * {@link IllegalStateException} instead of deadlocking the loop (like Netty's
 * {@code checkDeadLock()}).
 *
 * <p>Reactor composes registered predicates with {@code or} and never de-duplicates them, and
 * {@link Schedulers#resetNonBlockingThreadPredicate()} forgets them all. So the predicate also
 * recognises one private, never started probe thread: asking Reactor about the probe tells whether
 * ours is registered right now, which makes {@link #register()} idempotent and able to register
 * again after a reset.
 */
final class NonBlockingLoopThreads {
    private static final Thread PROBE = Thread.ofVirtual().name("reactive-await-nonblocking-probe").unstarted(() -> {});
    private static final Predicate<Thread> LOOP_THREADS = thread -> thread == PROBE || CoreAccess.isLoopThread(thread);
    private static final ReentrantLock LOCK = new ReentrantLock();

    private NonBlockingLoopThreads() {}

    /** Registers the loop-thread predicate with Reactor unless it is registered already. */
    static void register() {
        LOCK.lock();
        try {
            if (!Schedulers.isNonBlockingThread(PROBE)) {
                Schedulers.registerNonBlockingThreadPredicate(LOOP_THREADS);
            }
        } finally {
            LOCK.unlock();
        }
    }
}
