package dev.reactiveawait.rxjava3;

import dev.reactiveawait.EventLoop;
import io.reactivex.rxjava3.core.Scheduler.Worker;
import io.reactivex.rxjava3.disposables.CompositeDisposable;
import io.reactivex.rxjava3.disposables.Disposable;
import io.reactivex.rxjava3.plugins.RxJavaPlugins;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A worker of a {@link LoopScheduler}: its tasks run in submission order (one inbox), never
 * overlapping (one loop), as RxJava requires of a worker; disposing it cancels them. Once the loop
 * is closed, the first rejected task goes to {@code RxJavaPlugins.onError} and the worker disposes
 * itself, as RxJava's executor workers do.
 */
final class LoopWorker extends Worker {
    private final EventLoop loop;
    private final CompositeDisposable schedulerTasks;
    private final CompositeDisposable tasks = new CompositeDisposable();

    LoopWorker(EventLoop loop, CompositeDisposable schedulerTasks) {
        this.loop = loop;
        this.schedulerTasks = schedulerTasks;
    }

    @Override
    public Disposable schedule(Runnable run, long delay, TimeUnit unit) {
        try {
            return LoopTask.schedule(loop, tasks, run, delay, unit);
        } catch (RejectedExecutionException closed) {
            return rejected(closed);
        }
    }

    @Override
    public Disposable schedulePeriodically(Runnable run, long initialDelay, long period, TimeUnit unit) {
        try {
            return LoopTask.schedulePeriodically(loop, tasks, run, initialDelay, period, unit);
        } catch (RejectedExecutionException closed) {
            return rejected(closed);
        }
    }

    private Disposable rejected(RejectedExecutionException closed) {
        dispose();
        RxJavaPlugins.onError(closed);
        return Disposable.disposed();
    }

    /** The loop's clock, as {@link LoopScheduler#now}. */
    @Override
    public long now(TimeUnit unit) {
        return unit.convert(loop.time(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void dispose() {
        tasks.dispose();
        schedulerTasks.delete(this);
    }

    @Override
    public boolean isDisposed() {
        return tasks.isDisposed();
    }

    @Override
    public String toString() {
        return "LoopScheduler.Worker[" + loop + "]";
    }
}
