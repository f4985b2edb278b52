package dev.reactiveawait.reactor;

import dev.reactiveawait.CancelledException;
import dev.reactiveawait.Coroutine;
import dev.reactiveawait.EventLoop;
import dev.reactiveawait.LoopGroup;
import dev.reactiveawait.Task;
import dev.reactiveawait.internal.SchedulerLoops;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Tasks as Reactor publishers: a coroutine becomes a {@link Mono} or a {@link Flux} that drops into a
 * WebFlux controller or any Reactor chain, and an event loop becomes a Reactor {@link Scheduler}.
 *
 * <p>Every publisher made here follows the Reactive Streams rules (checked with the TCK): signals
 * never overlap, completion and errors need no demand, {@code request(n <= 0)} fails the
 * subscription with {@link IllegalArgumentException} (rule 3.9), and signals that arrive after a
 * cancellation go to Reactor's hooks ({@code Operators.onErrorDropped}, {@code onDiscard}), never
 * nowhere. The subscriber's Reactor {@code Context} is readable inside the bodies (the await side,
 * {@code ReactorAwait.context()}, reads it).
 *
 * <p>Loading this class also registers loop threads as non-blocking with Reactor (see
 * {@link #registerNonBlockingLoopThreads()}).
 *
 * <dl>
 * <dt><b>Thread:</b></dt>
 * <dd>Bodies run as tasks of an event loop: the one given, or the one the subscriber runs on; never
 *     a hidden global pool. Signals come from the loop (or the body's task).</dd>
 * <dt><b>Cancellation:</b></dt>
 * <dd>Cancelling the subscription of a {@code mono}/{@code flux} cancels its task, whose
 *     {@code finally} blocks run. {@link #toMono(Task)} is the exception: it never cancels the
 *     task it observes.</dd>
 * <dt><b>Hot/cold:</b></dt>
 * <dd>{@code mono} and {@code flux} are cold (a new task per subscription); {@code toMono} is hot
 *     (the task already runs).</dd>
 * </dl>
 * {@snippet :
 * import static dev.reactiveawait.Async.*;
 * import static dev.reactiveawait.reactor.ReactorTasks.*;
 *
 * Mono<String> greeting = mono(loop, () -> {
 *     sleep(Duration.ofMillis(100));
 *     return "hello";
 * });
 * }
 *
 * @since 0.1
 */
public final class ReactorTasks {
    static {
        NonBlockingLoopThreads.register();
    }

    private ReactorTasks() {}

    // ---------------------------------------------------------------- mono

    /**
     * A cold {@link Mono} that runs {@code body} as a new task of the loop the subscriber runs on,
     * once per subscription. For a subscriber outside any loop, use {@link #mono(EventLoop, Coroutine)}.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Subscribe from a task (or a callback) of a loop: the body runs as a task of that loop,
     *     scheduled like {@code createTask} (after what is already ready). The value is signalled on
     *     the loop, or on the requesting thread if the request comes after the value.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>The subscriber's {@code cancel()} cancels the task: its pending {@code await} throws
     *     {@link CancelledException}, {@code finally} blocks run, and nothing more is signalled.
     *     A task cancelled by anyone else (the loop closing) fails the Mono with
     *     {@link CancelledException}.</dd>
     * <dt><b>Hot/cold:</b></dt>
     * <dd>Cold: each subscription starts its own task; a second subscriber runs the body again.</dd>
     * </dl>
     * {@snippet :
     * Mono<User> findUser(String id) {
     *     return mono(() -> await(users.find(id))); // subscribed inside a task
     * }
     * }
     *
     * @param body the body; a {@code null} result completes the Mono empty, an exception fails it
     *     (unchanged, checked ones too)
     * @param <T> the type of the value
     * @return the Mono; subscribed from a thread that runs no loop, it signals
     *     {@link IllegalStateException} naming the fix ({@code mono(loop, body)})
     * @throws NullPointerException if {@code body} is {@code null}
     */
    public static <T> Mono<T> mono(Coroutine<? extends @Nullable T> body) {
        return CoroutineAsMono.of(null, body);
    }

    /**
     * A cold {@link Mono} that runs {@code body} as a new task of {@code loop}, once per
     * subscription, whichever thread subscribes.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Any thread may subscribe; the task is created on the loop (through
     *     {@code callSoonThreadsafe} from other threads). The value is signalled on the loop, or on
     *     the requesting thread if the request comes after the value.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>The subscriber's {@code cancel()} cancels the task; its {@code finally} blocks run.</dd>
     * <dt><b>Hot/cold:</b></dt>
     * <dd>Cold: a new task per subscription.</dd>
     * </dl>
     * {@snippet :
     * Mono<Integer> answer = mono(loop, () -> {
     *     sleep(Duration.ofSeconds(1));
     *     return 42;
     * });
     * answer.subscribe(System.out::println); // from any thread
     * }
     *
     * @param loop the loop that runs the tasks; a closed loop fails each subscription with
     *     {@link IllegalStateException}
     * @param body the body; a {@code null} result completes the Mono empty, an exception fails it
     * @param <T> the type of the value
     * @return the Mono
     * @throws NullPointerException if {@code loop} or {@code body} is {@code null}
     */
    public static <T> Mono<T> mono(EventLoop loop, Coroutine<? extends @Nullable T> body) {
        return CoroutineAsMono.of(Objects.requireNonNull(loop, "loop"), body);
    }

    // ---------------------------------------------------------------- flux

    /**
     * A cold {@link Flux} whose items are emitted by {@code body}, run as a new task of the loop the
     * subscriber runs on, once per subscription. For a subscriber outside any loop, use
     * {@link #flux(EventLoop, FluxBody)}.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Subscribe from a task (or a callback) of a loop. {@code onNext} runs on the body's task,
     *     inside {@link FluxEmitter#emit}; {@code onComplete}/{@code onError} on the loop after the
     *     task ended. Signals never overlap.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>The subscriber's {@code cancel()} cancels the task: the pending {@code await} or
     *     {@code emit} throws {@link CancelledException} and {@code finally} blocks run.</dd>
     * <dt><b>Hot/cold:</b></dt>
     * <dd>Cold: each subscription runs the body again.</dd>
     * </dl>
     * {@snippet :
     * Flux<Integer> ticks = flux(emitter -> {
     *     for (int i = 0; i < 3; i++) {
     *         emitter.emit(i);
     *         sleep(Duration.ofSeconds(1));
     *     }
     * });
     * }
     *
     * @param body the body; returning completes the Flux, throwing fails it with that exception
     * @param <T> the type of the items
     * @return the Flux; subscribed from a thread that runs no loop, it signals
     *     {@link IllegalStateException} naming the fix ({@code flux(loop, body)})
     * @throws NullPointerException if {@code body} is {@code null}
     */
    public static <T> Flux<T> flux(FluxBody<T> body) {
        return FluxBodyAsFlux.of(null, body);
    }

    /**
     * A cold {@link Flux} whose items are emitted by {@code body}, run as a new task of
     * {@code loop} for each subscription. {@link FluxEmitter#emit} suspends the task while the
     * subscriber has no demand (backpressure without buffers).
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Any thread may subscribe and request. {@code onNext} runs on the body's task;
     *     {@code onComplete}/{@code onError} on the loop. Signals never overlap. A non-positive
     *     request cancels the task and, once it has ended, fails the Flux with
     *     {@link IllegalArgumentException} (rule 3.9).</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>The subscriber's {@code cancel()} cancels the task; {@code emit} throws
     *     {@link CancelledException}; {@code finally} blocks run; nothing more is signalled, and a
     *     later failure of the body goes to {@code Operators.onErrorDropped}.</dd>
     * <dt><b>Hot/cold:</b></dt>
     * <dd>Cold: a new task per subscription.</dd>
     * </dl>
     * {@snippet :
     * Flux<String> pages = flux(loop, emitter -> {
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
     * @return the Flux
     * @throws NullPointerException if {@code loop} or {@code body} is {@code null}
     */
    public static <T> Flux<T> flux(EventLoop loop, FluxBody<T> body) {
        return FluxBodyAsFlux.of(Objects.requireNonNull(loop, "loop"), body);
    }

    // ---------------------------------------------------------------- task → Mono

    /**
     * A hot {@link Mono} of a task that already runs: each subscriber gets the task's outcome, its
     * value ({@code null}: empty), its exception, or {@link CancelledException} if the task was
     * cancelled.
     *
     * <p>Cancelling a subscription only stops that subscriber from listening: the task goes on,
     * because it was started by someone else and may have other subscribers (like Kotlin's
     * {@code Deferred.asMono}). To cancel the task with the subscription, wrap it cold:
     * {@code mono(loop, () -> await(task))} — cancelling that Mono's task cancels the task it
     * awaits.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Any thread may subscribe. The outcome is signalled on the task's loop when it ends; if the
     *     task is already done, on the subscribing (or requesting) thread.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>Cancelling the subscription never cancels the task.</dd>
     * <dt><b>Hot/cold:</b></dt>
     * <dd>Hot: subscribing does not start anything; every subscriber, early or late, gets the
     *     same outcome.</dd>
     * </dl>
     * {@snippet :
     * Task<Report> report = createTask(() -> buildReport());
     * Mono<Report> shared = toMono(report);
     * shared.subscribe(mailer::send);
     * shared.subscribe(archive::store); // the same report, built once
     * }
     *
     * @param task the task (or any task of any loop)
     * @param <T> the type of the value
     * @return the Mono
     * @throws NullPointerException if {@code task} is {@code null}
     */
    public static <T> Mono<T> toMono(Task<? extends @Nullable T> task) {
        return TaskAsMono.of(Objects.requireNonNull(task, "task"));
    }

    // ---------------------------------------------------------------- scheduler

    /**
     * The event loop as a Reactor {@link Scheduler}, so that {@code publishOn(scheduler(loop))}
     * delivers on the loop and {@code Mono.delay(d, scheduler(loop))} runs on the loop's clock.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Tasks may be scheduled from any thread; they run on the loop, one at a time, between task
     *     steps, in the order they were scheduled (through the loop's thread-safe inbox), delayed ones
     *     by deadline on the loop's clock (virtual or not). {@code now(unit)} reads that clock: its
     *     origin is the loop's (0 for a virtual clock), not the epoch. An exception thrown by a task
     *     is logged by the loop; a periodic task that throws stops.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>Disposing a scheduled task, a worker or the scheduler cancels what they scheduled and not
     *     yet ran; afterwards they reject new tasks with
     *     {@link java.util.concurrent.RejectedExecutionException}. Disposing never stops or closes
     *     the loop; once the loop is closed, scheduling is rejected too.</dd>
     * <dt><b>Hot/cold:</b></dt>
     * <dd>Not a publisher. Each call returns a new scheduler; disposing one leaves the others
     *     working.</dd>
     * </dl>
     * {@snippet :
     * Flux.range(1, 3)
     *         .publishOn(scheduler(loop)) // onNext runs on the loop, between its tasks
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
     * A {@link LoopGroup} as a Reactor {@link Scheduler}, as {@code Schedulers.parallel()} but on
     * the group's loops: each worker is pinned to one loop, taken round-robin, so a worker's tasks
     * (one {@code publishOn}, one {@code subscribeOn}, one rail of {@code parallel().runOn}) stay in
     * order on one thread at a time, while different workers run on different loops in parallel.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Tasks may be scheduled from any thread. A worker's tasks run on its loop, between that
     *     loop's task steps, in the order they were scheduled; direct tasks
     *     ({@code Scheduler.schedule}) go to the next loop round-robin, a periodic one staying on
     *     the loop it started on. Delays run on the clock of the loop that runs the task;
     *     {@code now(unit)} reads the first loop's clock (with the system clock, all loops read the
     *     same time; with virtual clocks each loop has its own). An exception thrown by a task is
     *     logged by its loop; a periodic task that throws stops.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>Disposing a scheduled task, a worker or the scheduler cancels what they scheduled and not
     *     yet ran; afterwards they reject new tasks with
     *     {@link java.util.concurrent.RejectedExecutionException}. Disposing never stops or closes
     *     the group; once the group is closed, scheduling is rejected too.</dd>
     * <dt><b>Hot/cold:</b></dt>
     * <dd>Not a publisher. Each call returns a new scheduler over the same loops; disposing one
     *     leaves the others working.</dd>
     * </dl>
     * {@snippet :
     * Scheduler loops = scheduler(group);
     * Flux.range(0, 1_000)
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

    // ---------------------------------------------------------------- non-blocking threads

    /**
     * Makes Reactor treat every thread that runs an event loop (a task or a callback) as
     * non-blocking, so that {@code Mono.block()}, {@code Flux.blockFirst()},
     * {@code toIterable()} and the like fail fast there with Reactor's own
     * {@link IllegalStateException} instead of freezing the loop. Loading this class does it
     * already; call it again after {@code Schedulers.resetNonBlockingThreadPredicate()}. Idempotent:
     * the predicate is never registered twice.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Any thread.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>Not applicable; {@code Schedulers.resetNonBlockingThreadPredicate()} undoes it.</dd>
     * <dt><b>Hot/cold:</b></dt>
     * <dd>Not a publisher.</dd>
     * </dl>
     * {@snippet :
     * ReactorTasks.registerNonBlockingLoopThreads();
     * run(() -> userRepo.find(id).block()); // IllegalStateException: use await(...) instead
     * }
     */
    public static void registerNonBlockingLoopThreads() {
        NonBlockingLoopThreads.register();
    }
}
