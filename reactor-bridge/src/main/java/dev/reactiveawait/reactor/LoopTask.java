package dev.reactiveawait.reactor;

import dev.reactiveawait.EventLoop;
import dev.reactiveawait.internal.SchedulerTask;
import dev.reactiveawait.internal.Sneaky;
import java.util.concurrent.RejectedExecutionException;
import reactor.core.Disposable;
import reactor.core.Exceptions;

/**
 * A Reactor {@code Runnable} scheduled on a loop by a {@link LoopScheduler}: at once, at a deadline
 * on the loop's clock, or periodically at a fixed rate. The machine (inbox, timer, fixed rate,
 * dispose from any thread) is the core's {@link SchedulerTask}, which the RxJava bridge's
 * scheduler shares; this class adds Reactor's {@link Disposable}, the {@link PendingTasks} that
 * own it, and lets an exception of the action go to the loop, which logs it (no Reactor hook is
 * reachable there).
 */
final class LoopTask extends SchedulerTask implements Disposable {
    /** {@code deadline} of a task that runs at the loop's next iteration. */
    static final long NOW = Long.MIN_VALUE;

    private final PendingTasks owner;

    private LoopTask(EventLoop loop, Runnable action, PendingTasks owner, long deadline, long period, boolean periodic) {
        super(loop, action, deadline == NOW, deadline, period, periodic);
        this.owner = owner;
    }

    /**
     * Schedules {@code action} on {@code loop}, tracked by {@code owner}.
     *
     * @throws RejectedExecutionException if {@code owner} is disposed or the loop closed
     */
    static Disposable schedule(EventLoop loop, PendingTasks owner, Runnable action, long deadline, long period,
            boolean periodic) {
        LoopTask task = new LoopTask(loop, action, owner, deadline, period, periodic);
        if (!owner.add(task)) {
            throw Exceptions.failWithRejected("the loop scheduler (or its worker) is disposed");
        }
        try {
            task.post();
        } catch (IllegalStateException closed) {
            throw Exceptions.failWithRejected(closed);
        }
        return task;
    }

    @Override
    protected void removeFromOwner() {
        owner.remove(this);
    }

    @Override
    protected void actionFailed(Throwable e) {
        throw Sneaky.raise(e); // to the loop, which logs it
    }
}
