package dev.reactiveawait;

import java.lang.System.Logger.Level;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * asyncio's {@code run_in_executor} and {@code to_thread}: the work runs on another thread with a
 * copy of the task's locals, and completes a foreign promise that the task awaits. Cancelling the
 * task cancels the promise at once; work that has not started is skipped, work already running
 * finishes and its outcome is dropped (a failure is logged).
 */
final class ToThread {
    private static final System.Logger LOG = System.getLogger("dev.reactiveawait");

    private ToThread() {}

    /** asyncio's default executor: at most min(32, cores + 4) daemon platform threads, idle ones expire. */
    private static final class DefaultExecutor {
        static final ExecutorService INSTANCE = create();

        private static ExecutorService create() {
            int threads = Math.min(32, Runtime.getRuntime().availableProcessors() + 4);
            ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(),
                    Thread.ofPlatform().daemon().name("reactive-await-to-thread-", 1)
                            .inheritInheritableThreadLocals(false).factory());
            pool.allowCoreThreadTimeOut(true);
            return pool;
        }
    }

    static Executor defaultExecutor() {
        return DefaultExecutor.INSTANCE;
    }

    static <T extends @Nullable Object> T run(Task<?> me, Executor executor, Callable<T> work) {
        EventLoop loop = me.loop;
        Object[] locals = me.locals; // copy-on-write: a snapshot as it is
        Promise<T> promise = Promise.foreign(loop, () -> {});
        Runnable job = () -> {
            if (promise.isDone()) {
                return; // cancelled before it started
            }
            Object[] previous = CarriedLocals.enter(locals);
            try {
                T value = work.call();
                promise.trySucceed(value);
            } catch (Throwable e) {
                if (!promise.tryFail(e)) {
                    LOG.log(Level.WARNING, "work of a cancelled toThread/runInExecutor failed; nobody awaits it", e);
                }
            } finally {
                CarriedLocals.restore(previous);
            }
        };
        try {
            executor.execute(job);
        } catch (RejectedExecutionException e) {
            promise.tryFail(e);
        }
        return loop.await(me, promise);
    }
}
