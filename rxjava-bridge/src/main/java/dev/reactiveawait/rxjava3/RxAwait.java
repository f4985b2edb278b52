package dev.reactiveawait.rxjava3;

import dev.reactiveawait.Async;
import dev.reactiveawait.Task;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.FlowableSubscriber;
import io.reactivex.rxjava3.core.Maybe;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Observer;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.operators.ScalarSupplier;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * Awaiting RxJava 3 inside tasks: the value of a {@code Single} or {@code Maybe}, the end of a
 * {@code Completable}, the first, last, single or all items of a {@code Flowable} or
 * {@code Observable}, and iteration (with backpressure for a {@code Flowable}, through a bounded
 * buffer for an {@code Observable}). Import it statically beside {@link Async}; {@code await(...)}
 * then reads the same for tasks, promises and Rx sources (and, with {@code ReactorAwait}, Monos).
 * {@snippet :
 * import static dev.reactiveawait.Async.*;
 * import static dev.reactiveawait.rxjava3.RxAwait.*;
 *
 * User user = await(userRepository.findById(id));        // a Single: suspends the task, not a thread
 * List<Order> recent = awaitList(orders.recent(user));     // all items of a Flowable
 * }
 *
 * <p>Semantics shared by every method here, the same as {@code ReactorAwait}'s, settled by Kotlin's
 * {@code kotlinx-coroutines-rx3} and what its users learned:
 * <ul>
 * <li>Each call subscribes once.</li>
 * <li>A {@code Single}, {@code Maybe} or {@code Completable} is awaited to its terminal signal and
 *     never disposed after it: a transactional source disposed after its value could roll back its
 *     commit.</li>
 * <li>"Empty" and "more than one item" are distinct outcomes, never blurred: the {@code Optional}
 *     and default variants answer "empty" only.</li>
 * <li>The source's error is thrown unchanged, checked or not.</li>
 * <li>Errors that arrive after the bridge disposed the source, or that nobody will read because the
 *     awaiting task was cancelled, go to {@code RxJavaPlugins.onError} (which RxJava reports as an
 *     {@code UndeliverableException}); late values are dropped, as RxJava's own observers drop them.
 *     <b>One exception, the echo of our own cancellation:</b> after the bridge disposed a source
 *     (the task was cancelled, {@code awaitFirst} had its item, {@code awaitSingle} saw a second
 *     one, an iteration was closed or overflowed), the first error that is a
 *     {@link dev.reactiveawait.CancelledException}, a {@link java.util.concurrent.CancellationException}
 *     (Kotlin's coroutine cancellation is one) or an {@link InterruptedException} (a blocking call
 *     interrupted by {@code dispose()}, as on {@code Schedulers.io()}) is dropped; so is such an
 *     error as the outcome of an await whose task was cancelled. Any other error, or a second one,
 *     still goes to {@code RxJavaPlugins.onError}. (Errors that RxJava's own disposed operators send
 *     to {@code RxJavaPlugins.onError} themselves never reach the bridge.)</li>
 * <li>A source that breaks the rules (Reactive Streams', which RxJava's contracts follow) gets an
 *     error naming the rule, and never hangs the await: a {@code null} item or value ends it with a
 *     {@link NullPointerException} (also thrown back to the source, rule 2.13); a signal before
 *     {@code onSubscribe}, or a {@code request} that throws, with an {@link IllegalStateException}
 *     (rules 1.9, 3.16); more items than requested end an iteration with
 *     {@code MissingBackpressureException} (rule 1.1). The source is cancelled in each case. A
 *     second {@code onSubscribe} ({@code ProtocolViolationException}), an error after the terminal
 *     signal (rule 1.7) and a {@code cancel} or {@code dispose} that throws (rule 3.15) go to
 *     {@code RxJavaPlugins.onError}; a second terminal signal without an error is ignored, as
 *     RxJava ignores it.</li>
 * </ul>
 *
 * <dl>
 * <dt><b>Thread:</b></dt>
 * <dd>Inside a task, waiting suspends the task and the loop runs others; the value is returned on
 *     the task, whatever thread the source signalled on. A source that ends during
 *     {@code subscribe()} ({@code Single.just}, a cached value) returns at once, without suspending;
 *     {@code Maybe.just}/{@code empty}, {@code Flowable.just}/{@code empty} and
 *     {@code Observable.just}/{@code empty} are read without subscribing. On a plain thread that
 *     belongs to no loop, these methods block that thread, like {@code blockingGet()}. On an event
 *     loop's thread outside a task (a callback), or where RxJava forbids blocking
 *     ({@code RxJavaPlugins.setFailOnNonBlockingScheduler(true)} and an {@code onBeforeBlocking}
 *     handler that says so), they throw {@link IllegalStateException} instead of deadlocking.</dd>
 * <dt><b>Cancellation:</b></dt>
 * <dd>Cancelling the awaiting task disposes (or cancels) the source at once; the pending call throws
 *     {@link dev.reactiveawait.CancelledException}. On a plain thread, an interrupt does the same
 *     (the interrupt flag stays set).</dd>
 * </dl>
 *
 * @since 0.1
 */
public final class RxAwait {
    private RxAwait() {}

    // ---------------------------------------------------------------- Single, Maybe, Completable

    /**
     * Waits for a {@code Single} and returns its value.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Suspends the task (a plain thread blocks) until the Single ends. A Single that ends during
     *     {@code subscribe()} ({@code Single.just}, {@code Single.error}) returns without
     *     suspending.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>Cancelling the task disposes the Single at once and this call throws
     *     {@link dev.reactiveawait.CancelledException}; a late error goes to
     *     {@code RxJavaPlugins.onError} (except the echo of the cancellation, see {@link RxAwait}).
     *     </dd>
     * </dl>
     * {@snippet :
     * User user = await(userRepository.findById(id));
     * }
     *
     * @param single the Single, subscribed once by this call
     * @param <T> the type of the value
     * @return the value
     * @throws dev.reactiveawait.CancelledException if the awaiting task was cancelled (or the
     *     blocked plain thread interrupted)
     * @throws IllegalStateException if called on an event loop's thread outside a task, or outside
     *     a task where RxJava forbids blocking
     * @throws RuntimeException (or any checked exception, rethrown unchanged) the Single's error
     */
    public static <T> T await(Single<T> single) {
        Objects.requireNonNull(single, "single");
        Task<?> task = Caller.taskOrBlockingThread("await");
        ValueAwaiter<T> awaiter = new ValueAwaiter<>("await", single);
        single.subscribe(awaiter);
        return Objects.requireNonNull(awaiter.await(task));
    }

    /**
     * Waits for a {@code Maybe} and returns its value, or {@code null} if it completed empty (as
     * {@code ReactorAwait.await(Mono)} does; {@link #awaitOptional(Maybe)} says it with a type).
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Suspends the task (a plain thread blocks) until the Maybe ends. {@code Maybe.just} and
     *     {@code Maybe.empty} are read without subscribing; a Maybe that ends during
     *     {@code subscribe()} returns without suspending.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>As {@link #await(Single)}.</dd>
     * </dl>
     * {@snippet :
     * User user = await(userCache.get(id));
     * if (user == null) {
     *     throw new UserNotFound(id);
     * }
     * }
     *
     * @param maybe the Maybe, subscribed once by this call
     * @param <T> the type of the value
     * @return the value, or {@code null} if the Maybe completed without one
     * @throws dev.reactiveawait.CancelledException if the awaiting task was cancelled
     * @throws IllegalStateException as {@link #await(Single)}
     * @throws RuntimeException (or any checked exception, rethrown unchanged) the Maybe's error
     */
    public static <T> @Nullable T await(Maybe<T> maybe) {
        Objects.requireNonNull(maybe, "maybe");
        if (maybe instanceof ScalarSupplier<?> scalar) {
            return scalar(scalar);
        }
        Task<?> task = Caller.taskOrBlockingThread("await");
        ValueAwaiter<T> awaiter = new ValueAwaiter<>("await", maybe);
        maybe.subscribe(awaiter);
        return awaiter.await(task);
    }

    /**
     * Waits for a {@code Maybe} and returns its value, or {@link Optional#empty()} if it completed
     * empty; otherwise exactly {@link #await(Maybe)}.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>As {@link #await(Maybe)}.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>As {@link #await(Single)}.</dd>
     * </dl>
     * {@snippet :
     * String name = awaitOptional(cache.get(key)).orElse("unknown");
     * }
     *
     * @param maybe the Maybe, subscribed once by this call
     * @param <T> the type of the value
     * @return the value, or empty if the Maybe completed without one
     * @throws dev.reactiveawait.CancelledException if the awaiting task was cancelled
     * @throws IllegalStateException as {@link #await(Single)}
     * @throws RuntimeException (or any checked exception, rethrown unchanged) the Maybe's error
     */
    public static <T> Optional<T> awaitOptional(Maybe<T> maybe) {
        return Optional.ofNullable(await(maybe));
    }

    /**
     * Waits for a {@code Completable} to complete.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Suspends the task (a plain thread blocks) until the Completable ends.
     *     {@code Completable.complete()} returns at once without subscribing; a Completable that ends
     *     during {@code subscribe()} returns without suspending.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>As {@link #await(Single)}.</dd>
     * </dl>
     * {@snippet :
     * await(auditLog.record(event)); // returns when the write completed
     * }
     *
     * @param completable the Completable, subscribed once by this call
     * @throws dev.reactiveawait.CancelledException if the awaiting task was cancelled
     * @throws IllegalStateException as {@link #await(Single)}
     * @throws RuntimeException (or any checked exception, rethrown unchanged) the Completable's error
     */
    public static void await(Completable completable) {
        Objects.requireNonNull(completable, "completable");
        if (completable == Completable.complete()) {
            return; // RxJava's singleton (unless an assembly hook replaced it): nothing to wait for
        }
        Task<?> task = Caller.taskOrBlockingThread("await");
        ValueAwaiter<Object> awaiter = new ValueAwaiter<>("await", completable);
        completable.subscribe(awaiter);
        awaiter.await(task);
    }

    // ---------------------------------------------------------------- first

    /**
     * Waits for the first item of a {@code Flowable}: requests one item, and cancels the
     * subscription as soon as it arrives, without waiting for a completion.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Suspends the task (a plain thread blocks) until the first item or the end.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>Cancels the subscription after the first item; items the source sends anyway are dropped.
     *     Cancelling the task cancels the subscription and this call throws
     *     {@link dev.reactiveawait.CancelledException}.</dd>
     * </dl>
     * {@snippet :
     * Price best = awaitFirst(quotes.stream(symbol));
     * }
     *
     * @param source the Flowable, subscribed once by this call
     * @param <T> the type of the items
     * @return the first item
     * @throws NoSuchElementException if the Flowable completed without any item
     * @throws dev.reactiveawait.CancelledException if the awaiting task was cancelled
     * @throws IllegalStateException if called on an event loop's thread outside a task, or outside
     *     a task where RxJava forbids blocking
     * @throws RuntimeException (or any checked exception, rethrown unchanged) the source's error
     */
    public static <T> T awaitFirst(Flowable<T> source) {
        T item = awaitFlowable(source, "awaitFirst", FirstItemAwaiter::new);
        return orNoItem(item, "awaitFirst", source, "awaitFirstOptional or awaitFirstOrDefault");
    }

    /**
     * Waits for the first item of an {@code Observable} and disposes it as soon as the item
     * arrives; otherwise as {@link #awaitFirst(Flowable)}.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>As {@link #awaitFirst(Flowable)}.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>Disposes the Observable after the first item; cancelling the task disposes it and this
     *     call throws {@link dev.reactiveawait.CancelledException}.</dd>
     * </dl>
     * {@snippet :
     * Click click = awaitFirst(button.clicks());
     * }
     *
     * @param source the Observable, subscribed once by this call
     * @param <T> the type of the items
     * @return the first item
     * @throws NoSuchElementException if the Observable completed without any item
     * @throws dev.reactiveawait.CancelledException if the awaiting task was cancelled
     * @throws IllegalStateException as {@link #awaitFirst(Flowable)}
     * @throws RuntimeException (or any checked exception, rethrown unchanged) the source's error
     */
    public static <T> T awaitFirst(Observable<T> source) {
        T item = awaitObservable(source, "awaitFirst", FirstItemAwaiter::new);
        return orNoItem(item, "awaitFirst", source, "awaitFirstOptional or awaitFirstOrDefault");
    }

    /**
     * Waits for the first item of a {@code Flowable}, or returns {@code defaultValue} if it
     * completes empty; otherwise exactly {@link #awaitFirst(Flowable)}.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>As {@link #awaitFirst(Flowable)}.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>As {@link #awaitFirst(Flowable)}.</dd>
     * </dl>
     * {@snippet :
     * Settings settings = awaitFirstOrDefault(settingsStream, Settings.DEFAULTS);
     * }
     *
     * @param source the Flowable, subscribed once by this call
     * @param defaultValue the answer for an empty Flowable
     * @param <T> the type of the items
     * @return the first item, or {@code defaultValue}
     * @throws dev.reactiveawait.CancelledException if the awaiting task was cancelled
     * @throws IllegalStateException as {@link #awaitFirst(Flowable)}
     * @throws RuntimeException (or any checked exception, rethrown unchanged) the source's error
     */
    public static <T> T awaitFirstOrDefault(Flowable<T> source, T defaultValue) {
        Objects.requireNonNull(defaultValue, "defaultValue");
        T item = awaitFlowable(source, "awaitFirstOrDefault", FirstItemAwaiter::new);
        return item != null ? item : defaultValue;
    }

    /**
     * Waits for the first item of an {@code Observable}, or returns {@code defaultValue} if it
     * completes empty; otherwise exactly {@link #awaitFirst(Observable)}.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>As {@link #awaitFirst(Flowable)}.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>As {@link #awaitFirst(Observable)}.</dd>
     * </dl>
     * {@snippet :
     * Settings settings = awaitFirstOrDefault(settingsSubject, Settings.DEFAULTS);
     * }
     *
     * @param source the Observable, subscribed once by this call
     * @param defaultValue the answer for an empty Observable
     * @param <T> the type of the items
     * @return the first item, or {@code defaultValue}
     * @throws dev.reactiveawait.CancelledException if the awaiting task was cancelled
     * @throws IllegalStateException as {@link #awaitFirst(Flowable)}
     * @throws RuntimeException (or any checked exception, rethrown unchanged) the source's error
     */
    public static <T> T awaitFirstOrDefault(Observable<T> source, T defaultValue) {
        Objects.requireNonNull(defaultValue, "defaultValue");
        T item = awaitObservable(source, "awaitFirstOrDefault", FirstItemAwaiter::new);
        return item != null ? item : defaultValue;
    }

    /**
     * Waits for the first item of a {@code Flowable}, or returns {@link Optional#empty()} if it
     * completes empty; otherwise exactly {@link #awaitFirst(Flowable)}.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>As {@link #awaitFirst(Flowable)}.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>As {@link #awaitFirst(Flowable)}.</dd>
     * </dl>
     * {@snippet :
     * Optional<Job> job = awaitFirstOptional(queue.poll());
     * }
     *
     * @param source the Flowable, subscribed once by this call
     * @param <T> the type of the items
     * @return the first item, or empty
     * @throws dev.reactiveawait.CancelledException if the awaiting task was cancelled
     * @throws IllegalStateException as {@link #awaitFirst(Flowable)}
     * @throws RuntimeException (or any checked exception, rethrown unchanged) the source's error
     */
    public static <T> Optional<T> awaitFirstOptional(Flowable<T> source) {
        return Optional.ofNullable(awaitFlowable(source, "awaitFirstOptional", FirstItemAwaiter::new));
    }

    /**
     * Waits for the first item of an {@code Observable}, or returns {@link Optional#empty()} if it
     * completes empty; otherwise exactly {@link #awaitFirst(Observable)}.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>As {@link #awaitFirst(Flowable)}.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>As {@link #awaitFirst(Observable)}.</dd>
     * </dl>
     * {@snippet :
     * Optional<Job> job = awaitFirstOptional(jobs.take(1));
     * }
     *
     * @param source the Observable, subscribed once by this call
     * @param <T> the type of the items
     * @return the first item, or empty
     * @throws dev.reactiveawait.CancelledException if the awaiting task was cancelled
     * @throws IllegalStateException as {@link #awaitFirst(Flowable)}
     * @throws RuntimeException (or any checked exception, rethrown unchanged) the source's error
     */
    public static <T> Optional<T> awaitFirstOptional(Observable<T> source) {
        return Optional.ofNullable(awaitObservable(source, "awaitFirstOptional", FirstItemAwaiter::new));
    }

    // ---------------------------------------------------------------- last

    /**
     * Waits for a {@code Flowable} to complete and returns its last item. Requests everything.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Suspends the task (a plain thread blocks) until the Flowable ends.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>Never cancels the source by itself. Cancelling the task cancels the subscription and this
     *     call throws {@link dev.reactiveawait.CancelledException}.</dd>
     * </dl>
     * {@snippet :
     * Progress done = awaitLast(upload.progress());
     * }
     *
     * @param source the Flowable, subscribed once by this call
     * @param <T> the type of the items
     * @return the last item
     * @throws NoSuchElementException if the Flowable completed without any item
     * @throws dev.reactiveawait.CancelledException if the awaiting task was cancelled
     * @throws IllegalStateException if called on an event loop's thread outside a task, or outside
     *     a task where RxJava forbids blocking
     * @throws RuntimeException (or any checked exception, rethrown unchanged) the source's error
     */
    public static <T> T awaitLast(Flowable<T> source) {
        T item = awaitFlowable(source, "awaitLast", LastItemAwaiter::new);
        return orNoItem(item, "awaitLast", source, "awaitLastOptional");
    }

    /**
     * Waits for an {@code Observable} to complete and returns its last item; otherwise as
     * {@link #awaitLast(Flowable)}.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>As {@link #awaitLast(Flowable)}.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>Never disposes the source by itself. Cancelling the task disposes it and this call throws
     *     {@link dev.reactiveawait.CancelledException}.</dd>
     * </dl>
     * {@snippet :
     * Progress done = awaitLast(upload.progressEvents());
     * }
     *
     * @param source the Observable, subscribed once by this call
     * @param <T> the type of the items
     * @return the last item
     * @throws NoSuchElementException if the Observable completed without any item
     * @throws dev.reactiveawait.CancelledException if the awaiting task was cancelled
     * @throws IllegalStateException as {@link #awaitLast(Flowable)}
     * @throws RuntimeException (or any checked exception, rethrown unchanged) the source's error
     */
    public static <T> T awaitLast(Observable<T> source) {
        T item = awaitObservable(source, "awaitLast", LastItemAwaiter::new);
        return orNoItem(item, "awaitLast", source, "awaitLastOptional");
    }

    /**
     * Waits for a {@code Flowable} to complete and returns its last item, or
     * {@link Optional#empty()} if it had none; otherwise exactly {@link #awaitLast(Flowable)}.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>As {@link #awaitLast(Flowable)}.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>As {@link #awaitLast(Flowable)}.</dd>
     * </dl>
     * {@snippet :
     * Optional<Event> latest = awaitLastOptional(events.replay(since));
     * }
     *
     * @param source the Flowable, subscribed once by this call
     * @param <T> the type of the items
     * @return the last item, or empty
     * @throws dev.reactiveawait.CancelledException if the awaiting task was cancelled
     * @throws IllegalStateException as {@link #awaitLast(Flowable)}
     * @throws RuntimeException (or any checked exception, rethrown unchanged) the source's error
     */
    public static <T> Optional<T> awaitLastOptional(Flowable<T> source) {
        return Optional.ofNullable(awaitFlowable(source, "awaitLastOptional", LastItemAwaiter::new));
    }

    /**
     * Waits for an {@code Observable} to complete and returns its last item, or
     * {@link Optional#empty()} if it had none; otherwise exactly {@link #awaitLast(Observable)}.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>As {@link #awaitLast(Flowable)}.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>As {@link #awaitLast(Observable)}.</dd>
     * </dl>
     * {@snippet :
     * Optional<Event> latest = awaitLastOptional(events.history());
     * }
     *
     * @param source the Observable, subscribed once by this call
     * @param <T> the type of the items
     * @return the last item, or empty
     * @throws dev.reactiveawait.CancelledException if the awaiting task was cancelled
     * @throws IllegalStateException as {@link #awaitLast(Flowable)}
     * @throws RuntimeException (or any checked exception, rethrown unchanged) the source's error
     */
    public static <T> Optional<T> awaitLastOptional(Observable<T> source) {
        return Optional.ofNullable(awaitObservable(source, "awaitLastOptional", LastItemAwaiter::new));
    }

    // ---------------------------------------------------------------- single

    /**
     * Waits for the only item of a {@code Flowable}. Requests everything, returns at completion,
     * and fails fast at a second item: the subscription is cancelled at once.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Suspends the task (a plain thread blocks) until the Flowable ends or sends a second
     *     item.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>Cancels the source at a second item. Cancelling the task cancels the subscription and this
     *     call throws {@link dev.reactiveawait.CancelledException}.</dd>
     * </dl>
     * {@snippet :
     * Account account = awaitSingle(accounts.findByEmail(email)); // exactly one, or an error
     * }
     *
     * @param source the Flowable, subscribed once by this call
     * @param <T> the type of the items
     * @return the only item
     * @throws NoSuchElementException if the Flowable completed without any item
     * @throws IllegalArgumentException if the Flowable emitted more than one item
     * @throws dev.reactiveawait.CancelledException if the awaiting task was cancelled
     * @throws IllegalStateException if called on an event loop's thread outside a task, or outside
     *     a task where RxJava forbids blocking
     * @throws RuntimeException (or any checked exception, rethrown unchanged) the source's error
     */
    public static <T> T awaitSingle(Flowable<T> source) {
        T item = awaitFlowable(source, "awaitSingle", SingleItemAwaiter::new);
        return orNoItem(item, "awaitSingle", source, "awaitSingleOptional");
    }

    /**
     * Waits for the only item of an {@code Observable}, disposing it at a second item; otherwise as
     * {@link #awaitSingle(Flowable)}.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>As {@link #awaitSingle(Flowable)}.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>Disposes the source at a second item. Cancelling the task disposes it and this call throws
     *     {@link dev.reactiveawait.CancelledException}.</dd>
     * </dl>
     * {@snippet :
     * Account account = awaitSingle(accounts.lookup(email)); // exactly one, or an error
     * }
     *
     * @param source the Observable, subscribed once by this call
     * @param <T> the type of the items
     * @return the only item
     * @throws NoSuchElementException if the Observable completed without any item
     * @throws IllegalArgumentException if the Observable emitted more than one item
     * @throws dev.reactiveawait.CancelledException if the awaiting task was cancelled
     * @throws IllegalStateException as {@link #awaitSingle(Flowable)}
     * @throws RuntimeException (or any checked exception, rethrown unchanged) the source's error
     */
    public static <T> T awaitSingle(Observable<T> source) {
        T item = awaitObservable(source, "awaitSingle", SingleItemAwaiter::new);
        return orNoItem(item, "awaitSingle", source, "awaitSingleOptional");
    }

    /**
     * Waits for the only item of a {@code Flowable}, or returns {@link Optional#empty()} if it had
     * none. A second item is still an error: "empty" and "too many" are different answers.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>As {@link #awaitSingle(Flowable)}.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>As {@link #awaitSingle(Flowable)}.</dd>
     * </dl>
     * {@snippet :
     * Optional<Account> account = awaitSingleOptional(accounts.findByEmail(email));
     * }
     *
     * @param source the Flowable, subscribed once by this call
     * @param <T> the type of the items
     * @return the only item, or empty
     * @throws IllegalArgumentException if the Flowable emitted more than one item
     * @throws dev.reactiveawait.CancelledException if the awaiting task was cancelled
     * @throws IllegalStateException as {@link #awaitSingle(Flowable)}
     * @throws RuntimeException (or any checked exception, rethrown unchanged) the source's error
     */
    public static <T> Optional<T> awaitSingleOptional(Flowable<T> source) {
        return Optional.ofNullable(awaitFlowable(source, "awaitSingleOptional", SingleItemAwaiter::new));
    }

    /**
     * Waits for the only item of an {@code Observable}, or returns {@link Optional#empty()} if it
     * had none. A second item is still an error.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>As {@link #awaitSingle(Flowable)}.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>As {@link #awaitSingle(Observable)}.</dd>
     * </dl>
     * {@snippet :
     * Optional<Account> account = awaitSingleOptional(accounts.lookup(email));
     * }
     *
     * @param source the Observable, subscribed once by this call
     * @param <T> the type of the items
     * @return the only item, or empty
     * @throws IllegalArgumentException if the Observable emitted more than one item
     * @throws dev.reactiveawait.CancelledException if the awaiting task was cancelled
     * @throws IllegalStateException as {@link #awaitSingle(Flowable)}
     * @throws RuntimeException (or any checked exception, rethrown unchanged) the source's error
     */
    public static <T> Optional<T> awaitSingleOptional(Observable<T> source) {
        return Optional.ofNullable(awaitObservable(source, "awaitSingleOptional", SingleItemAwaiter::new));
    }

    // ---------------------------------------------------------------- all

    /**
     * Waits for a {@code Flowable} to complete and returns all its items, in order. Requests
     * everything: for long or endless sources, use {@link #iterate(Flowable)}.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Suspends the task (a plain thread blocks) until the Flowable ends.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>Never cancels the source by itself. Cancelling the task cancels the subscription and this
     *     call throws {@link dev.reactiveawait.CancelledException}.</dd>
     * </dl>
     * {@snippet :
     * List<Order> orders = awaitList(orderRepository.findByCustomer(id));
     * }
     *
     * @param source the Flowable, subscribed once by this call
     * @param <T> the type of the items
     * @return a new mutable list of the items, empty if there were none
     * @throws dev.reactiveawait.CancelledException if the awaiting task was cancelled
     * @throws IllegalStateException if called on an event loop's thread outside a task, or outside
     *     a task where RxJava forbids blocking
     * @throws RuntimeException (or any checked exception, rethrown unchanged) the source's error
     */
    public static <T> List<T> awaitList(Flowable<T> source) {
        Objects.requireNonNull(source, "source");
        if (source instanceof ScalarSupplier<?> scalar) {
            return listOf(scalar);
        }
        Task<?> task = Caller.taskOrBlockingThread("awaitList");
        ListAwaiter<T> awaiter = new ListAwaiter<>("awaitList", source);
        source.subscribe((FlowableSubscriber<T>) awaiter);
        return Objects.requireNonNull(awaiter.await(task));
    }

    /**
     * Waits for an {@code Observable} to complete and returns all its items, in order; otherwise as
     * {@link #awaitList(Flowable)}. For long or endless sources, use
     * {@link #iterate(Observable, int)}.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>As {@link #awaitList(Flowable)}.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>Never disposes the source by itself. Cancelling the task disposes it and this call throws
     *     {@link dev.reactiveawait.CancelledException}.</dd>
     * </dl>
     * {@snippet :
     * List<Row> rows = awaitList(query.rows());
     * }
     *
     * @param source the Observable, subscribed once by this call
     * @param <T> the type of the items
     * @return a new mutable list of the items, empty if there were none
     * @throws dev.reactiveawait.CancelledException if the awaiting task was cancelled
     * @throws IllegalStateException as {@link #awaitList(Flowable)}
     * @throws RuntimeException (or any checked exception, rethrown unchanged) the source's error
     */
    public static <T> List<T> awaitList(Observable<T> source) {
        Objects.requireNonNull(source, "source");
        if (source instanceof ScalarSupplier<?> scalar) {
            return listOf(scalar);
        }
        Task<?> task = Caller.taskOrBlockingThread("awaitList");
        ListAwaiter<T> awaiter = new ListAwaiter<>("awaitList", source);
        source.subscribe((Observer<T>) awaiter);
        return Objects.requireNonNull(awaiter.await(task));
    }

    // ---------------------------------------------------------------- iteration

    /**
     * The items of a {@code Flowable} as a {@code for} loop, with backpressure:
     * {@code Flowable.bufferSize()} items (128 unless the {@code rx3.buffer-size} system property
     * says otherwise) are requested, then 75% of that many each time that many were taken. See
     * {@link FlowableIteration}.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>{@code hasNext()} suspends the task while no item is buffered; items emitted synchronously
     *     (inside {@code request}) are taken without any suspension. Outside a task, on a plain
     *     thread, it blocks that thread (like {@code blockingIterable()}).</dd>
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
     *         if (line.contains("READY")) break; // cancels the Flowable
     *     }
     * }
     * }
     *
     * @param source the Flowable, subscribed by the iteration's {@code iterator()}
     * @param <T> the type of the items
     * @return the iteration, to use in try-with-resources
     */
    public static <T> FlowableIteration<T> iterate(Flowable<T> source) {
        return iterate(source, Flowable.bufferSize());
    }

    /**
     * The items of a {@code Flowable} as a {@code for} loop, requesting {@code prefetch} items at
     * first and 75% of {@code prefetch} each time that many were taken; see
     * {@link #iterate(Flowable)}.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>As {@link #iterate(Flowable)}.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>As {@link #iterate(Flowable)}.</dd>
     * <dt><b>Hot/cold:</b></dt>
     * <dd>Subscribes at {@code iterator()}, once.</dd>
     * </dl>
     * {@snippet :
     * try (var rows = iterate(database.query(sql), 32)) { // 32, then 24 at a time
     *     for (Row row : rows) {
     *         write(row);
     *     }
     * }
     * }
     *
     * @param source the Flowable, subscribed by the iteration's {@code iterator()}
     * @param prefetch how many items to request and buffer; {@link Integer#MAX_VALUE} requests
     *     everything at once (an unbounded buffer)
     * @param <T> the type of the items
     * @return the iteration, to use in try-with-resources
     * @throws IllegalArgumentException if {@code prefetch} is less than 1
     */
    public static <T> FlowableIteration<T> iterate(Flowable<T> source, int prefetch) {
        Objects.requireNonNull(source, "source");
        if (prefetch < 1) {
            throw new IllegalArgumentException("prefetch must be at least 1, was " + prefetch);
        }
        return new FlowableIteration<>(source, prefetch);
    }

    /**
     * The items of an {@code Observable} as a {@code for} loop, through a buffer of at most
     * {@code bufferSize} items that arrived and were not taken yet. An Observable cannot be slowed
     * down: one item more is an overflow, which disposes the Observable and ends the iteration with
     * {@link io.reactivex.rxjava3.exceptions.MissingBackpressureException} after the buffered
     * items. Synchronously fusable Observables ({@code range}, {@code fromIterable}…) are polled
     * and never overflow. See {@link ObservableIteration}.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>{@code hasNext()} suspends the task while no item is buffered. Outside a task, on a plain
     *     thread, it blocks that thread (like {@code blockingIterable()}).</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>{@code break}, {@code return} or an exception inside try-with-resources disposes the
     *     Observable ({@code close()}); so does an overflow, cancelling the task while it waits for
     *     an item, and the end of the task that iterates without closing.</dd>
     * <dt><b>Hot/cold:</b></dt>
     * <dd>Subscribes at {@code iterator()}, once; a hot Observable is seen from then on.</dd>
     * </dl>
     * {@snippet :
     * try (var clicks = iterate(button.clicks(), 64)) {
     *     for (Click click : clicks) {
     *         await(handle(click)); // more than 64 clicks meanwhile: MissingBackpressureException
     *     }
     * }
     * }
     *
     * @param source the Observable, subscribed by the iteration's {@code iterator()}
     * @param bufferSize how many items may wait for the task; {@link Integer#MAX_VALUE} for an
     *     unbounded buffer (no overflow, unbounded memory)
     * @param <T> the type of the items
     * @return the iteration, to use in try-with-resources
     * @throws IllegalArgumentException if {@code bufferSize} is less than 1
     */
    public static <T> ObservableIteration<T> iterate(Observable<T> source, int bufferSize) {
        Objects.requireNonNull(source, "source");
        if (bufferSize < 1) {
            throw new IllegalArgumentException("bufferSize must be at least 1, was " + bufferSize);
        }
        return new ObservableIteration<>(source, bufferSize);
    }

    // ---------------------------------------------------------------- machinery

    private static <T> @Nullable T awaitFlowable(
            Flowable<T> source, String method, BiFunction<String, Object, SequenceAwaiter<T, T>> awaiterFactory) {
        Objects.requireNonNull(source, "source");
        if (source instanceof ScalarSupplier<?> scalar) {
            return scalar(scalar);
        }
        Task<?> task = Caller.taskOrBlockingThread(method);
        SequenceAwaiter<T, T> awaiter = awaiterFactory.apply(method, source);
        source.subscribe((FlowableSubscriber<T>) awaiter);
        return awaiter.await(task);
    }

    private static <T> @Nullable T awaitObservable(
            Observable<T> source, String method, BiFunction<String, Object, SequenceAwaiter<T, T>> awaiterFactory) {
        Objects.requireNonNull(source, "source");
        if (source instanceof ScalarSupplier<?> scalar) {
            return scalar(scalar);
        }
        Task<?> task = Caller.taskOrBlockingThread(method);
        SequenceAwaiter<T, T> awaiter = awaiterFactory.apply(method, source);
        source.subscribe((Observer<T>) awaiter);
        return awaiter.await(task);
    }

    /**
     * {@code Maybe.just}/{@code empty}, {@code Flowable.just}/{@code empty},
     * {@code Observable.just}/{@code empty}: RxJava's {@link ScalarSupplier} (public API since
     * RxJava 3.1.1) gives the item, or {@code null} for empty, without subscribing, as RxJava's own
     * operators read it. ({@code Single.just} is no ScalarSupplier; it ends during
     * {@code subscribe()}, which returns without suspending.)
     */
    @SuppressWarnings("unchecked")
    private static <T> @Nullable T scalar(ScalarSupplier<?> scalar) {
        return (T) scalar.get();
    }

    private static <T> List<T> listOf(ScalarSupplier<?> scalar) {
        T item = scalar(scalar);
        List<T> items = new ArrayList<>(1);
        if (item != null) {
            items.add(item);
        }
        return items;
    }

    private static <T> T orNoItem(@Nullable T item, String method, Object source, String alternatives) {
        if (item == null) {
            throw new NoSuchElementException(method + "(" + AwaitingObserver.describe(source) + "): the source "
                    + "completed without emitting any item; use " + alternatives + " if empty is an expected answer");
        }
        return item;
    }
}
