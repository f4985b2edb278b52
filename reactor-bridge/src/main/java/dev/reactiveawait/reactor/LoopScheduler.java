package dev.reactiveawait.reactor;

import dev.reactiveawait.EventLoop;
import dev.reactiveawait.LoopGroup;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
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
    /** The loop of the next direct task or worker: always the same one, or the group's next. */
    private final Supplier<EventLoop> next;
    /** The loop whose clock {@link #now} reads. */
    private final EventLoop clockLoop;
    private final Object target;
    /** Direct tasks and workers, disposed together with the scheduler. */
    private final PendingTasks pending = new PendingTasks();

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
    public Disposable schedule(Runnable task) {
        return LoopTask.schedule(next.get(), pending, task, LoopTask.NOW, 0, false);
    }

    @Override
    public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
        EventLoop loop = next.get();
        return LoopTask.schedule(loop, pending, task, LoopTask.deadline(loop, unit.toNanos(delay)), 0, false);
    }

    @Override
    public Disposable schedulePeriodically(Runnable task, long initialDelay, long period, TimeUnit unit) {
        EventLoop loop = next.get();
        return LoopTask.schedule(loop, pending, task, LoopTask.deadline(loop, unit.toNanos(initialDelay)),
                unit.toNanos(period), true);
    }

    /**
     * The loop's clock (a group's first loop): nanoseconds from its own origin (0 for a virtual
     * clock), not the epoch.
     */
    @Override
    public long now(TimeUnit unit) {
        return unit.convert(clockLoop.time(), TimeUnit.NANOSECONDS);
    }

    @Override
    public Worker createWorker() {
        LoopWorker worker = new LoopWorker(next.get(), pending);
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
        return "LoopScheduler[" + target + "]";
    }
}
