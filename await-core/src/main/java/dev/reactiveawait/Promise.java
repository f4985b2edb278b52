package dev.reactiveawait;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A result that someone sets later: the tutorial's pizza box (asyncio's {@code Future}, renamed so
 * that it never clashes with {@link java.util.concurrent.Future}). The producer keeps the promise
 * and completes it once; consumers see it as an {@link Awaitable} and {@code await} it.
 *
 * <dl>
 * <dt><b>Thread:</b></dt>
 * <dd>Completion ({@code trySucceed}, {@code tryFail}, {@code cancel}) is thread-safe: a kitchen
 *     thread may fill the box; waiters resume on the loop. Callback registration is loop-only.</dd>
 * <dt><b>Cancellation:</b></dt>
 * <dd>{@code cancel} ends the promise as cancelled; tasks awaiting it get a
 *     {@link CancelledException}; a later {@code trySucceed} returns {@code false}.</dd>
 * </dl>
 * {@snippet :
 * Promise<String> box = Promise.create();
 * currentLoop().callLater(Duration.ofMinutes(15), () -> box.succeed("pizza"));
 * String dinner = await(box); // other tasks run meanwhile
 * }
 *
 * @param <T> the type of the result
 * @since 0.1
 */
public final class Promise<T extends @Nullable Object> extends AbstractAwaitable<T> {
    /** Package-private for the task dump, which names a {@link Gather}'s promise. */
    final @Nullable CancelHook cancelHook;
    /** For a promise completed by foreign work: cancels that work; runs on the cancelling thread. */
    private @Nullable Runnable onCancel;
    /** For a promise completed by foreign work: keeps a virtual clock still until done. Loop-only. */
    private @Nullable ExternalWait externalWait;

    Promise(EventLoop loop, @Nullable CancelHook cancelHook) {
        super(loop);
        this.cancelHook = cancelHook;
    }

    /** Loop: a promise that another thread completes; see {@code CoreAccess.foreignPromise}. */
    static <T extends @Nullable Object> Promise<T> foreign(EventLoop loop, Runnable onCancel) {
        Promise<T> p = withOnCancel(loop, onCancel);
        p.externalWait = new ExternalWait(loop);
        return p;
    }

    /** Any thread: a promise whose successful cancellation runs {@code onCancel}. */
    static <T extends @Nullable Object> Promise<T> withOnCancel(EventLoop loop, Runnable onCancel) {
        Promise<T> p = new Promise<>(loop, null);
        p.onCancel = Objects.requireNonNull(onCancel, "onCancel");
        return p;
    }

    @Override
    void afterCompletion() {
        ExternalWait w = externalWait;
        if (w != null) {
            externalWait = null;
            w.end();
        }
    }

    /**
     * A new pending promise on the running loop.
     *
     * @param <T> the type of the result
     * @return the promise
     * @throws IllegalStateException if no loop runs on this thread
     */
    public static <T extends @Nullable Object> Promise<T> create() {
        return new Promise<>(Async.currentLoop(), null);
    }

    /**
     * A new pending promise on {@code loop}.
     *
     * @param loop the loop whose tasks will await it
     * @param <T> the type of the result
     * @return the promise
     */
    public static <T extends @Nullable Object> Promise<T> create(EventLoop loop) {
        return new Promise<>(Objects.requireNonNull(loop, "loop"), null);
    }

    /**
     * Completes with a value, unless already done.
     *
     * @param value the value, may be {@code null}
     * @return whether this call completed the promise
     */
    public boolean trySucceed(T value) {
        return complete(SUCCEEDED, value);
    }

    /**
     * Completes with an exception, unless already done.
     *
     * @param error the exception that {@code await} will rethrow unchanged
     * @return whether this call completed the promise
     */
    public boolean tryFail(Throwable error) {
        Objects.requireNonNull(error, "error");
        return complete(FAILED, error);
    }

    /**
     * Completes with a value.
     *
     * @param value the value, may be {@code null}
     * @throws InvalidStateException if the promise is already done
     */
    public void succeed(T value) {
        if (!trySucceed(value)) {
            throw new InvalidStateException(
                    "succeed(" + value + ") on " + this + ": a promise completes once; use trySucceed to race");
        }
    }

    /**
     * Completes with an exception.
     *
     * @param error the exception that {@code await} will rethrow unchanged
     * @throws InvalidStateException if the promise is already done
     */
    public void fail(Throwable error) {
        if (!tryFail(error)) {
            throw new InvalidStateException(
                    "fail(" + error + ") on " + this + ": a promise completes once; use tryFail to race");
        }
    }

    @Override
    public boolean cancel(@Nullable String message) {
        CancelHook hook = cancelHook;
        if (hook != null) {
            if (!loop.inLoop() && loop.isRunning()) {
                boolean pending = !isDone(); // read before posting: the loop may finish it meanwhile
                loop.post(() -> cancel(message));
                return pending;
            }
            return !isDone() && hook.cancel(message);
        }
        if (!complete(CANCELLED, message)) {
            return false;
        }
        Runnable c = onCancel;
        if (c != null) {
            onCancel = null;
            c.run();
        }
        return true;
    }
}
