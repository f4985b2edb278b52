package dev.reactiveawait;

import dev.reactiveawait.internal.Sneaky;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * A deadline for a block of code in a task, asyncio's {@code asyncio.timeout()} (3.11): when the
 * deadline passes, the task is cancelled (one counted request, see {@link Task#cancelling()}), and
 * the scope's exit turns the resulting {@link CancelledException} into a
 * {@link TimeoutException}, unless somebody else cancelled the task too.
 *
 * <p>Prefer the lambda forms, {@link Async#timeout(java.time.Duration, Coroutine)},
 * {@link Async#timeoutAt(long, Coroutine)}, or {@link #run(Coroutine)} on a scope from
 * {@link Async#timeout(java.time.Duration)} when the body needs the scope: they see the body's
 * exception, so they convert exactly as asyncio does. The scope also works with
 * try-with-resources, but Java runs {@code close()} after the body's exception is already chosen,
 * so {@code close()} cannot replace it: in that form an expiry comes out of the block as the body's
 * {@link CancelledException} (see {@link #close()}).
 *
 * <p>States: ENTERED (created inside a task, its timer armed) → EXPIRING (the timer fired and
 * cancelled the task) → EXPIRED (exited after expiring), or ENTERED → EXITED (exited in time).
 *
 * <dl>
 * <dt><b>Thread:</b></dt>
 * <dd>Loop-only: create, reschedule and close it in the task it guards.</dd>
 * <dt><b>Cancellation:</b></dt>
 * <dd>On expiry the task's pending {@code await} throws {@link CancelledException} (so whatever it
 *     awaits is cancelled too); the exit takes that one request back ({@link Task#uncancel()}), and
 *     converts only if no other request remains above the count it found on entry. A task that
 *     swallowed an earlier cancel still times out.</dd>
 * </dl>
 * {@snippet :
 * String page = timeout(Duration.ofSeconds(2), () -> await(download(url))); // or TimeoutException
 *
 * Timeout t = timeout(Duration.ofSeconds(10));
 * t.run(() -> {
 *     while (more()) {
 *         await(readChunk());
 *         t.reschedule(currentLoop().time() + Duration.ofSeconds(10).toNanos()); // progress: extend
 *     }
 * });
 * }
 *
 * @since 0.1
 */
public final class Timeout implements AutoCloseable {
    /** The deadline of a timeout that never fires ({@code None} in asyncio). */
    public static final long NEVER = Long.MAX_VALUE;

    private enum State { ENTERED, EXPIRING, EXPIRED, EXITED }

    private final Task<?> task;
    /** The task's cancel requests when the scope was entered (3.11.7 compares against it). */
    private final int cancellingAtEntry;
    // Loop-only, like everything here.
    private State state = State.ENTERED;
    private long when;
    private @Nullable Handle handler;

    /** Enters a scope guarding {@code task}, which runs now; arms the timer. */
    Timeout(Task<?> task, long when) {
        this.task = task;
        this.cancellingAtEntry = task.cancelling();
        this.when = when;
        arm(when);
    }

    /**
     * The deadline.
     *
     * @return nanoseconds on the loop's clock ({@link EventLoop#time()}), or {@link #NEVER}
     */
    public long when() {
        return when;
    }

    /**
     * Moves the deadline; a deadline already past fires at the loop's next round, as asyncio's
     * {@code call_soon} does; {@link #NEVER} disarms the timeout.
     * {@snippet :
     * t.reschedule(currentLoop().time() + Duration.ofSeconds(5).toNanos());
     * }
     *
     * @param deadlineNanos the new deadline on the loop's clock, or {@link #NEVER}
     * @throws IllegalStateException if the timeout already fired or the scope was exited
     * @throws WrongThreadException if called from another thread while the loop runs
     */
    public void reschedule(long deadlineNanos) {
        task.loop.checkThread("reschedule");
        if (state != State.ENTERED) {
            throw new IllegalStateException("cannot reschedule a timeout that has "
                    + (state == State.EXITED ? "been exited" : "already fired") + ": create a new one");
        }
        when = deadlineNanos;
        arm(deadlineNanos);
    }

    private void arm(long deadline) {
        Handle old = handler;
        if (old != null) {
            old.cancel();
        }
        EventLoop loop = task.loop;
        if (deadline == NEVER) {
            handler = null;
        } else if (deadline <= loop.time()) {
            handler = loop.callSoon(this::onTimeout);
        } else {
            handler = loop.callAt(deadline, this::onTimeout);
        }
    }

    /**
     * Whether the deadline passed while the scope was active (asyncio's {@code expired()}).
     *
     * @return {@code true} once the timer fired, also after the exit
     */
    public boolean expired() {
        return state == State.EXPIRING || state == State.EXPIRED;
    }

    private void onTimeout() {
        task.cancel();
        state = State.EXPIRING;
        handler = null;
    }

    /**
     * Exits the scope (asyncio's {@code __aexit__}) after the body ended with {@code failure}:
     * disarms the timer and, if it fired, takes back its cancel request.
     *
     * @return the exception to throw instead of {@code failure}, or {@code null}
     */
    @Nullable TimeoutException exit(@Nullable Throwable failure) {
        if (task.loop.current != task) {
            throw new IllegalStateException("a timeout must be exited by the task that entered it, " + task);
        }
        Handle h = handler;
        if (h != null) {
            h.cancel();
            handler = null;
        }
        if (state == State.EXPIRING) {
            state = State.EXPIRED;
            if (task.uncancel() <= cancellingAtEntry && failure instanceof CancelledException) {
                TimeoutException timeout = new TimeoutException("the deadline passed (loop time " + when + " ns)");
                timeout.initCause(failure);
                return timeout;
            }
        } else if (state == State.ENTERED) {
            state = State.EXITED;
        }
        return null;
    }

    /**
     * Runs {@code body} inside this scope and exits it as asyncio's {@code __aexit__} does: an
     * expiry that cut the body short comes out as {@link TimeoutException}. This is
     * {@link Async#timeout(java.time.Duration, Coroutine)} with the scope at hand, for bodies that
     * {@linkplain #reschedule(long) move the deadline} or look at {@link #expired()}.
     * {@snippet :
     * Timeout t = timeout(Duration.ofSeconds(10));
     * int rows = t.run(() -> {
     *     int n = 0;
     *     while (await(cursor.next()) != null) {
     *         n++;
     *         t.reschedule(currentLoop().time() + Duration.ofSeconds(10).toNanos()); // idle limit
     *     }
     *     return n;
     * });
     * }
     *
     * @param body the code to limit
     * @param <T> the type of the result
     * @return what {@code body} returned
     * @throws TimeoutException if the deadline passed and cut the body short
     * @throws CancelledException if the task was cancelled by someone else
     * @throws IllegalStateException if the scope was exited already, or if called by another task
     *     than the one that created it
     * @throws WrongThreadException if called from another thread while the loop runs
     */
    public <T extends @Nullable Object> T run(Coroutine<T> body) throws TimeoutException {
        java.util.Objects.requireNonNull(body, "body");
        task.loop.checkThread("run");
        if (state == State.EXITED || state == State.EXPIRED) {
            throw new IllegalStateException("this timeout scope was exited already: create a new one");
        }
        if (task.loop.current != task) {
            throw new IllegalStateException("a timeout must be used by the task that entered it, " + task);
        }
        T value;
        try {
            value = body.call();
        } catch (Throwable e) {
            TimeoutException timeout = exit(e);
            if (timeout != null) {
                throw timeout;
            }
            throw Sneaky.raise(e);
        }
        exit(null);
        return value;
    }

    /**
     * Runs {@code body} inside this scope and exits it; see {@link #run(Coroutine)}.
     * {@snippet :
     * Timeout t = timeout(Duration.ofSeconds(1));
     * t.run(() -> sleep(Duration.ofSeconds(5))); // TimeoutException; t.expired() is true
     * }
     *
     * @param body the code to limit
     * @throws TimeoutException if the deadline passed and cut the body short
     * @throws CancelledException if the task was cancelled by someone else
     * @throws IllegalStateException if the scope was exited already, or if called by another task
     *     than the one that created it
     * @throws WrongThreadException if called from another thread while the loop runs
     */
    public void run(VoidCoroutine body) throws TimeoutException {
        run(Async.asCoroutine(body));
    }

    /**
     * Exits the try-with-resources scope: disarms the timer and, if it fired, takes back its
     * cancel request. It never throws: the body's {@link CancelledException} caused by an expiry
     * propagates as it is (Java does not let {@code close()} replace it). Tell a timeout from a
     * cancellation with {@link #expired()}, or use the lambda form, which throws
     * {@link TimeoutException} as asyncio does. Closing twice is harmless.
     * {@snippet :
     * Timeout t = timeout(Duration.ofSeconds(1));
     * try (t) {
     *     await(work);
     * } catch (CancelledException e) {
     *     if (!t.expired()) throw e; // a real cancellation
     *     System.out.println("timed out");
     * }
     * }
     *
     * @throws IllegalStateException if called by another task than the one that created it
     * @throws WrongThreadException if called from another thread while the loop runs
     */
    @Override
    public void close() {
        task.loop.checkThread("close");
        if (state == State.ENTERED || state == State.EXPIRING) {
            exit(null);
        }
    }

    @Override
    public String toString() {
        return "Timeout[" + state.name().toLowerCase(java.util.Locale.ROOT)
                + (when == NEVER ? ", no deadline]" : ", when=" + when + "]");
    }
}
