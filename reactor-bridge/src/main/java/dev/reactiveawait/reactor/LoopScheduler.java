package dev.reactiveawait.reactor;

import dev.reactiveawait.EventLoop;
import dev.reactiveawait.LoopGroup;
import dev.reactiveawait.internal.SchedulerLoops;
import java.util.concurrent.TimeUnit;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;

/**
 * {@link ReactorTasks#scheduler}: an event loop, or a {@link LoopGroup}, seen as a Reactor
 * {@link Scheduler}. Every task runs on a loop, one at a time, between task steps; delays use that
 * loop's clock (virtual or not). Over a group, each worker is pinned to one loop (taken
 * round-robin), so its tasks stay ordered and never overlap, and direct tasks go round-robin.
 * Disposing the scheduler cancels what it scheduled, never a loop.
 */
final class LoopScheduler implements Scheduler {
    /** Where direct tasks and workers go, and whose clock {@link #now} reads. */
    private final SchedulerLoops loops;
    /** Direct tasks and workers, disposed together with the scheduler. */
    private final PendingTasks pending = new PendingTasks();

    LoopScheduler(SchedulerLoops loops) {
        this.loops = loops;
    }

    @Override
    public Disposable schedule(Runnable task) {
        return LoopTask.schedule(loops.next(), pending, task, LoopTask.NOW, 0, false);
    }

    @Override
    public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
        EventLoop loop = loops.next();
        return LoopTask.schedule(loop, pending, task, LoopTask.deadline(loop, unit.toNanos(delay)), 0, false);
    }

    @Override
    public Disposable schedulePeriodically(Runnable task, long initialDelay, long period, TimeUnit unit) {
        EventLoop loop = loops.next();
        return LoopTask.schedule(loop, pending, task, LoopTask.deadline(loop, unit.toNanos(initialDelay)),
                unit.toNanos(period), true);
    }

    /**
     * The loop's clock (a group's first loop): nanoseconds from its own origin (0 for a virtual
     * clock), not the epoch.
     */
    @Override
    public long now(TimeUnit unit) {
        return loops.now(unit);
    }

    @Override
    public Worker createWorker() {
        LoopWorker worker = new LoopWorker(loops.next(), pending);
        if (!pending.add(worker)) {
            worker.dispose();
        }
        return worker;
    }

    @Override
    public void dispose() {
        pending.dispose();
    }

    @Override
    public boolean isDisposed() {
        return pending.isDisposed();
    }

    @Override
    public String toString() {
        return "LoopScheduler[" + loops + "]";
    }
}
