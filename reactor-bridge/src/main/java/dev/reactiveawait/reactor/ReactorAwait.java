package dev.reactiveawait.reactor;

import dev.reactiveawait.Async;
import dev.reactiveawait.Coroutine;
import dev.reactiveawait.Task;
import dev.reactiveawait.VoidCoroutine;
import dev.reactiveawait.internal.Sneaky;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import reactor.core.Exceptions;
import reactor.core.Fuseable;
import reactor.core.publisher.Mono;
import reactor.util.concurrent.Queues;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Awaiting Project Reactor inside tasks: a {@code Mono}'s value, the first, last, single or all
 * items of a {@code Flux} (any {@link Publisher}), and iteration with backpressure. Import it
 * statically beside {@link Async}; {@code await(...)} then reads the same for tasks, promises and
 * Monos.
 * {@snippet :
 * import static dev.reactiveawait.Async.*;
 * import static dev.reactiveawait.reactor.ReactorAwait.*;
 *
 * User user = await(userRepository.findById(id));    // suspends the task, not a thread
 * List<Order> recent = awaitList(orders.recent(user)); // all items of a Flux
 * }
 *
 * <p>Semantics shared by every method here, settled by Kotlin's {@code kotlinx-coroutines-reactive}
 * and what its users learned:
 * <ul>
 * <li>Each call subscribes once. The task's Reactor {@link Context} (see {@link #context()}) is the
 *     subscriber context, so {@code Mono.deferContextual} and tracing see it.</li>
 * <li>A {@code Mono} is awaited to its terminal signal and never cancelled after its value: a
 *     transactional Mono cancelled after onNext would roll back its commit.</li>
 * <li>"Empty" and "more than one item" are distinct outcomes, never blurred: the {@code Optional}
 *     and default variants answer "empty" only.</li>
 * <li>The source's error is thrown unchanged, checked or not.</li>
 * <li>Signals that arrive after the subscription was cancelled go to Reactor's hooks
 *     ({@code Operators.onNextDropped}, {@code Operators.onErrorDropped}, the discard hook) with
 *     the subscriber's context: never lost, never thrown into unrelated code.</li>
 * <li>A publisher that breaks the Reactive Streams rules gets an error naming the rule, and never
 *     hangs the await: {@code onNext(null)} ends it with a {@link NullPointerException} (also thrown
 *     back to the publisher, rule 2.13); a signal before {@code onSubscribe}, or a
 *     {@code request} that throws, with an {@link IllegalStateException} (rules 1.9, 3.16); more
 *     items than requested end an iteration with Reactor's overflow error (rule 1.1). The
 *     subscription is cancelled in each case. A second {@code onSubscribe} (rule 2.12), signals
 *     after the terminal one (rule 1.7) and a {@code cancel} that throws (rule 3.15) go to
 *     {@code Operators.onErrorDropped}/{@code onNextDropped}; a second {@code onComplete} is
 *     ignored, as Reactor ignores it.</li>
 * </ul>
 *
 * <dl>
 * <dt><b>Thread:</b></dt>
 * <dd>Inside a task, waiting suspends the task and the loop runs others; the value is returned on
 *     the task, whatever thread the source signalled on. A sequence that ends during
 *     {@code subscribe()} (a {@code Mono.just}, a cached value) returns at once, without
 *     suspending. On a plain thread that belongs to no loop, these methods block that thread,
 *     like {@code block()}. On an event loop's thread outside a task (a callback), or on a thread
 *     Reactor marks non-blocking, they throw {@link IllegalStateException} instead of
 *     deadlocking.</dd>
 * <dt><b>Cancellation:</b></dt>
 * <dd>Cancelling the awaiting task cancels the subscription at once; the pending call throws
 *     {@link dev.reactiveawait.CancelledException}. On a plain thread, an interrupt does the same
 *     (the interrupt flag stays set).</dd>
 * </dl>
 *
 * @since 0.1
 */
public final class ReactorAwait {
    private ReactorAwait() {}

    // ---------------------------------------------------------------- Mono

    /**
     * Waits for a {@code Mono} and returns its value, or {@code null} if it completed empty (as
     * {@code block()} does; {@link #awaitOptional} says it with a type). Requests everything and
     * returns at the terminal signal: after {@code onNext}, it waits for {@code onComplete} and
     * never cancels.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Suspends the task (a plain thread blocks) until the Mono ends. {@code Mono.just},
     *     {@code Mono.empty} and {@code Mono.error} are read without subscribing; a Mono that ends
     *     during {@code subscribe()} returns without suspending.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>Cancelling the task cancels the subscription at once and this call throws
     *     {@link dev.reactiveawait.CancelledException}; a value that arrived but was not yet
     *     returned goes to the discard hook, a late error to {@code Operators.onErrorDropped}.</dd>
     * </dl>
     * {@snippet :
     * User user = await(userRepository.findById(id));
     * if (user == null) {
     *     throw new UserNotFound(id);
     * }
     * }
     *
     * @param mono the Mono, subscribed once by this call
     * @param <T> the type of the value
     * @return the value, or {@code null} if the Mono completed without one
     * @throws dev.reactiveawait.CancelledException if the awaiting task was cancelled (or the
     *     blocked plain thread interrupted)
     * @throws IllegalStateException if the Mono emitted two values, or if called on an event loop's
     *     thread outside a task, or outside a task on a thread Reactor marks non-blocking
     * @throws RuntimeException (or any checked exception, rethrown unchanged) the Mono's error
     */
    public static <T> @Nullable T await(Mono<T> mono) {
        Objects.requireNonNull(mono, "mono");
        if (mono instanceof Fuseable.ScalarCallable<?> scalar) {
            return callScalar(scalar);
        }
        Task<?> task = Caller.taskOrBlockingThread("await");
        return subscribeAndAwait(mono, new MonoAwaiter<T>(subscriberContext(), "await", mono), task);
    }

    /**
     * Waits for a {@code Mono} and returns its value, or {@link Optional#empty()} if it completed
     * empty; otherwise exactly {@link #await(Mono)}.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>As {@link #await(Mono)}.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>As {@link #await(Mono)}.</dd>
     * </dl>
     * {@snippet :
     * String name = awaitOptional(cache.get(key)).orElse("unknown");
     * }
     *
     * @param mono the Mono, subscribed once by this call
     * @param <T> the type of the value
     * @return the value, or empty if the Mono completed without one
     * @throws dev.reactiveawait.CancelledException if the awaiting task was cancelled
     * @throws IllegalStateException as {@link #await(Mono)}
     * @throws RuntimeException (or any checked exception, rethrown unchanged) the Mono's error
     */
    public static <T> Optional<T> awaitOptional(Mono<T> mono) {
        return Optional.ofNullable(await(mono));
    }

    // ---------------------------------------------------------------- first

    /**
     * Waits for the first item of a sequence: requests one item, and cancels the subscription as
     * soon as it arrives, without waiting for a completion. For a {@code Mono}, it waits for the
     * terminal signal and never cancels, as {@link #await(Mono)} does.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Suspends the task (a plain thread blocks) until the first item or the end.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>Cancels the subscription after the first item; items the source sends anyway go to
     *     {@code Operators.onNextDropped}. Cancelling the task cancels the subscription and this
     *     call throws {@link dev.reactiveawait.CancelledException}.</dd>
     * </dl>
     * {@snippet :
     * Price best = awaitFirst(quotes.stream(symbol));
     * }
     *
     * @param source the sequence, subscribed once by this call
     * @param <T> the type of the items
     * @return the first item
     * @throws NoSuchElementException if the sequence completed without any item
     * @throws dev.reactiveawait.CancelledException if the awaiting task was cancelled
     * @throws IllegalStateException if called on an event loop's thread outside a task, or outside
     *     a task on a thread Reactor marks non-blocking
     * @throws RuntimeException (or any checked exception, rethrown unchanged) the source's error
     */
    public static <T> T awaitFirst(Publisher<T> source) {
        T item = first(source, "awaitFirst");
        if (item == null) {
            throw noItem("awaitFirst", source, "awaitFirstOptional or awaitFirstOrDefault");
        }
        return item;
    }

    /**
     * Waits for the first item of a sequence, or returns {@code defaultValue} if it completes
     * empty; otherwise exactly {@link #awaitFirst}.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>As {@link #awaitFirst}.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>As {@link #awaitFirst}.</dd>
     * </dl>
     * {@snippet :
     * Settings settings = awaitFirstOrDefault(settingsStream, Settings.DEFAULTS);
     * }
     *
     * @param source the sequence, subscribed once by this call
     * @param defaultValue the answer for an empty sequence
     * @param <T> the type of the items
     * @return the first item, or {@code defaultValue}
     * @throws dev.reactiveawait.CancelledException if the awaiting task was cancelled
     * @throws IllegalStateException as {@link #awaitFirst}
     * @throws RuntimeException (or any checked exception, rethrown unchanged) the source's error
     */
    public static <T> T awaitFirstOrDefault(Publisher<T> source, T defaultValue) {
        Objects.requireNonNull(defaultValue, "defaultValue");
        T item = first(source, "awaitFirstOrDefault");
        return item != null ? item : defaultValue;
    }

    /**
     * Waits for the first item of a sequence, or returns {@link Optional#empty()} if it completes
     * empty; otherwise exactly {@link #awaitFirst}.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>As {@link #awaitFirst}.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>As {@link #awaitFirst}.</dd>
     * </dl>
     * {@snippet :
     * Optional<Job> job = awaitFirstOptional(queue.poll());
     * }
     *
     * @param source the sequence, subscribed once by this call
     * @param <T> the type of the items
     * @return the first item, or empty
     * @throws dev.reactiveawait.CancelledException if the awaiting task was cancelled
     * @throws IllegalStateException as {@link #awaitFirst}
     * @throws RuntimeException (or any checked exception, rethrown unchanged) the source's error
     */
    public static <T> Optional<T> awaitFirstOptional(Publisher<T> source) {
        return Optional.ofNullable(first(source, "awaitFirstOptional"));
    }

    // ---------------------------------------------------------------- last

    /**
     * Waits for a sequence to complete and returns its last item. Requests everything; earlier
     * items go to the discard hook as they are replaced, as Reactor's {@code last()} does.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Suspends the task (a plain thread blocks) until the sequence ends.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>Never cancels the source by itself. Cancelling the task cancels the subscription and
     *     this call throws {@link dev.reactiveawait.CancelledException}.</dd>
     * </dl>
     * {@snippet :
     * Progress done = awaitLast(upload.progress());
     * }
     *
     * @param source the sequence, subscribed once by this call
     * @param <T> the type of the items
     * @return the last item
     * @throws NoSuchElementException if the sequence completed without any item
     * @throws dev.reactiveawait.CancelledException if the awaiting task was cancelled
     * @throws IllegalStateException if called on an event loop's thread outside a task, or outside
     *     a task on a thread Reactor marks non-blocking
     * @throws RuntimeException (or any checked exception, rethrown unchanged) the source's error
     */
    public static <T> T awaitLast(Publisher<T> source) {
        T item = last(source, "awaitLast");
        if (item == null) {
            throw noItem("awaitLast", source, "awaitLastOptional");
        }
        return item;
    }

    /**
     * Waits for a sequence to complete and returns its last item, or {@link Optional#empty()} if
     * it had none; otherwise exactly {@link #awaitLast}.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>As {@link #awaitLast}.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>As {@link #awaitLast}.</dd>
     * </dl>
     * {@snippet :
     * Optional<Event> latest = awaitLastOptional(events.replay(since));
     * }
     *
     * @param source the sequence, subscribed once by this call
     * @param <T> the type of the items
     * @return the last item, or empty
     * @throws dev.reactiveawait.CancelledException if the awaiting task was cancelled
     * @throws IllegalStateException as {@link #awaitLast}
     * @throws RuntimeException (or any checked exception, rethrown unchanged) the source's error
     */
    public static <T> Optional<T> awaitLastOptional(Publisher<T> source) {
        return Optional.ofNullable(last(source, "awaitLastOptional"));
    }

    // ---------------------------------------------------------------- single

    /**
     * Waits for the only item of a sequence. Requests everything, returns at completion, and fails
     * fast at a second item: the subscription is cancelled at once.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Suspends the task (a plain thread blocks) until the sequence ends or sends a second
     *     item.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>Cancels the source at a second item. Cancelling the task cancels the subscription and
     *     this call throws {@link dev.reactiveawait.CancelledException}.</dd>
     * </dl>
     * {@snippet :
     * Account account = awaitSingle(accounts.findByEmail(email)); // exactly one, or an error
     * }
     *
     * @param source the sequence, subscribed once by this call
     * @param <T> the type of the items
     * @return the only item
     * @throws NoSuchElementException if the sequence completed without any item
     * @throws IllegalArgumentException if the sequence emitted more than one item
     * @throws dev.reactiveawait.CancelledException if the awaiting task was cancelled
     * @throws IllegalStateException if called on an event loop's thread outside a task, or outside
     *     a task on a thread Reactor marks non-blocking
     * @throws RuntimeException (or any checked exception, rethrown unchanged) the source's error
     */
    public static <T> T awaitSingle(Publisher<T> source) {
        T item = single(source, "awaitSingle");
        if (item == null) {
            throw noItem("awaitSingle", source, "awaitSingleOptional");
        }
        return item;
    }

    /**
     * Waits for the only item of a sequence, or returns {@link Optional#empty()} if it had none. A
     * second item is still an error: "empty" and "too many" are different answers.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>As {@link #awaitSingle}.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>As {@link #awaitSingle}.</dd>
     * </dl>
     * {@snippet :
     * Optional<Account> account = awaitSingleOptional(accounts.findByEmail(email));
     * }
     *
     * @param source the sequence, subscribed once by this call
     * @param <T> the type of the items
     * @return the only item, or empty
     * @throws IllegalArgumentException if the sequence emitted more than one item
     * @throws dev.reactiveawait.CancelledException if the awaiting task was cancelled
     * @throws IllegalStateException as {@link #awaitSingle}
     * @throws RuntimeException (or any checked exception, rethrown unchanged) the source's error
     */
    public static <T> Optional<T> awaitSingleOptional(Publisher<T> source) {
        return Optional.ofNullable(single(source, "awaitSingleOptional"));
    }

    // ---------------------------------------------------------------- all

    /**
     * Waits for a sequence to complete and returns all its items, in order. Requests everything:
     * for long or endless sequences, use {@link #iterate(Publisher)}.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Suspends the task (a plain thread blocks) until the sequence ends.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>Never cancels the source by itself. Cancelling the task cancels the subscription and
     *     this call throws {@link dev.reactiveawait.CancelledException}; the items gathered so far
     *     go to the discard hook if the source signals again.</dd>
     * </dl>
     * {@snippet :
     * List<Order> orders = awaitList(orderRepository.findByCustomer(id));
     * }
     *
     * @param source the sequence, subscribed once by this call
     * @param <T> the type of the items
     * @return a new mutable list of the items, empty if there were none
     * @throws dev.reactiveawait.CancelledException if the awaiting task was cancelled
     * @throws IllegalStateException if called on an event loop's thread outside a task, or outside
     *     a task on a thread Reactor marks non-blocking
     * @throws RuntimeException (or any checked exception, rethrown unchanged) the source's error
     */
    public static <T> List<T> awaitList(Publisher<T> source) {
        Objects.requireNonNull(source, "source");
        if (source instanceof Fuseable.ScalarCallable<?> scalar) {
            T item = callScalar(scalar);
            List<T> items = new java.util.ArrayList<>(1);
            if (item != null) {
                items.add(item);
            }
            return items;
        }
        Task<?> task = Caller.taskOrBlockingThread("awaitList");
        return Objects.requireNonNull(
                subscribeAndAwait(source, new ListAwaiter<T>(subscriberContext(), "awaitList", source), task));
    }

    // ---------------------------------------------------------------- iteration

    /**
     * The items of a sequence as a {@code for} loop, with backpressure: 256 items are requested,
     * then 192 more each time 192 were taken. See {@link FluxIteration}.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>{@code hasNext()} suspends the task while no item is buffered; items emitted
     *     synchronously (inside {@code request}) are taken without any suspension. Outside a task,
     *     on a plain thread, it blocks that thread (like {@code toIterable()}).</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>{@code break}, {@code return} or an exception inside try-with-resources cancels the
     *     subscription ({@code close()}); so does cancelling the task while it waits for an item,
     *     and the end of the task that iterates without closing.</dd>
     * <dt><b>Hot/cold:</b></dt>
     * <dd>Subscribes at {@code iterator()}, once.</dd>
     * </dl>
     * {@snippet :
     * try (var lines = iterate(logService.tail(file))) {
     *     for (String line : lines) {
     *         if (line.contains("READY")) break; // cancels the Flux
     *     }
     * }
     * }
     *
     * @param source the sequence, subscribed by the iteration's {@code iterator()}
     * @param <T> the type of the items
     * @return the iteration, to use in try-with-resources
     */
    public static <T> FluxIteration<T> iterate(Publisher<T> source) {
        return iterate(source, Queues.SMALL_BUFFER_SIZE);
    }

    /**
     * The items of a sequence as a {@code for} loop, requesting {@code prefetch} items at first and
     * 75% of {@code prefetch} each time that many were taken; see {@link #iterate(Publisher)}.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>As {@link #iterate(Publisher)}.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>As {@link #iterate(Publisher)}.</dd>
     * </dl>
     * {@snippet :
     * try (var rows = iterate(database.query(sql), 32)) { // 32, then 24 at a time
     *     for (Row row : rows) {
     *         write(row);
     *     }
     * }
     * }
     *
     * @param source the sequence, subscribed by the iteration's {@code iterator()}
     * @param prefetch how many items to request and buffer; {@link Integer#MAX_VALUE} requests
     *     everything at once (an unbounded buffer)
     * @param <T> the type of the items
     * @return the iteration, to use in try-with-resources
     * @throws IllegalArgumentException if {@code prefetch} is less than 1
     */
    public static <T> FluxIteration<T> iterate(Publisher<T> source, int prefetch) {
        Objects.requireNonNull(source, "source");
        if (prefetch < 1) {
            throw new IllegalArgumentException("prefetch must be at least 1, was " + prefetch);
        }
        return new FluxIteration<>(source, prefetch);
    }

    // ---------------------------------------------------------------- context

    /**
     * The current task's Reactor context: the subscriber context of every sequence the task
     * awaits. Inside a {@code mono}/{@code flux} body it is the subscriber's context; a child task
     * starts with its parent's.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Reads the calling task's value; outside a task, {@link Context#empty()}.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>Not applicable.</dd>
     * </dl>
     * {@snippet :
     * String traceId = context().getOrDefault("traceId", "none");
     * }
     *
     * @return the context, never {@code null}
     */
    public static ContextView context() {
        return ReactorContext.current();
    }

    /**
     * Runs {@code body} with {@code context} added to the task's Reactor context (as
     * {@code contextWrite} adds to a subscriber's), then restores the previous context. Sequences
     * awaited inside see the entries; so do tasks created inside.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Runs {@code body} on the calling task, at once.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>Not affected; the previous context is restored however {@code body} ends.</dd>
     * </dl>
     * {@snippet :
     * Invoice invoice = withContext(Context.of("traceId", traceId),
     *         () -> await(billing.invoice(order))); // billing's Mono sees traceId
     * }
     *
     * @param context the entries to add; they replace entries with the same keys
     * @param body the code to run
     * @param <T> the body's result type
     * @return what {@code body} returned
     * @throws IllegalStateException if not called inside a task
     * @throws RuntimeException (or any checked exception, rethrown unchanged) what {@code body} threw
     */
    public static <T extends @Nullable Object> T withContext(ContextView context, Coroutine<T> body) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(body, "body");
        if (Async.currentTask() == null) {
            throw new IllegalStateException("withContext() outside a task: the Reactor context belongs to tasks; "
                    + "use Mono.contextWrite on plain threads");
        }
        ContextView outer = ReactorContext.current();
        ReactorContext.CONTEXT.set(Context.of(outer).putAll(context));
        try {
            return body.call();
        } catch (Exception e) {
            throw Sneaky.raise(e);
        } finally {
            ReactorContext.CONTEXT.set(outer);
        }
    }

    /**
     * Runs {@code body} with {@code context} added to the task's Reactor context, then restores the
     * previous context; see {@link #withContext(ContextView, Coroutine)}.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Runs {@code body} on the calling task, at once.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>Not affected; the previous context is restored however {@code body} ends.</dd>
     * </dl>
     * {@snippet :
     * withContext(Context.of("tenant", tenant), () -> {
     *     await(audit.record(event));
     * });
     * }
     *
     * @param context the entries to add; they replace entries with the same keys
     * @param body the code to run
     * @throws IllegalStateException if not called inside a task
     * @throws RuntimeException (or any checked exception, rethrown unchanged) what {@code body} threw
     */
    public static void withContext(ContextView context, VoidCoroutine body) {
        Objects.requireNonNull(body, "body");
        withContext(context, () -> {
            body.run();
            return null;
        });
    }

    // ---------------------------------------------------------------- machinery

    private static <T> @Nullable T first(Publisher<T> source, String method) {
        Objects.requireNonNull(source, "source");
        if (source instanceof Fuseable.ScalarCallable<?> scalar) {
            return callScalar(scalar);
        }
        Task<?> task = Caller.taskOrBlockingThread(method);
        Context context = subscriberContext();
        AwaitingSubscriber<T, T> awaiter = source instanceof Mono<?>
                ? new MonoAwaiter<>(context, method, source) // a Mono is never cancelled after its value
                : new FirstItemAwaiter<>(context, method, source);
        return subscribeAndAwait(source, awaiter, task);
    }

    private static <T> @Nullable T last(Publisher<T> source, String method) {
        Objects.requireNonNull(source, "source");
        if (source instanceof Fuseable.ScalarCallable<?> scalar) {
            return callScalar(scalar);
        }
        Task<?> task = Caller.taskOrBlockingThread(method);
        return subscribeAndAwait(source, new LastItemAwaiter<T>(subscriberContext(), method, source), task);
    }

    private static <T> @Nullable T single(Publisher<T> source, String method) {
        Objects.requireNonNull(source, "source");
        if (source instanceof Fuseable.ScalarCallable<?> scalar) {
            return callScalar(scalar);
        }
        Task<?> task = Caller.taskOrBlockingThread(method);
        return subscribeAndAwait(source, new SingleItemAwaiter<T>(subscriberContext(), method, source), task);
    }

    private static <T, R> @Nullable R subscribeAndAwait(
            Publisher<T> source, AwaitingSubscriber<T, R> awaiter, @Nullable Task<?> task) {
        Subscriber<T> subscriber = awaiter; // as a plain Subscriber: Reactor applies its subscribe hooks
        source.subscribe(subscriber);
        return awaiter.await(task);
    }

    private static Context subscriberContext() {
        return Context.of(ReactorContext.current());
    }

    /**
     * A {@code Mono.just}/{@code empty}/{@code error} (or {@code Flux.just(x)}/{@code empty()}):
     * read it without subscribing, as Reactor's own operators do.
     */
    @SuppressWarnings("unchecked")
    private static <T> @Nullable T callScalar(Fuseable.ScalarCallable<?> scalar) {
        try {
            return (T) scalar.call();
        } catch (Throwable e) {
            throw Sneaky.raise(Exceptions.unwrap(e));
        }
    }

    private static NoSuchElementException noItem(String method, Publisher<?> source, String alternatives) {
        return new NoSuchElementException(method + "(" + source + "): the publisher completed without emitting "
                + "any item; use " + alternatives + " if empty is an expected answer");
    }
}
