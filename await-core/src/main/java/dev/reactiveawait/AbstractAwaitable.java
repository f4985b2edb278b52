package dev.reactiveawait;

import dev.reactiveawait.internal.Sneaky;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The state machine shared by {@link Task} and {@link Promise}: asyncio's {@code Future}.
 *
 * <pre>
 *   PENDING ──CAS──▶ COMPLETING ──▶ SUCCEEDED | FAILED | CANCELLED   (terminal)
 * </pre>
 *
 * Completion is a CAS, so any thread may complete a promise; the done-callbacks are then scheduled
 * on the loop (directly when completed on the loop, through its inbox otherwise). Callbacks are
 * stored and scheduled by the loop only.
 */
abstract sealed class AbstractAwaitable<T extends @Nullable Object> implements Awaitable<T>
        permits Task, Promise {
    static final int PENDING = 0;
    static final int COMPLETING = 1;
    static final int SUCCEEDED = 2;
    static final int FAILED = 3;
    static final int CANCELLED = 4;

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(AbstractAwaitable.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final EventLoop loop;
    /** CAS from PENDING by the completing thread (any); then set to the terminal state by it. */
    private volatile int state;
    /** The value, the Throwable, or the cancel message; written once before the terminal state. */
    private @Nullable Object outcome;
    /** Set by whoever reads the exception (any thread); read by the loop when it fails. */
    private volatile boolean retrieved;
    /** Loop: watches a failure nobody has read yet. */
    private @Nullable FailureReport failureReport;
    /** Loop-only: the first callback ({@link Task} to wake, or a Consumer), and the others. */
    private @Nullable Object firstCallback;
    private @Nullable ArrayList<Object> moreCallbacks;

    AbstractAwaitable(EventLoop loop) {
        this.loop = loop;
    }

    @Override
    public final boolean isDone() {
        return state >= SUCCEEDED;
    }

    @Override
    public final boolean isCancelled() {
        return state == CANCELLED;
    }

    @Override
    public final EventLoop loop() {
        return loop;
    }

    @Override
    @SuppressWarnings("unchecked")
    public final T result() {
        int s = state;
        if (s < SUCCEEDED) {
            throw new InvalidStateException("Result is not set: " + this + " is pending");
        }
        if (s == SUCCEEDED) { // only a failure is watched: no volatile write on the hot path
            return (T) outcome;
        }
        if (s == CANCELLED) {
            throw new CancelledException((String) outcome);
        }
        markRetrieved();
        throw Sneaky.raise((Throwable) Objects.requireNonNull(outcome));
    }

    @Override
    public final @Nullable Throwable exception() {
        int s = state;
        if (s < SUCCEEDED) {
            throw new InvalidStateException("Exception is not set: " + this + " is pending");
        }
        if (s == CANCELLED) {
            throw new CancelledException((String) outcome);
        }
        if (s == FAILED) {
            markRetrieved();
            return (Throwable) outcome;
        }
        return null;
    }

    @Override
    public final boolean cancel() {
        return cancel(null);
    }

    /** The cancel message of a cancelled awaitable (loop or any thread once done). */
    final @Nullable String cancelMessage() {
        return state == CANCELLED ? (String) outcome : null;
    }

    /** Marks the outcome as read (asyncio's __wakeup reads it even when a cancel overrides it). */
    final void markRetrieved() {
        if (!retrieved) {
            retrieved = true;
        }
        FailureReport report = failureReport;
        if (report != null) {
            report.retrieved();
        }
    }

    /** Any thread: ends the awaitable once; {@code false} if it was already ending or done. */
    final boolean complete(int terminal, @Nullable Object result) {
        if (!STATE.compareAndSet(this, PENDING, COMPLETING)) {
            return false;
        }
        outcome = result;
        state = terminal;
        if (loop.inLoop()) {
            onCompleted();
        } else {
            loop.post(this::onCompleted);
        }
        return true;
    }

    /** Loop: schedules the done-callbacks, in registration order. */
    private void onCompleted() {
        if (state == FAILED && !retrieved) {
            FailureReport report = FailureReport.watch(this, (Throwable) Objects.requireNonNull(outcome));
            failureReport = report;
            if (retrieved) { // read on another thread meanwhile
                report.retrieved();
            }
            loop.trackFailure(report);
        }
        afterCompletion();
        Object first = firstCallback;
        if (first != null) {
            firstCallback = null;
            schedule(first);
            ArrayList<Object> more = moreCallbacks;
            if (more != null) {
                moreCallbacks = null;
                for (Object c : more) {
                    schedule(c);
                }
            }
        }
    }

    /** Hook for subclasses, on the loop, before the callbacks are scheduled. */
    void afterCompletion() {}

    @SuppressWarnings("unchecked")
    private void schedule(Object callback) {
        if (callback instanceof Task<?> waiter) {
            loop.enqueue(waiter);
        } else if (callback instanceof java.util.concurrent.CountDownLatch blockedThread) {
            blockedThread.countDown(); // a plain thread in await: released at once, not through the
                                       // ready queue, which a stopping loop may leave unprocessed
        } else {
            loop.enqueue(new DoneCallback<>((Consumer<? super Awaitable<T>>) callback, this));
        }
    }

    /** Loop: wakes {@code waiter} (through the ready queue) when done. */
    final void addWaiter(Task<?> waiter) {
        addCallback(waiter);
    }

    @Override
    public final void addDoneCallback(Consumer<? super Awaitable<T>> callback) {
        Objects.requireNonNull(callback, "callback");
        loop.checkThread("addDoneCallback");
        addCallback(callback);
    }

    /** Loop: registers a Consumer or a waiting Task, without the thread check. */
    final void addCallback(Object callback) {
        if (isDone()) {
            schedule(callback);
        } else if (firstCallback == null) {
            firstCallback = callback;
        } else {
            if (moreCallbacks == null) {
                moreCallbacks = new ArrayList<>(4);
            }
            moreCallbacks.add(callback);
        }
    }

    @Override
    public final boolean removeDoneCallback(Consumer<? super Awaitable<T>> callback) {
        Objects.requireNonNull(callback, "callback");
        loop.checkThread("removeDoneCallback");
        return removeCallback(callback);
    }

    /** Loop: removes every registration of {@code callback}. */
    final boolean removeCallback(Object callback) {
        boolean removed = false;
        ArrayList<Object> more = moreCallbacks;
        if (more != null) {
            removed = more.removeIf(c -> c.equals(callback));
        }
        if (firstCallback != null && firstCallback.equals(callback)) {
            removed = true;
            firstCallback = more == null || more.isEmpty() ? null : more.remove(0);
        }
        return removed;
    }

    /** What {@code await} returns once this is done: the value, or the exception rethrown. */
    final T awaitResult() {
        return result();
    }

    final String stateName() {
        return switch (state) {
            case SUCCEEDED -> "done";
            case FAILED -> "failed";
            case CANCELLED -> "cancelled";
            default -> "pending";
        };
    }

    @Override
    public String toString() {
        int s = state;
        String kind = getClass().getSimpleName();
        return switch (s) {
            case SUCCEEDED -> kind + "[done, result=" + outcome + "]";
            case FAILED -> kind + "[failed, exception=" + outcome + "]";
            case CANCELLED -> kind + "[cancelled]";
            default -> kind + "[pending]";
        };
    }
}
