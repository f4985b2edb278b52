package dev.reactiveawait;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A coroutine running on an {@link EventLoop}: asyncio's {@code Task}. Created by
 * {@link Async#createTask(Coroutine)}, which schedules its first step; the body then runs on a
 * virtual thread of its own, and every {@code await} that has to wait hands the loop to the next
 * ready step.
 *
 * <p>States and transitions:
 * <table class="striped">
 * <caption>Task states</caption>
 * <thead><tr><th>state</th><th>meaning</th><th>next</th></tr></thead>
 * <tbody>
 * <tr><td>PENDING</td><td>scheduled, or suspended in {@code await}</td><td>RUNNING, CANCELLED (cancelled
 *     before its first step: the body never runs)</td></tr>
 * <tr><td>RUNNING</td><td>its body holds the loop (at most one task per loop)</td><td>PENDING (at an
 *     {@code await} that waits), DONE, FAILED, CANCELLED</td></tr>
 * <tr><td>DONE</td><td>the body returned a value</td><td>terminal</td></tr>
 * <tr><td>FAILED</td><td>the body threw</td><td>terminal</td></tr>
 * <tr><td>CANCELLED</td><td>the body ended with a {@link CancelledException}, or returned while a
 *     cancellation was pending</td><td>terminal</td></tr>
 * </tbody>
 * </table>
 *
 * <dl>
 * <dt><b>Thread:</b></dt>
 * <dd>The body runs on its own virtual thread, but never in parallel with anything else of its
 *     loop: code between two {@code await}s needs no locks. Use a task from its loop; from another
 *     thread, {@link #cancel()} is forwarded to the loop.</dd>
 * <dt><b>Cancellation:</b></dt>
 * <dd>{@link #cancel(String)} cancels what the task awaits (an inner task, a promise, a
 *     subscription) so that its pending {@code await} throws {@link CancelledException};
 *     {@code finally} blocks run. A task may catch the exception and go on; {@link #cancelling()}
 *     counts the requests and {@link #uncancel()} takes one back, as in asyncio 3.11.</dd>
 * </dl>
 * {@snippet :
 * Task<String> download = createTask("download", () -> fetch(url));
 * sleep(Duration.ofSeconds(1));
 * if (!download.isDone()) {
 *     download.cancel("too slow");
 * }
 * }
 *
 * @param <T> the type of the result
 * @since 0.1
 */
public final class Task<T extends @Nullable Object> extends AbstractAwaitable<T> {
    private static final AtomicLong COUNTER = new AtomicLong();

    private final long id;
    /** {@code null} until asked for: the default {@code Task-N} string costs more than the task. */
    private @Nullable String name;
    private @Nullable Coroutine<T> body;
    final Strand strand;
    /** Loop-only, like the fields below: whether the first step has run (its thread exists). */
    boolean started;
    /** A cancellation that will be thrown at the next resumption (asyncio's {@code _must_cancel}). */
    boolean mustCancel;
    @Nullable String mustCancelMessage;
    private int cancelRequests;
    /** Requests that a 3.11 {@link TaskGroup} left counted (its parent's cancel during its exit). */
    int cancelsLeftCounted;
    /** Task-local values: key, value, key, value...; copy-on-write, shared with children. */
    Object[] locals;
    /** Loop-only links of {@link PendingTasks}. */
    @Nullable Task<?> prevPending;
    @Nullable Task<?> nextPending;
    /**
     * What the task waits for while suspended (asyncio's {@code _fut_waiter}): the awaited
     * {@link AbstractAwaitable}, or the {@link TimerHandle} of a {@code sleep}.
     */
    @Nullable Object waitingOn;
    /**
     * Loop-only: set when a {@link StackOverflowError} broke off a suspension before the baton was
     * handed on: the awaitable it had registered with, the timer of a sleep, or the task itself for
     * a yield. Cleared by
     * {@link EventLoop#dropAbandonedStep}.
     */
    @Nullable Object abandonedOn;

    Task(EventLoop loop, @Nullable String name, Coroutine<T> body, Object[] locals) {
        super(loop);
        this.locals = locals;
        this.id = COUNTER.incrementAndGet();
        this.name = name;
        this.body = body;
        this.strand = new Strand(this, null);
    }

    /**
     * The task's name, {@code Task-N} unless given.
     *
     * @return the name
     */
    public String name() {
        String n = name;
        if (n == null) {
            n = "Task-" + id;
            name = n;
        }
        return n;
    }

    /**
     * Renames the task.
     *
     * @param name the new name
     * @throws WrongThreadException if called from another thread while the loop runs
     */
    public void setName(String name) {
        Objects.requireNonNull(name, "name");
        loop.checkThread("setName");
        this.name = name;
    }

    @Override
    public boolean cancel(@Nullable String message) {
        if (!loop.inLoop() && loop.isRunning()) {
            boolean pending = !isDone(); // read before posting: the loop may finish the task meanwhile
            loop.post(() -> cancel(message));
            return pending;
        }
        if (isDone()) {
            return false;
        }
        cancelRequests++;
        Object waiter = waitingOn;
        if (waiter instanceof AbstractAwaitable<?> awaited && awaited.cancel(message)) {
            return true;
        }
        mustCancel = true;
        if (waiter instanceof TimerHandle sleep) { // as a cancelled sleep future: wake at once, then throw
            sleep.cancel();
            waitingOn = null;
            loop.enqueue(this);
        }
        mustCancelMessage = message;
        return true;
    }

    /**
     * How many cancellation requests are pending: incremented by {@link #cancel()}, decremented by
     * {@link #uncancel()} (asyncio's {@code cancelling()}).
     *
     * @return the number of pending requests
     * @throws WrongThreadException if called from another thread while the loop runs
     */
    public int cancelling() {
        loop.checkThread("cancelling");
        return cancelRequests;
    }

    /**
     * Takes back one cancellation request, for code that caught a {@link CancelledException} it
     * caused itself (a timeout) and goes on (asyncio's {@code uncancel()}).
     *
     * @return the number of requests still pending
     * @throws WrongThreadException if called from another thread while the loop runs
     */
    public int uncancel() {
        loop.checkThread("uncancel");
        if (cancelRequests > 0) {
            cancelRequests--;
        }
        return cancelRequests;
    }

    /** Runs on the task's own thread, which holds the loop's baton from its first instruction. */
    void runOnThread() {
        T value = null;
        Throwable failure = null;
        try {
            value = Objects.requireNonNull(body).call();
        } catch (Throwable e) {
            failure = e;
        }
        body = null;
        if (abandonedOn != null) {
            loop.dropAbandonedStep(this);
        }
        finish(value, failure);
        loop.yieldBaton(strand, this, true);
    }

    /** Loop: the timer of this task's {@code sleep} is due; the task resumes in a later step. */
    void wakeFromSleep() {
        waitingOn = null;
        loop.enqueue(this);
    }

    /** Loop: the task was cancelled before its first step; the body never runs. */
    void cancelBeforeStart() {
        body = null;
        mustCancel = false;
        complete(CANCELLED, mustCancelMessage);
    }

    private void finish(@Nullable T value, @Nullable Throwable failure) {
        if (failure == null) {
            if (mustCancel) { // cancelled right before the body returned
                mustCancel = false;
                complete(CANCELLED, mustCancelMessage);
            } else {
                complete(SUCCEEDED, value);
            }
        } else if (failure instanceof CancelledException c) {
            complete(CANCELLED, c.getMessage());
        } else {
            complete(FAILED, failure);
        }
    }

    @Override
    void afterCompletion() {
        loop.taskDone(this);
    }

    /** PENDING, RUNNING, DONE, FAILED or CANCELLED, as in the state table. */
    String state() {
        if (isDone()) {
            return stateName().toUpperCase(java.util.Locale.ROOT);
        }
        return loop.current == this ? "RUNNING" : "PENDING";
    }

    @Override
    public String toString() {
        Object w = waitingOn;
        String base = "Task[" + name() + ", " + state();
        if (w == null) {
            return base + "]";
        }
        return base + ", waiting on " + (w instanceof TimerHandle ? "sleep" : w.getClass().getSimpleName()) + "]";
    }
}
