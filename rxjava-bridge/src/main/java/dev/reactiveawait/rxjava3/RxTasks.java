package dev.reactiveawait.rxjava3;

import dev.reactiveawait.CancelledException;
import dev.reactiveawait.Coroutine;
import dev.reactiveawait.EventLoop;
import dev.reactiveawait.LoopGroup;
import dev.reactiveawait.Task;
import dev.reactiveawait.VoidCoroutine;
import dev.reactiveawait.internal.SchedulerLoops;
import dev.reactiveawait.rxjava3.internal.NonBlockingLoopThreads;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Maybe;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.core.Single;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Tasks as RxJava 3 sources: a coroutine becomes a {@link Single}, {@link Maybe},
 * {@link Completable}, {@link Flowable} or {@link Observable} that drops into any Rx chain, and an
 * event loop becomes an RxJava {@link Scheduler}. The Reactor bridge's {@code ReactorTasks} is the
 * same facade for {@code Mono} and {@code Flux}: {@code rxSingle}/{@code rxMaybe} are its
 * {@code mono}, {@code rxFlowable} its {@code flux}, {@code toSingle}/{@code toMaybe} its
 * {@code toMono}.
 *
 * <p>Every source made here signals at most one terminal event, never signals concurrently, and
 * sends what it can no longer deliver (a body that fails after its observer disposed) to
 * {@code RxJavaPlugins.onError} — except the {@link CancelledException} that disposing causes
 * itself, which is never reported (no {@code UndeliverableException} for our own cancellation).
 * {@link #rxFlowable(EventLoop, FlowableBody) rxFlowable} follows the Reactive Streams rules
 * (checked with the TCK): its {@code emit} waits for demand, completion and errors need none, and
 * {@code request(n <= 0)} fails it with {@link IllegalArgumentException} (rule 3.9).
 *
 * <dl>
 * <dt><b>Thread:</b></dt>
 * <dd>Bodies run as tasks of an event loop: the one given, or the one the subscriber runs on; never
 *     a hidden global pool. Signals come from the loop (or the body's task).</dd>
 * <dt><b>Cancellation:</b></dt>
 * <dd>Disposing (or cancelling) the subscription of an {@code rx…} source cancels its task, whose
 *     {@code finally} blocks run. {@code toSingle}/{@code toMaybe}/{@code toCompletable} are the
 *     exception: they never cancel the task they observe.</dd>
 * <dt><b>Hot/cold:</b></dt>
 * <dd>The {@code rx…} sources are cold (a new task per subscription); the {@code to…} ones are hot
 *     (the task already runs).</dd>
 * </dl>
 * {@snippet :
 * import static dev.reactiveawait.Async.*;
 * import static dev.reactiveawait.rxjava3.RxTasks.*;
 *
 * Single<String> greeting = rxSingle(loop, () -> {
 *     sleep(Duration.ofMillis(100));
 *     return "hello";
 * });
 * }
 *
 * @since 0.1
 */
public final class RxTasks {
    private RxTasks() {}

    // ---------------------------------------------------------------- Single

    /**
     * A cold {@link Single} that runs {@code body} as a new task of the loop the observer runs on,
     * once per subscription. For an observer outside any loop, use
     * {@link #rxSingle(EventLoop, Coroutine)}.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Subscribe from a task (or a callback) of a loop: the body runs as a task of that loop,
     *     scheduled like {@code createTask} (after what is already ready). {@code onSuccess} and
     *     {@code onError} run on the loop.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>Disposing cancels the task: its pending {@code await} throws {@link CancelledException},
     *     {@code finally} blocks run, and nothing more is signalled. A task cancelled by anyone else
     *     (the loop closing) fails the Single with {@link CancelledException}.</dd>
     * <dt><b>Hot/cold:</b></dt>
     * <dd>Cold: each subscription starts its own task; a second observer runs the body again.</dd>
     * </dl>
     * {@snippet :
     * Single<User> findUser(String id) {
     *     return rxSingle(() -> await(users.find(id))); // subscribed inside a task
     * }
     * }
     *
     * @param body the body; its value is the Single's value, an exception fails it (unchanged,
     *     checked ones too), and a {@code null} result fails it with a
     *     {@link NullPointerException} that names the fix (RxJava forbids nulls; use
     *     {@link #rxMaybe(Coroutine)} for an optional value)
     * @param <T> the type of the value
     * @return the Single; subscribed from a thread that runs no loop, it signals
     *     {@link IllegalStateException} naming the fix ({@code rxSingle(loop, body)})
     * @throws NullPointerException if {@code body} is {@code null}
     */
    public static <T> Single<T> rxSingle(Coroutine<? extends T> body) {
        return CoroutineAsSource.single(null, body);
    }

    /**
     * A cold {@link Single} that runs {@code body} as a new task of {@code loop}, once per
     * subscription, whichever thread subscribes.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Any thread may subscribe; the task is created on the loop (through
     *     {@code callSoonThreadsafe} from other threads). {@code onSuccess} and {@code onError} run on
     *     the loop.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>Disposing cancels the task; its {@code finally} blocks run.</dd>
     * <dt><b>Hot/cold:</b></dt>
     * <dd>Cold: a new task per subscription.</dd>
     * </dl>
     * {@snippet :
     * Single<Integer> answer = rxSingle(loop, () -> {
     *     sleep(Duration.ofSeconds(1));
     *     return 42;
     * });
     * answer.subscribe(System.out::println); // from any thread
     * }
     *
     * @param loop the loop that runs the tasks; a closed loop fails each subscription with
     *     {@link IllegalStateException}
     * @param body the body; a {@code null} result fails the Single with
     *     {@link NullPointerException}, an exception fails it unchanged
     * @param <T> the type of the value
     * @return the Single
     * @throws NullPointerException if {@code loop} or {@code body} is {@code null}
     */
    public static <T> Single<T> rxSingle(EventLoop loop, Coroutine<? extends T> body) {
        return CoroutineAsSource.single(Objects.requireNonNull(loop, "loop"), body);
    }

    // ---------------------------------------------------------------- Maybe

    /**
     * A cold {@link Maybe} that runs {@code body} as a new task of the loop the observer runs on,
     * once per subscription: the body's value, or empty when it returns {@code null}. For an
     * observer outside any loop, use {@link #rxMaybe(EventLoop, Coroutine)}.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Subscribe from a task (or a callback) of a loop; the body runs as a task of that loop.
     *     Signals run on the loop.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>Disposing cancels the task: its pending {@code await} throws {@link CancelledException}
     *     and {@code finally} blocks run.</dd>
     * <dt><b>Hot/cold:</b></dt>
     * <dd>Cold: each subscription starts its own task.</dd>
     * </dl>
     * {@snippet :
     * Maybe<User> findUser(String id) {
     *     return rxMaybe(() -> await(cache.get(id))); // null: completes empty
     * }
     * }
     *
     * @param body the body; a {@code null} result completes the Maybe empty, an exception fails it
     *     unchanged
     * @param <T> the type of the value
     * @return the Maybe; subscribed from a thread that runs no loop, it signals
     *     {@link IllegalStateException} naming the fix ({@code rxMaybe(loop, body)})
     * @throws NullPointerException if {@code body} is {@code null}
     */
    public static <T> Maybe<T> rxMaybe(Coroutine<? extends @Nullable T> body) {
        return CoroutineAsSource.maybe(null, body);
    }

    /**
     * A cold {@link Maybe} that runs {@code body} as a new task of {@code loop}, once per
     * subscription, whichever thread subscribes.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Any thread may subscribe; the task is created on the loop. Signals run on the loop.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>Disposing cancels the task; its {@code finally} blocks run.</dd>
     * <dt><b>Hot/cold:</b></dt>
     * <dd>Cold: a new task per subscription.</dd>
     * </dl>
     * {@snippet :
     * Maybe<String> header = rxMaybe(loop, () -> {
     *     Response r = await(client.get(url));
     *     return r.header("ETag"); // may be null: empty
     * });
     * }
     *
     * @param loop the loop that runs the tasks; a closed loop fails each subscription with
     *     {@link IllegalStateException}
     * @param body the body; a {@code null} result completes the Maybe empty
     * @param <T> the type of the value
     * @return the Maybe
     * @throws NullPointerException if {@code loop} or {@code body} is {@code null}
     */
    public static <T> Maybe<T> rxMaybe(EventLoop loop, Coroutine<? extends @Nullable T> body) {
        return CoroutineAsSource.maybe(Objects.requireNonNull(loop, "loop"), body);
    }

    // ---------------------------------------------------------------- Completable

    /**
     * A cold {@link Completable} that runs {@code body} as a new task of the loop the observer
     * runs on, once per subscription. For an observer outside any loop, use
     * {@link #rxCompletable(EventLoop, VoidCoroutine)}.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Subscribe from a task (or a callback) of a loop; the body runs as a task of that loop.
     *     Signals run on the loop.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>Disposing cancels the task: its pending {@code await} throws {@link CancelledException}
     *     and {@code finally} blocks run.</dd>
     * <dt><b>Hot/cold:</b></dt>
     * <dd>Cold: each subscription starts its own task.</dd>
     * </dl>
     * {@snippet :
     * Completable save(Order order) {
     *     return rxCompletable(() -> await(repository.insert(order)));
     * }
     * }
     *
     * @param body the body; returning completes, an exception fails the Completable unchanged
     * @return the Completable; subscribed from a thread that runs no loop, it signals
     *     {@link IllegalStateException} naming the fix ({@code rxCompletable(loop, body)})
     * @throws NullPointerException if {@code body} is {@code null}
     */
    public static Completable rxCompletable(VoidCoroutine body) {
        return CoroutineAsSource.completable(null, body);
    }

    /**
     * A cold {@link Completable} that runs {@code body} as a new task of {@code loop}, once per
     * subscription, whichever thread subscribes.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Any thread may subscribe; the task is created on the loop. Signals run on the loop.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>Disposing cancels the task; its {@code finally} blocks run.</dd>
     * <dt><b>Hot/cold:</b></dt>
     * <dd>Cold: a new task per subscription.</dd>
     * </dl>
     * {@snippet :
     * Completable warmUp = rxCompletable(loop, () -> {
     *     await(gather(createTask(cache::load), createTask(index::build)));
     * });
     * warmUp.blockingAwait(); // from a plain thread, not from the loop
     * }
     *
     * @param loop the loop that runs the tasks; a closed loop fails each subscription with
     *     {@link IllegalStateException}
     * @param body the body
     * @return the Completable
     * @throws NullPointerException if {@code loop} or {@code body} is {@code null}
     */
    public static Completable rxCompletable(EventLoop loop, VoidCoroutine body) {
        return CoroutineAsSource.completable(Objects.requireNonNull(loop, "loop"), body);
    }

    // ---------------------------------------------------------------- Flowable

    /**
     * A cold {@link Flowable} whose items are emitted by {@code body}, run as a new task of the
     * loop the subscriber runs on, once per subscription. For a subscriber outside any loop, use
     * {@link #rxFlowable(EventLoop, FlowableBody)}.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Subscribe from a task (or a callback) of a loop. {@code onNext} runs on the body's task,
     *     inside {@link RxFlowableEmitter#emit}; {@code onComplete}/{@code onError} on the loop after
     *     the task ended. Signals never overlap.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>The subscriber's {@code cancel()} cancels the task: the pending {@code await} or
     *     {@code emit} throws {@link CancelledException} and {@code finally} blocks run.</dd>
     * <dt><b>Hot/cold:</b></dt>
     * <dd>Cold: each subscription runs the body again.</dd>
     * </dl>
     * {@snippet :
     * Flowable<Integer> ticks = rxFlowable(emitter -> {
     *     for (int i = 0; i < 3; i++) {
     *         emitter.emit(i);
     *         sleep(Duration.ofSeconds(1));
     *     }
     * });
     * }
     *
     * @param body the body; returning completes the Flowable, throwing fails it with that exception
     * @param <T> the type of the items
     * @return the Flowable; subscribed from a thread that runs no loop, it signals
     *     {@link IllegalStateException} naming the fix ({@code rxFlowable(loop, body)})
     * @throws NullPointerException if {@code body} is {@code null}
     */
    public static <T> Flowable<T> rxFlowable(FlowableBody<T> body) {
        return FlowableBodyAsFlowable.of(null, body);
    }

    /**
     * A cold {@link Flowable} whose items are emitted by {@code body}, run as a new task of
     * {@code loop} for each subscription. {@link RxFlowableEmitter#emit} suspends the task while
     * the subscriber has no demand (backpressure without buffers).
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Any thread may subscribe and request. {@code onNext} runs on the body's task;
     *     {@code onComplete}/{@code onError} on the loop. Signals never overlap. A non-positive
     *     request cancels the task and, once it has ended, fails the Flowable with
     *     {@link IllegalArgumentException} (rule 3.9).</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>The subscriber's {@code cancel()} cancels the task; {@code emit} throws
     *     {@link CancelledException}; {@code finally} blocks run; nothing more is signalled, and a
     *     later failure of the body goes to {@code RxJavaPlugins.onError}.</dd>
     * <dt><b>Hot/cold:</b></dt>
     * <dd>Cold: a new task per subscription.</dd>
     * </dl>
     * {@snippet :
     * Flowable<String> pages = rxFlowable(loop, emitter -> {
     *     String next = firstPage;
     *     while (next != null) {
     *         Page page = await(client.fetch(next));
     *         emitter.emit(page.body()); // suspends until the subscriber wants more
     *         next = page.next();
     *     }
     * });
     * }
     *
     * @param loop the loop that runs the tasks; a closed loop fails each subscription with
     *     {@link IllegalStateException}
     * @param body the body
     * @param <T> the type of the items
     * @return the Flowable
     * @throws NullPointerException if {@code loop} or {@code body} is {@code null}
     */
    public static <T> Flowable<T> rxFlowable(EventLoop loop, FlowableBody<T> body) {
        return FlowableBodyAsFlowable.of(Objects.requireNonNull(loop, "loop"), body);
    }

    // ---------------------------------------------------------------- Observable

    /**
     * A cold {@link Observable} whose items are emitted by {@code body}, run as a new task of the
     * loop the observer runs on, once per subscription. An Observable has no backpressure:
     * {@link RxObservableEmitter#emit} hands the item over at once and never waits. For an
     * observer outside any loop, use {@link #rxObservable(EventLoop, ObservableBody)}.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Subscribe from a task (or a callback) of a loop. {@code onNext} runs on the body's task;
     *     {@code onComplete}/{@code onError} on the loop after the task ended. Signals never
     *     overlap.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>Disposing cancels the task: the pending {@code await} or the next {@code emit} throws
     *     {@link CancelledException} and {@code finally} blocks run.</dd>
     * <dt><b>Hot/cold:</b></dt>
     * <dd>Cold: each subscription runs the body again.</dd>
     * </dl>
     * {@snippet :
     * Observable<Integer> ticks = rxObservable(emitter -> {
     *     for (int i = 0; i < 3; i++) {
     *         emitter.emit(i);
     *         sleep(Duration.ofSeconds(1));
     *     }
     * });
     * }
     *
     * @param body the body; returning completes the Observable, throwing fails it with that
     *     exception
     * @param <T> the type of the items
     * @return the Observable; subscribed from a thread that runs no loop, it signals
     *     {@link IllegalStateException} naming the fix ({@code rxObservable(loop, body)})
     * @throws NullPointerException if {@code body} is {@code null}
     */
    public static <T> Observable<T> rxObservable(ObservableBody<T> body) {
        return ObservableBodyAsObservable.of(null, body);
    }

    /**
     * A cold {@link Observable} whose items are emitted by {@code body}, run as a new task of
     * {@code loop} for each subscription. No backpressure: {@code emit} never waits for the
     * observer (use {@link #rxFlowable(EventLoop, FlowableBody)} when it must).
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Any thread may subscribe. {@code onNext} runs on the body's task;
     *     {@code onComplete}/{@code onError} on the loop. Signals never overlap.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>Disposing cancels the task; {@code emit} throws {@link CancelledException};
     *     {@code finally} blocks run; nothing more is signalled, and a later failure of the body
     *     goes to {@code RxJavaPlugins.onError}.</dd>
     * <dt><b>Hot/cold:</b></dt>
     * <dd>Cold: a new task per subscription.</dd>
     * </dl>
     * {@snippet :
     * Observable<Event> events = rxObservable(loop, emitter -> {
     *     try (Connection c = await(connect())) {
     *         while (true) {
     *             emitter.emit(await(c.nextEvent()));
     *         }
     *     } // disposing cancels the task: the connection closes
     * });
     * }
     *
     * @param loop the loop that runs the tasks; a closed loop fails each subscription with
     *     {@link IllegalStateException}
     * @param body the body
     * @param <T> the type of the items
     * @return the Observable
     * @throws NullPointerException if {@code loop} or {@code body} is {@code null}
     */
    public static <T> Observable<T> rxObservable(EventLoop loop, ObservableBody<T> body) {
        return ObservableBodyAsObservable.of(Objects.requireNonNull(loop, "loop"), body);
    }

    // ---------------------------------------------------------------- task → Single, Maybe, Completable

    /**
     * A hot {@link Single} of a task that already runs: each observer gets the task's value, its
     * exception, or {@link CancelledException} if the task was cancelled. A task that ends with
     * {@code null} fails the Single with a {@link NullPointerException} naming the fix
     * ({@link #toMaybe(Task)}).
     *
     * <p>Disposing only stops that observer from listening: the task goes on, because it was
     * started by someone else and may have other observers (like Kotlin's
     * {@code Deferred.asSingle}, and the Reactor bridge's {@code toMono}). To cancel the task with
     * the subscription, wrap it cold: {@code rxSingle(loop, () -> await(task))} — disposing that
     * Single's task cancels the task it awaits.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Any thread may subscribe. The outcome is signalled on the task's loop when it ends; if the
     *     task is already done, on the subscribing thread.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>Disposing never cancels the task.</dd>
     * <dt><b>Hot/cold:</b></dt>
     * <dd>Hot: subscribing does not start anything; every observer, early or late, gets the same
     *     outcome.</dd>
     * </dl>
     * {@snippet :
     * Task<Report> report = createTask(() -> buildReport());
     * Single<Report> shared = toSingle(report);
     * shared.subscribe(mailer::send);
     * shared.subscribe(archive::store); // the same report, built once
     * }
     *
     * @param task the task (of any loop)
     * @param <T> the type of the value
     * @return the Single
     * @throws NullPointerException if {@code task} is {@code null}
     */
    public static <T> Single<T> toSingle(Task<? extends T> task) {
        return TaskAsSource.single(task);
    }

    /**
     * A hot {@link Maybe} of a task that already runs: each observer gets the task's value
     * ({@code null}: empty), its exception, or {@link CancelledException} if the task was
     * cancelled. Disposing never cancels the task (see {@link #toSingle(Task)} for why, and how to
     * get a cancelling source).
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Any thread may subscribe. The outcome is signalled on the task's loop when it ends; if the
     *     task is already done, on the subscribing thread.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>Disposing never cancels the task.</dd>
     * <dt><b>Hot/cold:</b></dt>
     * <dd>Hot: every observer, early or late, gets the same outcome.</dd>
     * </dl>
     * {@snippet :
     * Task<User> lookup = createTask(() -> await(cache.get(id))); // may end with null
     * toMaybe(lookup)
     *         .defaultIfEmpty(User.ANONYMOUS)
     *         .subscribe(view::show);
     * }
     *
     * @param task the task (of any loop)
     * @param <T> the type of the value
     * @return the Maybe
     * @throws NullPointerException if {@code task} is {@code null}
     */
    public static <T> Maybe<T> toMaybe(Task<? extends @Nullable T> task) {
        return TaskAsSource.maybe(task);
    }

    /**
     * A hot {@link Completable} of a task that already runs: each observer learns that the task
     * ended (its value, if any, is ignored), failed with its exception, or was cancelled
     * ({@link CancelledException}). Disposing never cancels the task (see {@link #toSingle(Task)}).
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Any thread may subscribe. The outcome is signalled on the task's loop when it ends; if the
     *     task is already done, on the subscribing thread.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>Disposing never cancels the task.</dd>
     * <dt><b>Hot/cold:</b></dt>
     * <dd>Hot: every observer, early or late, gets the same outcome.</dd>
     * </dl>
     * {@snippet :
     * Task<Void> migration = createTask(() -> migrate(schema));
     * toCompletable(migration)
     *         .andThen(server.start())
     *         .subscribe();
     * }
     *
     * @param task the task (of any loop)
     * @return the Completable
     * @throws NullPointerException if {@code task} is {@code null}
     */
    public static Completable toCompletable(Task<?> task) {
        return TaskAsSource.completable(task);
    }

    // ---------------------------------------------------------------- scheduler

    /**
     * The event loop as an RxJava {@link Scheduler}, so that {@code observeOn(scheduler(loop))}
     * delivers on the loop and {@code Single.timer(d, unit, scheduler(loop))} runs on the loop's
     * clock.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Tasks may be scheduled from any thread; they run on the loop, one at a time, between task
     *     steps, in the order they were scheduled (through the loop's thread-safe inbox), delayed ones
     *     by deadline on the loop's clock (virtual or not), periodic ones at a fixed rate.
     *     {@code now(unit)} reads that clock: its origin is the loop's (0 for a virtual clock), not
     *     the epoch. Like RxJava's own schedulers, it passes each task through
     *     {@code RxJavaPlugins.onSchedule} and sends what a task throws to
     *     {@code RxJavaPlugins.onError}; a periodic task that throws stops. On a virtual clock,
     *     subscribe timed chains from the loop (a task or a callback): an idle virtual loop jumps
     *     to its next timer at once, so a chain subscribed from another thread may see ticks before
     *     RxJava has finished wiring it (an {@code interval} then runs on until the disposal
     *     arrives).</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>Disposing a scheduled task or a worker, or {@code shutdown()} of the scheduler, cancels
     *     what they scheduled and not yet ran; afterwards they ignore new tasks (returning a disposed
     *     {@code Disposable}, RxJava's convention), until {@code start()} for the scheduler. They
     *     never stop or close the loop. Once the loop is closed, scheduling returns a disposed
     *     {@code Disposable} and sends a {@link java.util.concurrent.RejectedExecutionException} to
     *     {@code RxJavaPlugins.onError} (once per worker, which disposes itself), as RxJava's
     *     executor schedulers do.</dd>
     * <dt><b>Hot/cold:</b></dt>
     * <dd>Not a source. Each call returns a new scheduler; shutting one down leaves the others
     *     working.</dd>
     * </dl>
     * {@snippet :
     * Flowable.range(1, 3)
     *         .observeOn(scheduler(loop)) // onNext runs on the loop, between its tasks
     *         .subscribe(i -> System.out.println(currentLoop() == loop));
     * }
     *
     * @param loop the loop
     * @return a new scheduler running on {@code loop}
     * @throws NullPointerException if {@code loop} is {@code null}
     */
    public static Scheduler scheduler(EventLoop loop) {
        return new LoopScheduler(SchedulerLoops.of(loop));
    }

    /**
     * A {@link LoopGroup} as an RxJava {@link Scheduler}, as {@code Schedulers.computation()} but on
     * the group's loops: each worker is pinned to one loop, taken round-robin, so a worker's tasks
     * (one {@code observeOn}, one {@code subscribeOn}, one rail of {@code parallel().runOn}) stay in
     * order on one thread at a time, while different workers run on different loops in parallel.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Tasks may be scheduled from any thread. A worker's tasks run on its loop, between that
     *     loop's task steps, in the order they were scheduled, and its {@code now(unit)} reads that
     *     loop's clock; direct tasks ({@code scheduleDirect}) go to the next loop round-robin, a
     *     periodic one staying on the loop it started on. Delays run on the clock of the loop that
     *     runs the task; the scheduler's own {@code now(unit)} reads the first loop's clock (with
     *     the system clock, all loops read the same time; with virtual clocks each loop has its
     *     own). As RxJava's own schedulers, it passes each task through
     *     {@code RxJavaPlugins.onSchedule} and sends what a task throws to
     *     {@code RxJavaPlugins.onError}; a periodic task that throws stops.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>Disposing a scheduled task or a worker, or {@code shutdown()} of the scheduler, cancels
     *     what they scheduled and not yet ran; afterwards they ignore new tasks (returning a disposed
     *     {@code Disposable}), until {@code start()} for the scheduler. They never stop or close the
     *     group. Once the group is closed, scheduling returns a disposed {@code Disposable} and
     *     sends a {@link java.util.concurrent.RejectedExecutionException} to
     *     {@code RxJavaPlugins.onError} (once per worker, which disposes itself).</dd>
     * <dt><b>Hot/cold:</b></dt>
     * <dd>Not a source. Each call returns a new scheduler over the same loops; shutting one down
     *     leaves the others working.</dd>
     * </dl>
     * {@snippet :
     * Scheduler loops = scheduler(group);
     * Flowable.range(0, 1_000)
     *         .parallel()
     *         .runOn(loops)                 // one rail per worker, each rail on one loop
     *         .map(this::handle)
     *         .sequential()
     *         .subscribe();
     * }
     *
     * @param group the group
     * @return a new scheduler over the group's loops
     * @throws NullPointerException if {@code group} is {@code null}
     * @since 0.2
     */
    public static Scheduler scheduler(LoopGroup group) {
        return new LoopScheduler(SchedulerLoops.of(group));
    }

    // ---------------------------------------------------------------- blocking calls

    /**
     * Makes RxJava's blocking calls ({@code blockingGet()}, {@code blockingFirst()},
     * {@code blockingAwait()}, {@code blockingIterable()}…) fail fast with RxJava's own
     * {@link IllegalStateException} ("Attempt to block on a Scheduler … that doesn't support
     * blocking operators") when they would block a thread that runs an event loop (a task or a
     * callback), instead of freezing the loop. Use {@code await(...)} of the Rx bridge there instead.
     * A blocking call whose source is already complete does not block and still works.
     *
     * <p>Opt-in, because both settings it touches are global to RxJava: it puts a loop-thread check
     * into {@code RxJavaPlugins.setOnBeforeBlocking} (chaining any supplier already there, so an
     * application's own check keeps working) and turns on
     * {@code RxJavaPlugins.setFailOnNonBlockingScheduler(true)}, which also makes blocking fail on
     * RxJava's {@code computation()} and {@code single()} threads, as RxJava documents. Loading the
     * core already puts the check into an empty {@code onBeforeBlocking} slot without turning the
     * switch on, so an application that turns on {@code setFailOnNonBlockingScheduler(true)} itself
     * gets loop threads covered without calling this. Idempotent.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Any thread.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>Not applicable; {@code RxJavaPlugins.setFailOnNonBlockingScheduler(false)} undoes it
     *     (RxJava no longer asks the check), and {@code RxJavaPlugins.reset()} removes the check
     *     too; calling this again restores both.</dd>
     * <dt><b>Hot/cold:</b></dt>
     * <dd>Not a source.</dd>
     * </dl>
     * {@snippet :
     * RxTasks.failOnBlockingInLoop();
     * run(() -> userRepo.find(id).blockingGet()); // IllegalStateException: use await(...) instead
     * }
     *
     * @throws IllegalStateException if {@code RxJavaPlugins.lockdown()} was called (its settings can
     *     no longer change)
     */
    public static void failOnBlockingInLoop() {
        NonBlockingLoopThreads.failOnBlocking();
    }
}
