package dev.reactiveawait.reactor;

import dev.reactiveawait.EventLoop;
import java.util.concurrent.TimeUnit;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler.Worker;

/**
 * A worker: its tasks run in submission order (one inbox), never overlapping (one loop), as
 * Reactor requires of a worker; disposing it cancels them.
 */
final class LoopWorker implements Worker {
    private final EventLoop loop;
    private final PendingTasks schedulerPending;
    private final PendingTasks pending = new PendingTasks();

    LoopWorker(EventLoop loop, PendingTasks schedulerPending) {
        this.loop = loop;
        this.schedulerPending = schedulerPending;
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

    @Override
    public void dispose() {
        pending.dispose();
        schedulerPending.remove(this);
    }

    @Override
    public boolean isDisposed() {
        return pending.isDisposed();
    }

    @Override
    public String toString() {
        return "LoopScheduler.Worker[" + loop + "]";
    }
}
