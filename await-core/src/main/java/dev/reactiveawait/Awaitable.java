package dev.reactiveawait;

import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Anything a task can {@linkplain Async#await(Awaitable) await}: a {@link Task} (a running
 * coroutine) or a {@link Promise} (a result someone sets later). Bridges turn {@code Mono},
 * {@code Single} and friends into awaitables too.
 *
 * <p>An awaitable belongs to one {@link EventLoop} and ends once, in one of three ways: with a
 * value, with an exception, or cancelled. Asking for the result of a pending awaitable is an
 * error, not a wait: to wait, {@code await} it.
 *
 * <dl>
 * <dt><b>Thread:</b></dt>
 * <dd>Done-callbacks run on the loop, one at a time, in registration order, each scheduled through
 *     the loop's ready queue (never inline). State queries work from any thread.</dd>
 * <dt><b>Cancellation:</b></dt>
 * <dd>{@link #cancel()} ends a pending awaitable as cancelled; whoever awaits it gets a
 *     {@link CancelledException}. Cancelling a task delivers the exception inside the task
 *     instead, which may clean up first (see {@link Task}).</dd>
 * </dl>
 * {@snippet :
 * Awaitable<Integer> answer = createTask(() -> 42);
 * answer.addDoneCallback(a -> System.out.println("done: " + a.result()));
 * int value = await(answer);
 * }
 *
 * @param <T> the type of the result
 * @since 0.1
 */
public sealed interface Awaitable<T extends @Nullable Object> permits AbstractAwaitable {

    /**
     * Whether it ended (with a value, an exception, or cancelled).
     *
     * @return {@code true} once done
     */
    boolean isDone();

    /**
     * Whether it ended cancelled.
     *
     * @return {@code true} if cancelled
     */
    boolean isCancelled();

    /**
     * The value it ended with (asyncio's {@code result()}).
     *
     * @return the value, may be {@code null}
     * @throws InvalidStateException if it is not done yet
     * @throws CancelledException if it was cancelled
     * @throws RuntimeException (or any checked exception, rethrown unchanged) the exception it
     *     ended with
     */
    T result();

    /**
     * The exception it ended with, if any (asyncio's {@code exception()}).
     *
     * @return the exception, or {@code null} if it ended with a value
     * @throws InvalidStateException if it is not done yet
     * @throws CancelledException if it was cancelled
     */
    @Nullable Throwable exception();

    /**
     * Requests cancellation, without a message.
     *
     * @return {@code false} if it is already done, else {@code true}
     * @see #cancel(String)
     */
    boolean cancel();

    /**
     * Requests cancellation. A promise ends cancelled at once; a task gets a
     * {@link CancelledException} carrying {@code message} at its pending {@code await}.
     *
     * @param message the message of the {@link CancelledException}, or {@code null}
     * @return {@code false} if it is already done, else {@code true}
     */
    boolean cancel(@Nullable String message);

    /**
     * Adds a callback that the loop calls with this awaitable once it is done. Callbacks run in
     * registration order through the ready queue; added to a done awaitable, a callback is
     * scheduled at once.
     *
     * @param callback the callback
     * @throws WrongThreadException if called from a thread that is not this awaitable's loop
     */
    void addDoneCallback(Consumer<? super Awaitable<T>> callback);

    /**
     * Removes every registration of {@code callback}.
     *
     * @param callback the callback given to {@link #addDoneCallback}
     * @return whether any was removed
     * @throws WrongThreadException if called from a thread that is not this awaitable's loop
     */
    boolean removeDoneCallback(Consumer<? super Awaitable<T>> callback);

    /**
     * The loop this awaitable belongs to.
     *
     * @return the loop
     */
    EventLoop loop();
}
