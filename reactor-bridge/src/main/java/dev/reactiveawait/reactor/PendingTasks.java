package dev.reactiveawait.reactor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import reactor.core.Disposable;

/**
 * What a {@link LoopScheduler} or a worker of it has scheduled and not yet run: disposing the set
 * disposes them all and refuses new ones. Any thread; a lock, held only for the set operations.
 */
final class PendingTasks implements Disposable {
    private final ReentrantLock lock = new ReentrantLock();
    /** Guarded by {@link #lock}. */
    private final Set<Disposable> pending = new HashSet<>();
    /** Guarded by {@link #lock}; read without it by isDisposed (a stale read there is harmless). */
    private volatile boolean disposed;

    /** Adds {@code task}; {@code false} if the set is disposed (the caller rejects it). */
    boolean add(Disposable task) {
        lock.lock();
        try {
            if (disposed) {
                return false;
            }
            pending.add(task);
            return true;
        } finally {
            lock.unlock();
        }
    }

    void remove(Disposable task) {
        lock.lock();
        try {
            pending.remove(task);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void dispose() {
        List<Disposable> toDispose;
        lock.lock();
        try {
            if (disposed) {
                return;
            }
            disposed = true;
            toDispose = new ArrayList<>(pending);
            pending.clear();
        } finally {
            lock.unlock();
        }
        for (Disposable d : toDispose) {
            d.dispose();
        }
    }

    @Override
    public boolean isDisposed() {
        return disposed;
    }
}
