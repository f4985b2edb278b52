package dev.reactiveawait.reactor.internal;

import dev.reactiveawait.EventLoop;
import dev.reactiveawait.internal.VirtualTimeSupport;
import dev.reactiveawait.reactor.ReactorTasks;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Hooks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.Logger;
import reactor.util.Loggers;

/**
 * Found by the test module through {@link java.util.ServiceLoader}: puts Reactor's default
 * schedulers ({@code parallel}, {@code single}, {@code boundedElastic} and the {@code new…} ones)
 * on a test loop with {@link Schedulers#setFactoryWithSnapshot}, so {@code Mono.delay},
 * {@code Flux.interval}, {@code timeout} and {@code delayElements} follow its clock; restores the
 * snapshot on close. Not API.
 *
 * <p>Two hooks watch the test: an {@link Schedulers#onScheduleHook} keyed by this class reports a
 * timer scheduled on a real Reactor scheduler (one cached before the install, typically by a
 * {@code Mono.delay} assembled in a static field: our loop schedulers never call that hook), and an
 * {@link Hooks#onErrorDropped} consumer forwards dropped errors. Reactor cannot remove one dropped
 * hook among several, so that consumer is installed once per JVM and, outside a test, logs as
 * Reactor's default does.
 */
public final class ReactorVirtualTime implements VirtualTimeSupport {
    private static final String HOOK_KEY = ReactorVirtualTime.class.getName();
    private static final Logger LOG = Loggers.getLogger(ReactorVirtualTime.class);
    /** The active test's sink; written by install/close (serialized by the caller), read on any thread. */
    private static volatile @Nullable Consumer<Throwable> sink;
    private static boolean droppedHookInstalled;

    /** Called by {@link java.util.ServiceLoader}. */
    public ReactorVirtualTime() {}

    @Override
    public String library() {
        return "Reactor";
    }

    @Override
    public Installation install(EventLoop loop, Consumer<Throwable> problems) {
        installDroppedHookOnce();
        Schedulers.Snapshot previous = Schedulers.setFactoryWithSnapshot(new LoopFactory(loop));
        Schedulers.onScheduleHook(HOOK_KEY, task -> {
            String site = VirtualTimeSupport.delayedScheduleSite(
                    c -> Scheduler.class.isAssignableFrom(c) || Scheduler.Worker.class.isAssignableFrom(c),
                    "reactor.core.publisher.");
            if (site != null) {
                problems.accept(RealTimerException.capturedEarly("a Reactor timer", site,
                        "a Mono.delay or Flux.interval"));
            }
            return task;
        });
        sink = problems;
        return Installation.once(() -> {
            sink = null;
            Schedulers.resetOnScheduleHook(HOOK_KEY);
            Schedulers.resetFrom(previous);
        });
    }

    private static synchronized void installDroppedHookOnce() {
        if (!droppedHookInstalled) {
            droppedHookInstalled = true;
            Hooks.onErrorDropped(e -> {
                Consumer<Throwable> s = sink;
                if (s != null) {
                    s.accept(e);
                } else {
                    LOG.error("Operator called default onErrorDropped", e);
                }
            });
        }
    }

    /** Every default scheduler Reactor creates while installed is a scheduler on the test loop. */
    private record LoopFactory(EventLoop loop) implements Schedulers.Factory {
        @Override
        public Scheduler newBoundedElastic(int threadCap, int queuedTaskCap, ThreadFactory threadFactory, int ttlSeconds) {
            return ReactorTasks.scheduler(loop);
        }

        @Override
        public Scheduler newThreadPerTaskBoundedElastic(int threadCap, int queuedTaskCap, ThreadFactory threadFactory) {
            return ReactorTasks.scheduler(loop);
        }

        @Override
        public Scheduler newParallel(int parallelism, ThreadFactory threadFactory) {
            return ReactorTasks.scheduler(loop);
        }

        @Override
        public Scheduler newSingle(ThreadFactory threadFactory) {
            return ReactorTasks.scheduler(loop);
        }
    }
}
