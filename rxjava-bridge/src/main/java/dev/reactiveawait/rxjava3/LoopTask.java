package dev.reactiveawait.rxjava3;

import dev.reactiveawait.EventLoop;
import dev.reactiveawait.internal.SchedulerTask;
import io.reactivex.rxjava3.disposables.CompositeDisposable;
import io.reactivex.rxjava3.disposables.Disposable;
import io.reactivex.rxjava3.exceptions.Exceptions;
import io.reactivex.rxjava3.plugins.RxJavaPlugins;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A {@code Runnable} scheduled on a loop by a {@link LoopScheduler} or a {@link LoopWorker}: at
 * the loop's next iteration, at a deadline on the loop's clock, or periodically at a fixed rate.
 * The machine (inbox, timer, fixed rate, dispose from any thread) is the core's
 * {@link SchedulerTask}, which the Reactor bridge's scheduler shares; this class adds RxJava's
 * {@link Disposable}, the {@link CompositeDisposable} that owns it, {@code RxJavaPlugins.onSchedule},
 * and sends an exception of the action to {@code RxJavaPlugins.onError}, as RxJava's own schedulers do.
 */
final class LoopTask extends SchedulerTask implements Disposable {
    private final CompositeDisposable owner;

    private LoopTask(EventLoop loop, Runnable action, CompositeDisposable owner, boolean immediate, long deadline,
            long period, boolean periodic) {
        super(loop, action, immediate, deadline, period, periodic);
        this.owner = owner;
    }

    /**
     * Schedules {@code run} once, {@code delay} from now ({@code <= 0}: at the loop's next
     * iteration, after what is already scheduled), tracked by {@code owner}.
     *
     * @return the task, or a disposed {@code Disposable} if {@code owner} is disposed (RxJava's
     *     convention: no exception)
     * @throws RejectedExecutionException if the loop is closed
     */
    static Disposable schedule(EventLoop loop, CompositeDisposable owner, Runnable run, long delay, TimeUnit unit) {
        long delayNanos = unit.toNanos(delay);
        boolean immediate = delayNanos <= 0;
        return submit(loop, new LoopTask(loop, RxJavaPlugins.onSchedule(run), owner, immediate,
                immediate ? 0 : deadline(loop, delayNanos), 0, false));
    }

    /**
     * Schedules {@code run} at a fixed rate: first {@code initialDelay} from now, then every
     * {@code period} after the previous deadline ({@code period <= 0}: at every loop iteration).
     *
     * @return the task, or a disposed {@code Disposable} if {@code owner} is disposed
     * @throws RejectedExecutionException if the loop is closed
     */
    static Disposable schedulePeriodically(EventLoop loop, CompositeDisposable owner, Runnable run, long initialDelay,
            long period, TimeUnit unit) {
        long delayNanos = unit.toNanos(initialDelay);
        return submit(loop, new LoopTask(loop, RxJavaPlugins.onSchedule(run), owner, delayNanos <= 0,
                deadline(loop, delayNanos), unit.toNanos(period), true));
    }

    private static Disposable submit(EventLoop loop, LoopTask task) {
        if (!task.owner.add(task)) {
            return task; // the owner was disposed, and so disposed the task (it was never armed)
        }
        try {
            task.post();
        } catch (IllegalStateException closed) {
            throw new RejectedExecutionException("scheduler(loop) cannot run a task: " + loop + " is closed", closed);
        }
        return task;
    }

    @Override
    protected void removeFromOwner() {
        owner.delete(this);
    }

    @Override
    protected void actionFailed(Throwable e) {
        Exceptions.throwIfFatal(e);
        RxJavaPlugins.onError(e);
    }
}
