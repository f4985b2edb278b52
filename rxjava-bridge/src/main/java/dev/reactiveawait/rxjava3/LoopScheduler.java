package dev.reactiveawait.rxjava3;

import dev.reactiveawait.EventLoop;
import dev.reactiveawait.LoopGroup;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.disposables.CompositeDisposable;
import io.reactivex.rxjava3.disposables.Disposable;
import io.reactivex.rxjava3.plugins.RxJavaPlugins;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * {@link RxTasks#scheduler}: an event loop, or a {@link LoopGroup}, seen as an RxJava
 * {@link Scheduler}. Every task runs on a loop, one at a time, between task steps; delays use that
 * loop's clock (virtual or not). Over a group, each worker is pinned to one loop (taken
 * round-robin), so its tasks stay ordered and never overlap, and direct tasks go round-robin.
 * {@link #shutdown()} cancels what it scheduled, never a loop; {@link #start()} accepts tasks again.
 */
final class LoopScheduler extends Scheduler {
    /** The loop of the next direct task or worker: always the same one, or the group's next. */
    private final Supplier<EventLoop> next;
    /** The loop whose clock {@link #now} reads. */
    private final EventLoop clockLoop;
    private final Object target;
    /** Direct tasks and workers, disposed together by shutdown(); replaced by start() after that. */
    private final AtomicReference<CompositeDisposable> tasks = new AtomicReference<>(new CompositeDisposable());

    LoopScheduler(EventLoop loop) {
        Objects.requireNonNull(loop, "loop");
        this.next = () -> loop;
        this.clockLoop = loop;
        this.target = loop;
    }

    LoopScheduler(LoopGroup group) {
        Objects.requireNonNull(group, "group");
        this.next = group::next;
        this.clockLoop = group.loops().get(0);
        this.target = group;
    }

    @Override
    public Worker createWorker() {
        CompositeDisposable owner = tasks.get();
        LoopWorker worker = new LoopWorker(next.get(), owner);
        owner.add(worker); // disposes the worker if the scheduler is shut down
        return worker;
    }

    @Override
    public Disposable scheduleDirect(Runnable run, long delay, TimeUnit unit) {
        try {
            return LoopTask.schedule(next.get(), tasks.get(), run, delay, unit);
        } catch (RejectedExecutionException closed) {
            RxJavaPlugins.onError(closed); // as RxJava's own executor scheduler does
            return Disposable.disposed();
        }
    }

    @Override
    public Disposable schedulePeriodicallyDirect(Runnable run, long initialDelay, long period, TimeUnit unit) {
        try {
            return LoopTask.schedulePeriodically(next.get(), tasks.get(), run, initialDelay, period, unit);
        } catch (RejectedExecutionException closed) {
            RxJavaPlugins.onError(closed);
            return Disposable.disposed();
        }
    }

    /** The loop's clock (a group's first loop): its own origin (0 for a virtual clock), not the epoch. */
    @Override
    public long now(TimeUnit unit) {
        return unit.convert(clockLoop.time(), TimeUnit.NANOSECONDS);
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
        return "LoopScheduler[" + target + "]";
    }
}
