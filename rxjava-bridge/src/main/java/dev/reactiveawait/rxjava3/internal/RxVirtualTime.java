package dev.reactiveawait.rxjava3.internal;

import dev.reactiveawait.EventLoop;
import dev.reactiveawait.internal.VirtualTimeSupport;
import dev.reactiveawait.rxjava3.RxTasks;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.functions.Consumer;
import io.reactivex.rxjava3.functions.Function;
import io.reactivex.rxjava3.plugins.RxJavaPlugins;
import org.jspecify.annotations.Nullable;

/**
 * Found by the test module through {@link java.util.ServiceLoader}: points RxJava's
 * {@code computation}, {@code io}, {@code single} and {@code newThread} scheduler handlers at one
 * scheduler on the test loop, so {@code Single.timer}, {@code Observable.interval} and
 * {@code timeout} follow its clock (and {@code Scheduler.now()} reads it); routes
 * {@code RxJavaPlugins.onError} and reports timers scheduled on a real scheduler meanwhile (our
 * loop schedulers never call the schedule handler). Close restores every handler it replaced.
 * Not API.
 */
public final class RxVirtualTime implements VirtualTimeSupport {
    /** Called by {@link java.util.ServiceLoader}. */
    public RxVirtualTime() {}

    @Override
    public String library() {
        return "RxJava";
    }

    @Override
    public Installation install(EventLoop loop, java.util.function.Consumer<Throwable> problems) {
        Scheduler onLoop = RxTasks.scheduler(loop);
        Function<? super Scheduler, ? extends Scheduler> toLoop = real -> onLoop;
        @Nullable Function<? super Scheduler, ? extends Scheduler> computation = RxJavaPlugins.getComputationSchedulerHandler();
        @Nullable Function<? super Scheduler, ? extends Scheduler> io = RxJavaPlugins.getIoSchedulerHandler();
        @Nullable Function<? super Scheduler, ? extends Scheduler> single = RxJavaPlugins.getSingleSchedulerHandler();
        @Nullable Function<? super Scheduler, ? extends Scheduler> newThread = RxJavaPlugins.getNewThreadSchedulerHandler();
        @Nullable Function<? super Runnable, ? extends Runnable> schedule = RxJavaPlugins.getScheduleHandler();
        @Nullable Consumer<? super Throwable> errors = RxJavaPlugins.getErrorHandler();
        RxJavaPlugins.setComputationSchedulerHandler(toLoop);
        RxJavaPlugins.setIoSchedulerHandler(toLoop);
        RxJavaPlugins.setSingleSchedulerHandler(toLoop);
        RxJavaPlugins.setNewThreadSchedulerHandler(toLoop);
        RxJavaPlugins.setErrorHandler(problems::accept);
        RxJavaPlugins.setScheduleHandler(task -> {
            String site = VirtualTimeSupport.delayedScheduleSite(
                    c -> Scheduler.class.isAssignableFrom(c) || Scheduler.Worker.class.isAssignableFrom(c),
                    "io.reactivex.rxjava3.internal.operators.");
            if (site != null) {
                problems.accept(RealTimerException.capturedEarly("an RxJava timer", site,
                        "a Single.timer or Observable.interval"));
            }
            return schedule == null ? task : schedule.apply(task);
        });
        return Installation.once(() -> {
            RxJavaPlugins.setComputationSchedulerHandler(computation);
            RxJavaPlugins.setIoSchedulerHandler(io);
            RxJavaPlugins.setSingleSchedulerHandler(single);
            RxJavaPlugins.setNewThreadSchedulerHandler(newThread);
            RxJavaPlugins.setScheduleHandler(schedule);
            RxJavaPlugins.setErrorHandler(errors);
            onLoop.shutdown();
        });
    }
}
