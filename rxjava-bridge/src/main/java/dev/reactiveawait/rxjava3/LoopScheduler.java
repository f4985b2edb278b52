package dev.reactiveawait.rxjava3;

import dev.reactiveawait.EventLoop;
import dev.reactiveawait.LoopGroup;
import dev.reactiveawait.internal.SchedulerLoops;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.disposables.CompositeDisposable;
import io.reactivex.rxjava3.disposables.Disposable;
import io.reactivex.rxjava3.plugins.RxJavaPlugins;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@link RxTasks#scheduler}: an event loop, or a {@link LoopGroup}, seen as an RxJava
 * {@link Scheduler}. Every task runs on a loop, one at a time, between task steps; delays use that
 * loop's clock (virtual or not). Over a group, each worker is pinned to one loop (taken
 * round-robin), so its tasks stay ordered and never overlap, and direct tasks go round-robin.
 * {@link #shutdown()} cancels what it scheduled, never a loop; {@link #start()} accepts tasks again.
 */
final class LoopScheduler extends Scheduler {
    /** Where direct tasks and workers go, and whose clock {@link #now} reads. */
    private final SchedulerLoops loops;
    /** Direct tasks and workers, disposed together by shutdown(); replaced by start() after that. */
    private final AtomicReference<CompositeDisposable> tasks = new AtomicReference<>(new CompositeDisposable());

    LoopScheduler(SchedulerLoops loops) {
        this.loops = loops;
    }

    @Override
    public Worker createWorker() {
        CompositeDisposable owner = tasks.get();
        LoopWorker worker = new LoopWorker(loops.next(), owner);
        owner.add(worker); // disposes the worker if the scheduler is shut down
        return worker;
    }

    @Override
    public Disposable scheduleDirect(Runnable run, long delay, TimeUnit unit) {
        try {
            return LoopTask.schedule(loops.next(), tasks.get(), run, delay, unit);
        } catch (RejectedExecutionException closed) {
            RxJavaPlugins.onError(closed); // as RxJava's own executor scheduler does
            return Disposable.disposed();
        }
    }

    @Override
    public Disposable schedulePeriodicallyDirect(Runnable run, long initialDelay, long period, TimeUnit unit) {
        try {
            return LoopTask.schedulePeriodically(loops.next(), tasks.get(), run, initialDelay, period, unit);
        } catch (RejectedExecutionException closed) {
            RxJavaPlugins.onError(closed);
            return Disposable.disposed();
        }
    }

    /** The loop's clock (a group's first loop): its own origin (0 for a virtual clock), not the epoch. */
    @Override
    public long now(TimeUnit unit) {
        return loops.now(unit);
    }

    @Override
    public void start() {
        CompositeDisposable current = tasks.get();
        if (current.isDisposed()) {
            tasks.compareAndSet(current, new CompositeDisposable());
        }
    }

    @Override
    public void shutdown() {
        tasks.get().dispose();
    }

    @Override
    public String toString() {
        return "LoopScheduler[" + loops + "]";
    }
}
