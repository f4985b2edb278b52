package dev.reactiveawait;

import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The future {@link EventLoop#submit} returns. Cancelling it cancels the task. A task of the same
 * loop that awaits it awaits {@link #mirror} instead: the loop completes this future itself, so
 * treating it as foreign work would keep a virtual clock still forever.
 */
final class SubmittedFuture<T extends @Nullable Object> extends CompletableFuture<T> {
    final EventLoop loop;
    /** Completed with the task; cancelling it (an awaiting task was cancelled) cancels this future. */
    final Promise<T> mirror;

    SubmittedFuture(EventLoop loop) {
        this.loop = loop;
        this.mirror = Promise.withOnCancel(loop, () -> cancel(false));
    }

    /** Loop: the task now exists. */
    void start(Task<T> task) {
        whenComplete((v, e) -> {
            if (isCancelled()) {
                task.cancel();
            }
        });
        task.addDoneCallback(t -> {
            loop.submissionDone(this);
            if (t.isCancelled()) {
                cancel(false);
                mirror.cancel();
            } else if (t.exception() instanceof Throwable e) {
                completeExceptionally(e);
                mirror.tryFail(e);
                mirror.markRetrieved(); // delivered by this future: not "never retrieved" at close
            } else {
                T value = t.result();
                complete(value);
                mirror.trySucceed(value);
            }
        });
    }
}
