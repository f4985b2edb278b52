package dev.reactiveawait.rxjava3;

import dev.reactiveawait.EventLoop;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.disposables.CompositeDisposable;
import io.reactivex.rxjava3.disposables.Disposable;
import io.reactivex.rxjava3.plugins.RxJavaPlugins;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@link RxTasks#scheduler}: an event loop seen as an RxJava {@link Scheduler}. Every task runs on
 * the loop, one at a time, between task steps; delays and {@link #now} use the loop's clock
 * (virtual or not). {@link #shutdown()} cancels what it scheduled, never the loop; {@link #start()}
 * accepts tasks again.
 */
final class LoopScheduler extends Scheduler {
    private final EventLoop loop;
    /** Direct tasks and workers, disposed together by shutdown(); replaced by start() after that. */
    private final AtomicReference<CompositeDisposable> tasks = new AtomicReference<>(new CompositeDisposable());

    LoopScheduler(EventLoop loop) {
        this.loop = Objects.requireNonNull(loop, "loop");
    }

    @Override
    public Worker createWorker() {
        CompositeDisposable owner = tasks.get();
        LoopWorker worker = new LoopWorker(loop, owner);
        owner.add(worker); // disposes the worker if the scheduler is shut down
        return worker;
    }

    @Override
    public Disposable scheduleDirect(Runnable run, long delay, TimeUnit unit) {
        try {
            return LoopTask.schedule(loop, tasks.get(), run, delay, unit);
        } catch (RejectedExecutionException closed) {
            RxJavaPlugins.onError(closed); // as RxJava's own executor scheduler does
            return Disposable.disposed();
        }
    }

    @Override
    public Disposable schedulePeriodicallyDirect(Runnable run, long initialDelay, long period, TimeUnit unit) {
        try {
            return LoopTask.schedulePeriodically(loop, tasks.get(), run, initialDelay, period, unit);
        } catch (RejectedExecutionException closed) {
            RxJavaPlugins.onError(closed);
            return Disposable.disposed();
        }
    }

    /** The loop's clock: its own origin (0 for a virtual clock), not the epoch. */
    @Override
    public long now(TimeUnit unit) {
        return unit.convert(loop.time(), TimeUnit.NANOSECONDS);
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
        return "LoopScheduler[" + loop + "]";
    }
}
