package dev.reactiveawait;

import dev.reactiveawait.internal.Sneaky;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The asyncio vocabulary for code inside tasks: {@code run}, {@code createTask}, {@code await},
 * {@code sleep}, {@code gather}, {@code currentTask}, {@code timeout}, {@code waitFor},
 * {@code shield}, {@code wait}, {@code asCompleted}, {@code toThread} ({@link TaskGroup} has its own
 * class). Import it statically and write async code as plain imperative code:
 * {@snippet :
 * import static dev.reactiveawait.Async.*;
 *
 * List<Integer> results = run(() -> {
 *     List<Task<Integer>> jobs = new ArrayList<>();
 *     for (int i = 0; i < 10; i++) {
 *         int n = i;
 *         jobs.add(createTask(() -> { sleep(Duration.ofSeconds(n)); return n * n; }));
 *     }
 *     return await(gather(jobs)); // 9 s, not 45
 * });
 * }
 *
 * <dl>
 * <dt><b>Thread:</b></dt>
 * <dd>{@code await} inside a task suspends the task, not a platform thread: the loop runs other
 *     tasks meanwhile. On a plain thread that belongs to no loop, {@code await} blocks that thread
 *     (like {@code Mono.block()}); on a loop's thread outside a task (a callback, or the thread
 *     that runs the loop) it throws {@link IllegalStateException}, because it would deadlock.</dd>
 * <dt><b>Cancellation:</b></dt>
 * <dd>A cancelled task's pending {@code await} (or {@code sleep}) throws
 *     {@link CancelledException}.</dd>
 * </dl>
 *
 * @since 0.1
 */
public final class Async {
    private Async() {}

    // ---------------------------------------------------------------- run

    /**
     * Runs {@code main} as the main task of a new loop on the system clock, then closes the loop
     * (cancelling tasks left pending), like {@code asyncio.run}.
     *
     * @param main the main task's body
     * @param <T> the result type
     * @return what {@code main} returned
     * @throws IllegalStateException if called from inside a running loop
     */
    public static <T extends @Nullable Object> T run(Coroutine<T> main) {
        return run(LoopClock.system(), main);
    }

    /**
     * Runs {@code main} as the main task of a new loop on the system clock, then closes the loop.
     *
     * @param main the main task's body
     * @throws IllegalStateException if called from inside a running loop
     */
    public static void run(VoidCoroutine main) {
        Objects.requireNonNull(main, "main");
        run(LoopClock.system(), asCoroutine(main));
    }

    /**
     * Runs {@code main} on a new loop driven by {@code clock}; with {@link LoopClock#virtual()},
     * sleeps take no real time.
     *
     * @param clock the loop's clock
     * @param main the main task's body
     * @param <T> the result type
     * @return what {@code main} returned
     * @throws IllegalStateException if called from inside a running loop
     */
    public static <T extends @Nullable Object> T run(LoopClock clock, Coroutine<T> main) {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(main, "main");
        if (EventLoop.ofCurrentThread() != null) {
            throw new IllegalStateException("run() cannot be called from a running event loop: "
                    + "inside a task, use createTask() or await the work instead");
        }
        try (EventLoop loop = EventLoop.create(clock)) {
            return loop.runUntilComplete(main);
        }
    }

    /**
     * Runs {@code main} on a new loop driven by {@code clock}.
     *
     * @param clock the loop's clock
     * @param main the main task's body
     * @throws IllegalStateException if called from inside a running loop
     */
    public static void run(LoopClock clock, VoidCoroutine main) {
        Objects.requireNonNull(main, "main");
        run(clock, asCoroutine(main));
    }

    // ---------------------------------------------------------------- tasks

    /**
     * Schedules {@code body} as a new task of the running loop. Its first step runs after what is
     * already ready, not now.
     * {@snippet :
     * Task<Integer> t = createTask(() -> { sleep(Duration.ofSeconds(1)); return 1; });
     * }
     *
     * @param body the body
     * @param <T> the result type
     * @return the task
     * @throws IllegalStateException if no loop runs on this thread
     */
    public static <T extends @Nullable Object> Task<T> createTask(Coroutine<T> body) {
        return currentLoop().createTask(null, body);
    }

    /**
     * Schedules {@code body} as a new task of the running loop.
     *
     * @param body the body
     * @return the task, whose result is {@code null}
     * @throws IllegalStateException if no loop runs on this thread
     */
    public static Task<Void> createTask(VoidCoroutine body) {
        return currentLoop().createTask(null, asCoroutine(body));
    }

    /**
     * Schedules {@code body} as a new named task of the running loop.
     *
     * @param name the task's name
     * @param body the body
     * @param <T> the result type
     * @return the task
     * @throws IllegalStateException if no loop runs on this thread
     */
    public static <T extends @Nullable Object> Task<T> createTask(String name, Coroutine<T> body) {
        return currentLoop().createTask(Objects.requireNonNull(name, "name"), body);
    }

    /**
     * Schedules {@code body} as a new named task of the running loop.
     *
     * @param name the task's name
     * @param body the body
     * @return the task
     * @throws IllegalStateException if no loop runs on this thread
     */
    public static Task<Void> createTask(String name, VoidCoroutine body) {
        return currentLoop().createTask(Objects.requireNonNull(name, "name"), asCoroutine(body));
    }

    // ---------------------------------------------------------------- await

    /**
     * Waits for {@code awaitable} and returns its result. Inside a task, the task is suspended and
     * the loop runs other tasks; an awaitable that is already done returns at once, without
     * letting anything else run.
     * {@snippet :
     * int n = await(createTask(() -> 42));
     * }
     *
     * @param awaitable a task or promise
     * @param <T> the result type
     * @return its value
     * @throws CancelledException if the awaitable, or the awaiting task, was cancelled
     * @throws IllegalStateException if called on a loop's thread outside a task, or by a task on
     *     itself
     * @throws WrongThreadException if a task awaits an awaitable of another loop
     * @throws RuntimeException (or any checked exception, rethrown unchanged) the exception the
     *     awaitable ended with
     */
    public static <T extends @Nullable Object> T await(Awaitable<T> awaitable) {
        AbstractAwaitable<T> a = (AbstractAwaitable<T>) Objects.requireNonNull(awaitable, "awaitable");
        EventLoop loop = EventLoop.ofCurrentThread();
        if (loop == null) {
            return PlainThreadAwait.block(a);
        }
        return loop.await(requireTask(loop, "await"), a);
    }

    /**
     * Waits for a {@link CompletionStage} (a {@code CompletableFuture}, for instance) and returns its
     * value. An already completed {@code CompletableFuture} returns at once. Cancelling the awaiting
     * task cancels the stage if it is a {@link Future}; the stage's exception comes out unchanged
     * (unwrapped from {@link CompletionException}).
     * {@snippet :
     * String body = await(httpClient.sendAsync(request, BodyHandlers.ofString())).body();
     * }
     *
     * @param stage the stage
     * @param <T> the result type
     * @return its value
     * @throws CancelledException if the stage was cancelled, or the awaiting task was
     * @throws RuntimeException (or any checked exception, rethrown unchanged) the exception the
     *     stage ended with
     */
    public static <T extends @Nullable Object> T await(CompletionStage<T> stage) {
        Objects.requireNonNull(stage, "stage");
        if (isCompletedFuture(stage)) {
            return joinDone((CompletableFuture<T>) stage);
        }
        EventLoop loop = EventLoop.ofCurrentThread();
        if (loop == null) {
            CompletableFuture<T> f = stage.toCompletableFuture();
            try {
                return f.get();
            } catch (ExecutionException e) {
                throw Sneaky.raise(e.getCause() != null ? e.getCause() : e);
            } catch (CancellationException e) {
                throw cancelled(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                CancelledException c = new CancelledException("interrupted while blocked in await(" + stage + ")");
                c.initCause(e);
                throw c;
            }
        }
        Task<?> me = requireTask(loop, "await");
        if (stage instanceof SubmittedFuture<T> submitted && submitted.loop == loop) {
            return loop.await(me, submitted.mirror); // the loop completes it itself: no foreign wait
        }
        Promise<T> promise = Promise.foreign(loop, () -> cancelIfPossible(stage));
        stage.whenComplete((value, error) -> {
            if (error == null) {
                promise.trySucceed(value);
                return;
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof CancellationException ce) {
                promise.cancel(ce.getMessage());
            } else {
                promise.tryFail(cause);
            }
        });
        return loop.await(me, promise);
    }

    /** Whether {@code stage} is a completed {@code CompletableFuture} (minimal stages refuse to say). */
    private static boolean isCompletedFuture(CompletionStage<?> stage) {
        try {
            return stage instanceof CompletableFuture<?> f && f.isDone();
        } catch (UnsupportedOperationException minimalStage) {
            return false;
        }
    }

    private static void cancelIfPossible(CompletionStage<?> stage) {
        if (stage instanceof Future<?> f) {
            try {
                f.cancel(false);
            } catch (UnsupportedOperationException minimalStage) {
                // a minimal stage cannot be cancelled by its consumer; we only stop waiting for it
            }
        }
    }

    private static <T extends @Nullable Object> T joinDone(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            throw Sneaky.raise(e.getCause() != null ? e.getCause() : e);
        } catch (CancellationException e) {
            throw cancelled(e);
        }
    }

    private static CancelledException cancelled(CancellationException e) {
        CancelledException c = new CancelledException(e.getMessage());
        c.initCause(e);
        return c;
    }

    // ---------------------------------------------------------------- sleep

    /**
     * Suspends the current task for {@code delay} on the loop's clock. {@link Duration#ZERO} (or a
     * negative delay) yields once: every other ready step runs before the task resumes.
     * {@snippet :
     * sleep(Duration.ofSeconds(1));
     * sleep(Duration.ZERO); // let the others run
     * }
     *
     * @param delay how long
     * @throws CancelledException if the task is cancelled meanwhile
     * @throws IllegalStateException if not called inside a task
     */
    public static void sleep(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        EventLoop loop = EventLoop.ofCurrentThread();
        Task<?> me = requireTask(loop, "sleep");
        loop = me.loop;
        if (delay.isZero() || delay.isNegative()) {
            loop.yieldNow(me);
            return;
        }
        loop.sleepUntil(me, loop.deadline(delay));
    }

    // ---------------------------------------------------------------- gather

    /**
     * One awaitable for many: its value is the list of their values in argument order (not
     * completion order). The first failure (or cancellation) of a child fails the gather at once;
     * the other children keep running. Cancelling the gather cancels the children.
     * {@snippet :
     * List<Integer> both = await(gather(createTask(() -> 1), createTask(() -> 2))); // [1, 2]
     * }
     *
     * @param awaitables tasks and promises of the running loop (duplicates are awaited once)
     * @param <T> the common result type
     * @return an awaitable of the values
     * @throws IllegalStateException if no loop runs on this thread
     */
    @SafeVarargs
    public static <T extends @Nullable Object> Awaitable<List<T>> gather(Awaitable<? extends T>... awaitables) {
        Objects.requireNonNull(awaitables, "awaitables");
        List<Awaitable<?>> list = new java.util.ArrayList<>(awaitables.length);
        for (Awaitable<? extends T> a : awaitables) {
            list.add(a);
        }
        return Gather.of(currentLoop(), list, false);
    }

    /**
     * One awaitable for a collection of them; see {@link #gather(Awaitable[])}.
     *
     * @param awaitables tasks and promises of the running loop
     * @param <T> the common result type
     * @return an awaitable of the values, in iteration order
     * @throws IllegalStateException if no loop runs on this thread
     */
    public static <T extends @Nullable Object> Awaitable<List<T>> gather(
            Collection<? extends Awaitable<? extends T>> awaitables) {
        Objects.requireNonNull(awaitables, "awaitables");
        return Gather.of(currentLoop(), List.copyOf(awaitables), false);
    }

    /**
     * Like {@link #gather(Awaitable[])}, but waits for every child and reports each outcome
     * instead of failing (asyncio's {@code gather(..., return_exceptions=True)}); a cancelled
     * child is a {@link Outcome.Failure} holding a {@link CancelledException}.
     * {@snippet :
     * List<Outcome<Integer>> all = await(gatherSettled(ok, failing));
     * }
     *
     * @param awaitables tasks and promises of the running loop
     * @param <T> the common result type
     * @return an awaitable of the outcomes in argument order
     * @throws IllegalStateException if no loop runs on this thread
     */
    @SafeVarargs
    public static <T extends @Nullable Object> Awaitable<List<Outcome<T>>> gatherSettled(
            Awaitable<? extends T>... awaitables) {
        Objects.requireNonNull(awaitables, "awaitables");
        List<Awaitable<?>> list = new java.util.ArrayList<>(awaitables.length);
        for (Awaitable<? extends T> a : awaitables) {
            list.add(a);
        }
        return Gather.of(currentLoop(), list, true);
    }

    /**
     * Like {@link #gather(Collection)}, reporting each outcome; see {@link #gatherSettled(Awaitable[])}.
     *
     * @param awaitables tasks and promises of the running loop
     * @param <T> the common result type
     * @return an awaitable of the outcomes in iteration order
     * @throws IllegalStateException if no loop runs on this thread
     */
    public static <T extends @Nullable Object> Awaitable<List<Outcome<T>>> gatherSettled(
            Collection<? extends Awaitable<? extends T>> awaitables) {
        Objects.requireNonNull(awaitables, "awaitables");
        return Gather.of(currentLoop(), List.copyOf(awaitables), true);
    }

    // ---------------------------------------------------------------- timeouts

    /**
     * Opens a {@link Timeout} scope for try-with-resources: the current task is cancelled once
     * {@code delay} has passed (asyncio's {@code async with timeout(delay)}). In this form an
     * expiry comes out of the block as the body's {@link CancelledException} (Java does not let
     * {@code close()} replace it; check {@link Timeout#expired()}); prefer
     * {@link #timeout(Duration, Coroutine)}, which throws {@link TimeoutException} as asyncio does.
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Inside a task; close it in the same task.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>Expiry cancels the task (a counted request, taken back when the scope closes), so its
     *     pending {@code await}, and what that awaits, is cancelled.</dd>
     * </dl>
     * {@snippet :
     * try (Timeout t = timeout(Duration.ofSeconds(5))) {
     *     await(step1());
     *     t.reschedule(t.when() + Duration.ofSeconds(5).toNanos()); // more time for step 2
     *     await(step2());
     * }
     * }
     *
     * @param delay the time allowed, on the loop's clock; zero or negative fires at the next suspension
     * @return the entered scope
     * @throws IllegalStateException if not called inside a task
     */
    public static Timeout timeout(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        Task<?> me = requireTask(EventLoop.ofCurrentThread(), "timeout");
        return new Timeout(me, me.loop.deadline(delay));
    }

    /**
     * Opens a {@link Timeout} scope for try-with-resources with an absolute deadline (asyncio's
     * {@code timeout_at}); see {@link #timeout(Duration)} for this form's limitation.
     * {@snippet :
     * long deadline = currentLoop().time() + Duration.ofSeconds(30).toNanos();
     * try (Timeout t = timeoutAt(deadline)) {
     *     await(handshake());
     * }
     * }
     *
     * @param deadlineNanos the deadline on the loop's clock ({@link EventLoop#time()}), or
     *     {@link Timeout#NEVER}
     * @return the entered scope
     * @throws IllegalStateException if not called inside a task
     */
    public static Timeout timeoutAt(long deadlineNanos) {
        return new Timeout(requireTask(EventLoop.ofCurrentThread(), "timeoutAt"), deadlineNanos);
    }

    /**
     * Runs {@code body} in the current task with a time limit, and returns its result (asyncio's
     * {@code async with timeout(delay): return await ...}). On expiry the task is cancelled; if the
     * body then ends with the {@link CancelledException}, it becomes a {@link TimeoutException},
     * unless somebody else cancelled the task too (then the cancellation propagates).
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Runs {@code body} on the calling task, inside a task only.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>Expiry cancels what the body awaits; the body's {@code finally} blocks run before the
     *     {@link TimeoutException} is thrown. The request is counted and taken back
     *     ({@link Task#uncancel()}), so a task that swallowed an earlier cancel still times out.</dd>
     * </dl>
     * {@snippet :
     * try {
     *     String body = timeout(Duration.ofSeconds(2), () -> await(fetch(url)));
     * } catch (TimeoutException e) {
     *     // the fetch was cancelled and has cleaned up
     * }
     * }
     *
     * @param delay the time allowed, on the loop's clock
     * @param body the code to limit
     * @param <T> the type of the result
     * @return what {@code body} returned
     * @throws TimeoutException if the deadline passed and cut the body short
     * @throws CancelledException if the task was cancelled by someone else
     * @throws IllegalStateException if not called inside a task
     */
    public static <T extends @Nullable Object> T timeout(Duration delay, Coroutine<T> body) throws TimeoutException {
        Objects.requireNonNull(body, "body");
        return timeout(delay).run(body);
    }

    /**
     * Runs {@code body} in the current task with a time limit; see
     * {@link #timeout(Duration, Coroutine)}.
     * {@snippet :
     * timeout(Duration.ofSeconds(1), () -> sleep(Duration.ofSeconds(5))); // TimeoutException after 1 s
     * }
     *
     * @param delay the time allowed, on the loop's clock
     * @param body the code to limit
     * @throws TimeoutException if the deadline passed and cut the body short
     * @throws CancelledException if the task was cancelled by someone else
     * @throws IllegalStateException if not called inside a task
     */
    public static void timeout(Duration delay, VoidCoroutine body) throws TimeoutException {
        timeout(delay, asCoroutine(body));
    }

    /**
     * Runs {@code body} in the current task until an absolute deadline (asyncio's
     * {@code timeout_at}); see {@link #timeout(Duration, Coroutine)}.
     * {@snippet :
     * long deadline = currentLoop().time() + Duration.ofSeconds(10).toNanos();
     * String a = timeoutAt(deadline, () -> await(fetch(first)));
     * String b = timeoutAt(deadline, () -> await(fetch(second))); // what is left of the 10 s
     * }
     *
     * @param deadlineNanos the deadline on the loop's clock, or {@link Timeout#NEVER}
     * @param body the code to limit
     * @param <T> the type of the result
     * @return what {@code body} returned
     * @throws TimeoutException if the deadline passed and cut the body short
     * @throws CancelledException if the task was cancelled by someone else
     * @throws IllegalStateException if not called inside a task
     */
    public static <T extends @Nullable Object> T timeoutAt(long deadlineNanos, Coroutine<T> body)
            throws TimeoutException {
        Objects.requireNonNull(body, "body");
        return timeoutAt(deadlineNanos).run(body);
    }

    /**
     * Runs {@code body} in the current task until an absolute deadline; see
     * {@link #timeout(Duration, Coroutine)}.
     * {@snippet :
     * timeoutAt(deadline, () -> await(flush()));
     * }
     *
     * @param deadlineNanos the deadline on the loop's clock, or {@link Timeout#NEVER}
     * @param body the code to limit
     * @throws TimeoutException if the deadline passed and cut the body short
     * @throws CancelledException if the task was cancelled by someone else
     * @throws IllegalStateException if not called inside a task
     */
    public static void timeoutAt(long deadlineNanos, VoidCoroutine body) throws TimeoutException {
        timeoutAt(deadlineNanos, asCoroutine(body));
    }

    /**
     * Waits for {@code awaitable} for at most {@code timeout} (asyncio 3.11's {@code wait_for}). On
     * timeout it cancels the awaitable and <em>waits until it has finished</em> (its cleanup ran)
     * before throwing {@link TimeoutException}; if the awaitable answers the cancellation with a
     * value or an exception, that is returned or thrown instead.
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Inside a task.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>Cancelling the waiting task cancels the awaitable too, and waits for it before the
     *     {@link CancelledException} propagates. To time out without cancelling it, wrap it in
     *     {@link #shield}.</dd>
     * </dl>
     * {@snippet :
     * Task<String> fetch = createTask(() -> download(url));
     * String page = waitFor(fetch, Duration.ofSeconds(3));
     * }
     *
     * @param awaitable a task or promise of the running loop
     * @param timeout the time allowed; {@code null} waits without limit, zero or negative only
     *     takes a result that is already there
     * @param <T> the type of the result
     * @return the awaitable's result
     * @throws TimeoutException if it did not complete in time (it has been cancelled and is done)
     * @throws CancelledException if the waiting task was cancelled
     * @throws IllegalStateException if not called inside a task
     * @throws WrongThreadException for an awaitable of another loop
     * @throws RuntimeException (or any checked exception, rethrown unchanged) the awaitable's exception
     */
    public static <T extends @Nullable Object> T waitFor(Awaitable<T> awaitable, @Nullable Duration timeout)
            throws TimeoutException {
        Objects.requireNonNull(awaitable, "awaitable");
        return WaitFor.waitFor(requireTask(EventLoop.ofCurrentThread(), "waitFor"),
                (AbstractAwaitable<T>) awaitable, timeout);
    }

    // ---------------------------------------------------------------- shield, wait, asCompleted

    /**
     * Protects {@code awaitable} from the cancellation of whoever awaits it (asyncio's
     * {@code shield}): returns an awaitable with the same outcome; cancelling that one (typically
     * by cancelling the task awaiting it) leaves {@code awaitable} running.
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>On the loop (a task or a callback).</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>The awaiting task still gets its {@link CancelledException}; the inner work goes on
     *     (keep a reference to it to collect its result). Cancelling the inner awaitable itself
     *     cancels the shield.</dd>
     * </dl>
     * {@snippet :
     * Task<Void> save = createTask(() -> saveToDisk(doc));
     * await(shield(save)); // our cancellation does not interrupt the save
     * }
     *
     * @param awaitable a task or promise
     * @param <T> the type of the result
     * @return {@code awaitable} itself if it is done, else a promise mirroring it
     * @throws WrongThreadException if called from another thread while the loop runs
     */
    public static <T extends @Nullable Object> Awaitable<T> shield(Awaitable<T> awaitable) {
        AbstractAwaitable<T> inner = (AbstractAwaitable<T>) Objects.requireNonNull(awaitable, "awaitable");
        inner.loop.checkThread("shield");
        return Shield.shield(inner);
    }

    /**
     * Waits until some or all of {@code awaitables} are done, or until {@code timeout}, and says
     * which are done (asyncio's {@code wait}). It throws neither their exceptions nor on timeout,
     * and cancels nothing: look at the returned sets. Call it as {@code Async.wait(...)}: inside a
     * class, {@code Object.wait} hides a static import of this name.
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Inside a task.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>Cancelling the waiting task throws {@link CancelledException} and leaves the awaitables
     *     alone.</dd>
     * </dl>
     * {@snippet :
     * WaitResult<Task<String>> r = Async.wait(List.of(a, b, c), ReturnWhen.FIRST_COMPLETED, null);
     * Task<String> winner = r.done().iterator().next();
     * r.pending().forEach(Task::cancel);
     * }
     *
     * @param awaitables tasks and promises of the running loop, at least one (duplicates count once)
     * @param returnWhen when to return
     * @param timeout the longest wait, or {@code null} for no limit
     * @param <A> the type of the awaitables
     * @return the done and pending awaitables, each set in the order of {@code awaitables}
     * @throws IllegalArgumentException if {@code awaitables} is empty
     * @throws CancelledException if the waiting task was cancelled
     * @throws IllegalStateException if not called inside a task
     * @throws WrongThreadException for an awaitable of another loop
     */
    public static <A extends Awaitable<?>> WaitResult<A> wait(
            Collection<A> awaitables, ReturnWhen returnWhen, @Nullable Duration timeout) {
        Objects.requireNonNull(awaitables, "awaitables");
        return Wait.wait(requireTask(EventLoop.ofCurrentThread(), "wait"), awaitables, returnWhen, timeout);
    }

    /**
     * The awaitables in the order they complete (asyncio's {@code as_completed}): an
     * {@link Iterable} whose {@code next()} suspends the task until the next one is done and
     * returns it. Iteration starts the timeout; once it expires, each remaining {@code next()}
     * throws {@link TimeoutException} (unchecked here, like every exception {@code await} rethrows:
     * catch {@code Exception} or let it leave the task). The iterable can be iterated once.
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Iterate inside a task.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>Cancelling the iterating task throws {@link CancelledException} from {@code next()}; the
     *     awaitables are not cancelled, nor by the timeout.</dd>
     * </dl>
     * {@snippet :
     * for (Task<String> done : asCompleted(downloads, Duration.ofSeconds(30))) {
     *     System.out.println(done.result()); // the fastest first
     * }
     * }
     *
     * @param awaitables tasks and promises of the running loop (duplicates count once)
     * @param timeout the longest time for all of them, from the start of the iteration, or
     *     {@code null} for no limit
     * @param <A> the type of the awaitables
     * @return a one-shot iterable yielding each awaitable once it is done
     * @throws IllegalStateException if no loop runs on this thread
     * @throws WrongThreadException for an awaitable of another loop
     */
    public static <A extends Awaitable<?>> Iterable<A> asCompleted(Collection<A> awaitables, @Nullable Duration timeout) {
        Objects.requireNonNull(awaitables, "awaitables");
        return new AsCompleted<>(currentLoop(), awaitables, timeout);
    }

    // ---------------------------------------------------------------- threads

    /**
     * Runs blocking {@code work} on a thread of the default executor and waits for it without
     * blocking the loop (asyncio's {@code to_thread}). The work sees the task's
     * {@link TaskLocal} values (a copy: what it sets stays on its side). The default executor has
     * at most {@code min(32, cores + 4)} daemon platform threads, as asyncio's.
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Call inside a task; {@code work} runs on a worker thread, the task resumes on the loop.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>Cancelling the task throws {@link CancelledException} at once. Work not yet started is
     *     skipped; work already running is not interrupted and runs to its end; its result is
     *     dropped (a failure is logged). On a virtual clock, time stands still while work runs.</dd>
     * </dl>
     * {@snippet :
     * byte[] data = toThread(() -> Files.readAllBytes(path));
     * }
     *
     * @param work the blocking work
     * @param <T> the type of the result
     * @return what {@code work} returned
     * @throws CancelledException if the task was cancelled meanwhile
     * @throws IllegalStateException if not called inside a task
     * @throws RuntimeException (or any checked exception, rethrown unchanged) what {@code work} threw
     */
    public static <T extends @Nullable Object> T toThread(Callable<T> work) {
        return runInExecutor(ToThread.defaultExecutor(), work);
    }

    /**
     * Runs blocking {@code work} on {@code executor} and waits for it without blocking the loop
     * (asyncio's {@code run_in_executor}). Like {@link #toThread}, the work sees the task's
     * {@link TaskLocal} values (asyncio's {@code run_in_executor} does not copy the context; we do,
     * for every executor).
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Call inside a task; {@code work} runs where {@code executor} runs it.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>As {@link #toThread}: delivered at once; running work finishes and its result is dropped.</dd>
     * </dl>
     * {@snippet :
     * ExecutorService cpu = Executors.newFixedThreadPool(4);
     * BigInteger p = runInExecutor(cpu, () -> BigInteger.probablePrime(4096, random));
     * }
     *
     * @param executor where to run it
     * @param work the blocking work
     * @param <T> the type of the result
     * @return what {@code work} returned
     * @throws CancelledException if the task was cancelled meanwhile
     * @throws IllegalStateException if not called inside a task
     * @throws java.util.concurrent.RejectedExecutionException if {@code executor} refuses the work
     * @throws RuntimeException (or any checked exception, rethrown unchanged) what {@code work} threw
     */
    public static <T extends @Nullable Object> T runInExecutor(Executor executor, Callable<T> work) {
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(work, "work");
        return ToThread.run(requireTask(EventLoop.ofCurrentThread(), "toThread"), executor, work);
    }

    // ---------------------------------------------------------------- introspection

    /**
     * The task whose code is running, or {@code null} in a callback or outside any loop.
     *
     * @return the current task
     */
    public static @Nullable Task<?> currentTask() {
        EventLoop loop = EventLoop.ofCurrentThread();
        return loop == null ? null : loop.current;
    }

    /**
     * The pending tasks of the running loop.
     *
     * @return a snapshot, in creation order
     * @throws IllegalStateException if no loop runs on this thread
     */
    public static Set<Task<?>> allTasks() {
        return currentLoop().allTasks();
    }

    /**
     * The loop running the calling code (a task or a callback).
     *
     * @return the loop
     * @throws IllegalStateException if no loop runs on this thread
     */
    public static EventLoop currentLoop() {
        EventLoop loop = EventLoop.ofCurrentThread();
        if (loop != null) {
            return loop;
        }
        throw new IllegalStateException("no running event loop on thread \"" + Thread.currentThread().getName()
                + "\": call this inside a task (Async.run(...) starts one)");
    }

    // ---------------------------------------------------------------- helpers

    static Coroutine<@Nullable Void> asCoroutine(VoidCoroutine body) {
        Objects.requireNonNull(body, "body");
        return () -> {
            body.run();
            return null;
        };
    }

    static Task<?> requireTask(@Nullable EventLoop loop, String what) {
        Task<?> current = loop == null ? null : loop.current;
        if (current != null) {
            return current;
        }
        if (loop == null) {
            throw new IllegalStateException(what + "() outside any event loop: call it inside a task");
        }
        throw new IllegalStateException(what + "() called on the event loop's thread outside a task "
                + "(in a callback, or on the thread running the loop): it would deadlock the loop; "
                + "create a task with createTask(...) and " + what + " inside it");
    }
}
