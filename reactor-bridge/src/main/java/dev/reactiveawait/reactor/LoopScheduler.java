package dev.reactiveawait.reactor;

import dev.reactiveawait.EventLoop;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;

/**
 * {@link ReactorTasks#scheduler}: an event loop seen as a Reactor {@link Scheduler}. Every task runs
 * on the loop, one at a time, between task steps; delays and {@link #now} use the loop's clock
 * (virtual or not). Disposing the scheduler cancels what it scheduled, never the loop.
 */
final class LoopScheduler implements Scheduler {
    private final EventLoop loop;
    /** Direct tasks and workers, disposed together with the scheduler. */
    private final PendingTasks pending = new PendingTasks();

    LoopScheduler(EventLoop loop) {
        this.loop = Objects.requireNonNull(loop, "loop");
    }

    @Override
    public Disposable schedule(Runnable task) {
        return LoopTask.schedule(loop, pending, task, LoopTask.NOW, 0, false);
    }

    @Override
    public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
        return LoopTask.schedule(loop, pending, task, LoopTask.deadline(loop, unit.toNanos(delay)), 0, false);
    }

    @Override
    public Disposable schedulePeriodically(Runnable task, long initialDelay, long period, TimeUnit unit) {
        return LoopTask.schedule(loop, pending, task, LoopTask.deadline(loop, unit.toNanos(initialDelay)),
                unit.toNanos(period), true);
    }

    /** The loop's clock: nanoseconds from its own origin (0 for a virtual clock), not the epoch. */
    @Override
    public long now(TimeUnit unit) {
        return unit.convert(loop.time(), TimeUnit.NANOSECONDS);
    }

    @Override
    public Worker createWorker() {
        LoopWorker worker = new LoopWorker(loop, pending);
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
        return "LoopScheduler[" + loop + "]";
    }
}
