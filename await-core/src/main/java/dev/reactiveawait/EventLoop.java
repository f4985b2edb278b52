package dev.reactiveawait;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * An asyncio event loop: runs tasks and callbacks one at a time, in asyncio's order.
 *
 * <p>Each loop iteration runs the callbacks and task steps that were ready when it began, in FIFO
 * order; then the next iteration takes what became ready meanwhile, plus the timers that came due
 * (in deadline, then scheduling order), plus callbacks posted from other threads. There is no
 * central driver thread: the task that suspends picks the next ready step itself and hands the
 * loop straight to it (one virtual-thread handoff per switch).
 *
 * <dl>
 * <dt><b>Thread:</b></dt>
 * <dd>Task bodies, callbacks and done-callbacks never run in parallel with each other. Loop-only
 *     methods throw {@link WrongThreadException} from other threads while the loop runs; other
 *     threads use {@link #callSoonThreadsafe} and {@link #submit}.</dd>
 * <dt><b>Cancellation:</b></dt>
 * <dd>{@link #close()} cancels the tasks still pending and runs the loop until they have cleaned
 *     up, as {@code asyncio.run} does.</dd>
 * </dl>
 * {@snippet :
 * try (EventLoop loop = EventLoop.create()) {
 *     int answer = loop.runUntilComplete(() -> {
 *         sleep(Duration.ofMillis(10));
 *         return 42;
 *     });
 * }
 * }
 *
 * @since 0.1
 */
public final class EventLoop extends LoopEngine implements AutoCloseable {

    static {
        dev.reactiveawait.internal.CoreAccess.install(new CoreAccessImpl());
        for (dev.reactiveawait.internal.CoreExtension e
                : java.util.ServiceLoader.load(dev.reactiveawait.internal.CoreExtension.class,
                        EventLoop.class.getClassLoader())) {
            e.coreLoaded();
        }
    }
    private static final Object[] NO_LOCALS = {};
    private static final int FIRST_FAILURE_PRUNE = 1024;

    private final @Nullable OwnCarrier ownCarrier;
    private final PendingTasks pending = new PendingTasks();
    /** Futures of {@link #submit} whose task runs; failed by close() if it drops their task. */
    private final java.util.Set<SubmittedFuture<?>> submitted = new java.util.HashSet<>();
    private final ArrayList<FailureReport> failures = new ArrayList<>();
    private int nextFailurePrune = FIRST_FAILURE_PRUNE;
    /** Receives the task exceptions nobody retrieved when the loop closes, instead of the log. */
    private java.util.function.@Nullable BiConsumer<String, Throwable> unretrievedSink;
    /** Slow-step threshold in real nanoseconds, 0 when off; see {@link #setSlowStepThreshold}. */
    private long slowStepNanos = slowStepNanosFromProperty();
    /** JMX bean and dropped-task reports; created by the thread entering the first run. */
    private @Nullable LoopDiagnostics diagnostics;
    /** Written by the thread entering or leaving {@code runUntilComplete}; read anywhere. */
    private volatile boolean running;
    /** Written once by {@link #close()}; read anywhere. */
    private volatile boolean closed;

    private EventLoop(LoopClock clock) {
        this(clock, OwnCarrier.create());
    }

    private EventLoop(LoopClock clock, @Nullable OwnCarrier ownCarrier) {
        super(clock, ownCarrier != null ? ownCarrier.threads : Thread.ofVirtual().inheritInheritableThreadLocals(false));
        this.ownCarrier = ownCarrier;
    }

    /**
     * A new loop on the system clock.
     *
     * @return the loop, not running
     */
    public static EventLoop create() {
        return new EventLoop(LoopClock.system());
    }

    /**
     * A new loop on the given clock; pass {@link LoopClock#virtual()} for tests.
     *
     * @param clock the clock every timer of the loop reads
     * @return the loop, not running
     */
    public static EventLoop create(LoopClock clock) {
        return new EventLoop(Objects.requireNonNull(clock, "clock"));
    }

    // ---------------------------------------------------------------- running

    /**
     * Runs {@code main} as a task until it completes, and returns its result. The loop can run
     * again later; tasks still pending stay pending until then (or until {@link #close()}).
     *
     * @param main the main task's body
     * @param <T> the result type
     * @return what {@code main} returned
     * @throws IllegalStateException if the loop is closed or already running, or if called from
     *     inside a loop
     */
    public <T extends @Nullable Object> T runUntilComplete(Coroutine<T> main) {
        Objects.requireNonNull(main, "main");
        checkCanRun("runUntilComplete");
        return runUntilComplete(createTask(main));
    }

    /**
     * Runs {@code main} as a task until it completes.
     *
     * @param main the main task's body
     * @throws IllegalStateException if the loop is closed or already running, or if called from
     *     inside a loop
     */
    public void runUntilComplete(VoidCoroutine main) {
        Objects.requireNonNull(main, "main");
        runUntilComplete(Async.asCoroutine(main));
    }

    /**
     * Runs the loop until {@code awaitable} is done, and returns its result.
     *
     * @param awaitable a task or promise of this loop
     * @param <T> the result type
     * @return its result
     * @throws IllegalStateException if the loop is closed or already running, if called from inside
     *     a loop, or if the loop was stopped before {@code awaitable} completed
     * @throws WrongThreadException if {@code awaitable} belongs to another loop
     */
    public <T extends @Nullable Object> T runUntilComplete(Awaitable<T> awaitable) {
        AbstractAwaitable<T> a = (AbstractAwaitable<T>) Objects.requireNonNull(awaitable, "awaitable");
        if (a.loop != this) {
            throw new WrongThreadException("runUntilComplete(): " + awaitable + " belongs to another loop ("
                    + a.loop.id() + ") than " + id() + "; run it with its own loop");
        }
        checkCanRun("runUntilComplete");
        Runnable stopper = this::stop;
        java.util.function.Consumer<Awaitable<T>> onDone = x -> stopper.run();
        enter();
        try {
            a.addDoneCallback(onDone);
            drive();
        } finally {
            a.removeCallback(onDone);
            leave();
        }
        if (!a.isDone()) {
            throw new IllegalStateException("the loop was stopped before " + awaitable + " completed");
        }
        return a.result();
    }

    /**
     * Runs the loop until {@link #stop()} is called (by a task, a callback or another thread), for
     * loops that serve work submitted with {@link #submit}.
     *
     * @throws IllegalStateException if the loop is closed or already running, or if called from
     *     inside a loop
     */
    public void runForever() {
        checkCanRun("runForever");
        enter();
        try {
            drive();
        } finally {
            leave();
        }
    }

    /**
     * Stops the running loop after the current iteration. From another thread, the request is
     * forwarded through the inbox.
     */
    public void stop() {
        if (inLoop() || !running) {
            stopping = true;
        } else {
            post(() -> stopping = true);
        }
    }

    /**
     * Whether the loop runs now ({@code runUntilComplete} or {@code runForever} in progress).
     *
     * @return {@code true} while running
     */
    public boolean isRunning() {
        return running;
    }

    /**
     * Whether {@link #close()} was called.
     *
     * @return {@code true} once closed
     */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Whether the calling code runs on this loop (a task step or a callback of it).
     *
     * @return {@code true} on the loop
     */
    public boolean inLoop() {
        return holder == Thread.currentThread();
    }

    /** The running loop whose baton the calling thread holds, or {@code null}. */
    static @Nullable EventLoop ofCurrentThread() {
        return ofThread(Thread.currentThread());
    }

    /** The running loop whose baton {@code me} holds, or {@code null}. */
    static @Nullable EventLoop ofThread(Thread me) {
        return RunningLoops.heldBy(me);
    }

    /**
     * Cancels the tasks still pending, runs the loop until they have finished (their
     * {@code finally} blocks run), reports task exceptions nobody retrieved, and closes the loop.
     * Closing twice is harmless.
     *
     * @throws IllegalStateException if the loop is running
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (running) {
            throw new IllegalStateException("close() called while the loop runs: call it after runUntilComplete returns");
        }
        if (ofCurrentThread() != null) {
            throw new IllegalStateException("close() called from inside a running event loop: closing runs this "
                    + "loop's leftover tasks, which cannot happen on another loop's thread; close it from a plain thread");
        }
        try {
            cancelPendingTasks();
        } finally {
            closed = true;
            runLeftoverInbox();
            if (ownCarrier != null) {
                ownCarrier.carrier.shutdown();
            }
            reportUnretrieved();
            if (diagnostics != null) {
                diagnostics.closed(pending.snapshot(), unretrievedSink); // tasks that will never resume
            }
            failDroppedSubmissions();
        }
    }

    /**
     * Callbacks posted from other threads just before close would otherwise be lost: run them
     * once, on the closing thread; whatever they try to schedule is refused as closed.
     */
    private void runLeftoverInbox() {
        Runnable r;
        while ((r = inbox.poll()) != null) {
            runCallback(r);
        }
    }

    /** Submitters of tasks that close() leaves pending must not wait forever. */
    private void failDroppedSubmissions() {
        for (SubmittedFuture<?> f : submitted) {
            f.completeExceptionally(new IllegalStateException("the event loop closed while the submitted task was "
                    + "pending: it was submitted during close()'s cleanup (or stop() cut that cleanup short), "
                    + "after the leftover tasks had been cancelled, so it will never finish"));
        }
        submitted.clear();
    }

    /** Loop: a submitted task has finished (its future is completed). */
    void submissionDone(SubmittedFuture<?> future) {
        submitted.remove(future);
    }

    private void cancelPendingTasks() {
        if (pending.isEmpty()) {
            return;
        }
        List<Task<?>> toCancel = pending.snapshot();
        for (Task<?> t : toCancel) {
            t.cancel();
        }
        runUntilComplete(Gather.<Object>of(this, toCancel, true));
        for (Task<?> t : toCancel) {
            Throwable e = t.isCancelled() ? null : t.exception();
            if (e != null) {
                LOG.log(Level.ERROR, "unhandled exception in " + t + " during close()", e);
            }
        }
    }

    private void checkCanRun(String method) {
        if (closed) {
            throw new IllegalStateException(method + "() on a closed event loop");
        }
        if (ofCurrentThread() != null) {
            throw new IllegalStateException(method + "() cannot be called from a running event loop: "
                    + "inside a task, await the work instead");
        }
        if (running) {
            throw new IllegalStateException(method + "(): this event loop is already running on another thread");
        }
    }

    private void enter() {
        if (diagnostics == null) {
            diagnostics = LoopDiagnostics.start(this);
        }
        running = true;
        driver = new Strand(null, Thread.currentThread());
        holder = Thread.currentThread();
        ranIteration = false;
        startWatchdog();
        RunningLoops.add(this);
    }

    private void leave() {
        RunningLoops.remove(this);
        stopWatchdog();
        Objects.requireNonNull(diagnostics).stopped(pending.isEmpty() ? List.of() : pending.snapshot());
        holder = null;
        driver = null;
        current = null;
        running = false;
        if (idleInterrupted) {
            idleInterrupted = false;
            Thread.currentThread().interrupt();
        }
    }

    private void drive() {
        yieldBaton(Objects.requireNonNull(driver), null, false);
    }

    // ---------------------------------------------------------------- scheduling API

    /**
     * Schedules {@code callback} to run on the loop after the callbacks and steps already ready.
     *
     * @param callback the callback; its exceptions are logged, not propagated
     * @return a handle to cancel it
     * @throws WrongThreadException if called from another thread while the loop runs
     */
    public Handle callSoon(Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        checkThread("callSoon");
        checkNotClosed("callSoon");
        Handle h = new Handle(callback);
        ready.add(h);
        return h;
    }

    /**
     * Schedules {@code callback} to run once {@code delay} has passed on the loop's clock.
     *
     * @param delay the delay; zero or negative means the next iteration
     * @param callback the callback
     * @return a handle to cancel it
     * @throws WrongThreadException if called from another thread while the loop runs
     */
    public TimerHandle callLater(Duration delay, Runnable callback) {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(callback, "callback");
        checkThread("callLater");
        return callAt(deadline(delay), callback);
    }

    /**
     * Schedules {@code callback} to run when the loop's clock reaches {@code deadlineNanos}.
     *
     * @param deadlineNanos the deadline, on the {@link #time()} scale
     * @param callback the callback
     * @return a handle to cancel it
     * @throws WrongThreadException if called from another thread while the loop runs
     */
    public TimerHandle callAt(long deadlineNanos, Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        checkThread("callAt");
        checkNotClosed("callAt");
        return timers.schedule(deadlineNanos, callback);
    }

    /**
     * Schedules {@code callback} from any thread; it runs on the loop at its next iteration, and
     * wakes the loop if it is idle.
     *
     * @param callback the callback
     * @throws IllegalStateException if the loop is closed
     */
    public void callSoonThreadsafe(Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        checkNotClosed("callSoonThreadsafe");
        inbox.post(callback);
    }

    /**
     * The loop's time.
     *
     * @return nanoseconds on the loop's clock (a virtual clock starts at 0)
     */
    public long time() {
        return clock.nanoTime();
    }

    /**
     * The loop's clock.
     *
     * @return the clock given at creation
     */
    public LoopClock clock() {
        return clock;
    }

    // ---------------------------------------------------------------- tasks

    /**
     * Schedules a task running {@code body}; see {@link Async#createTask(Coroutine)}.
     *
     * @param body the body
     * @param <T> the result type
     * @return the task, scheduled (its first step runs after what is already ready)
     * @throws WrongThreadException if called from another thread while the loop runs
     * @throws IllegalStateException if the loop is closed
     */
    public <T extends @Nullable Object> Task<T> createTask(Coroutine<T> body) {
        return createTask(null, body);
    }

    /**
     * Schedules a task running {@code body}.
     *
     * @param body the body
     * @return the task
     * @throws WrongThreadException if called from another thread while the loop runs
     * @throws IllegalStateException if the loop is closed
     */
    public Task<Void> createTask(VoidCoroutine body) {
        return createTask(null, Async.asCoroutine(body));
    }

    /**
     * Schedules a named task running {@code body}.
     *
     * @param name the task's name (a {@code null} name means {@code Task-N})
     * @param body the body
     * @param <T> the result type
     * @return the task
     * @throws WrongThreadException if called from another thread while the loop runs
     * @throws IllegalStateException if the loop is closed
     */
    public <T extends @Nullable Object> Task<T> createTask(@Nullable String name, Coroutine<T> body) {
        Objects.requireNonNull(body, "body");
        checkThread("createTask");
        checkNotClosed("createTask");
        Task<?> parent = current;
        Task<T> task = new Task<>(this, name, body, parent == null ? NO_LOCALS : parent.locals);
        pending.add(task);
        ready.add(task);
        return task;
    }

    /**
     * Schedules a named task running {@code body}.
     *
     * @param name the task's name
     * @param body the body
     * @return the task
     * @throws WrongThreadException if called from another thread while the loop runs
     * @throws IllegalStateException if the loop is closed
     */
    public Task<Void> createTask(@Nullable String name, VoidCoroutine body) {
        return createTask(name, Async.asCoroutine(body));
    }

    /**
     * Runs {@code body} as a task of this loop from any thread, and returns a future of its
     * result (asyncio's {@code run_coroutine_threadsafe}). Cancelling the future cancels the task.
     *
     * @param body the body
     * @param <T> the result type
     * @return a future completed on the loop when the task ends; failed with
     *     {@link IllegalStateException} if the loop closes before the task could be created
     * @throws IllegalStateException if the loop is closed
     */
    public <T extends @Nullable Object> CompletableFuture<T> submit(Coroutine<T> body) {
        Objects.requireNonNull(body, "body");
        checkNotClosed("submit");
        SubmittedFuture<T> future = new SubmittedFuture<>(this);
        callSoonThreadsafe(() -> {
            Task<T> task;
            try {
                task = createTask(body);
            } catch (IllegalStateException closedMeanwhile) {
                future.completeExceptionally(closedMeanwhile); // posted just before close(): fail, never hang
                return;
            }
            submitted.add(future);
            future.start(task);
        });
        return future;
    }

    /**
     * The tasks of this loop that are not done yet, in creation order.
     *
     * @return a snapshot
     * @throws WrongThreadException if called from another thread while the loop runs
     */
    public Set<Task<?>> allTasks() {
        checkThread("allTasks");
        return Collections.unmodifiableSet(new LinkedHashSet<>(pending.snapshot()));
    }

    /**
     * A dump of the pending tasks: name, state, where each is suspended (its own code's stack)
     * and the chain of what it awaits, cycles included; print it to see why a program hangs.
     * {@snippet :
     * loop.callLater(Duration.ofSeconds(30), () -> System.err.println(loop.dump()));
     * }
     *
     * @return a snapshot, in task creation order
     * @throws WrongThreadException if called from another thread while the loop runs (use
     *     {@link #dumpAsync()} there)
     */
    public TaskDump dump() {
        checkThread("dump");
        return TaskDumps.of(pending.snapshot());
    }

    /**
     * A dump of the pending tasks, taken from any thread: on the loop at its next iteration while
     * it runs, at once otherwise. A loop whose current step never yields never takes it.
     * {@snippet :
     * TaskDump dump = loop.dumpAsync().get(5, TimeUnit.SECONDS); // from a watchdog thread
     * }
     *
     * @return a future of the dump; failed with {@link IllegalStateException} if the loop closes
     *     before it is taken
     */
    public CompletableFuture<TaskDump> dumpAsync() {
        if (inLoop() || !running) {
            return CompletableFuture.completedFuture(TaskDumps.of(pending.snapshot()));
        }
        CompletableFuture<TaskDump> f = new CompletableFuture<>();
        try {
            callSoonThreadsafe(() -> {
                try {
                    f.complete(TaskDumps.of(pending.snapshot()));
                } catch (Throwable e) {
                    f.completeExceptionally(e);
                }
            });
        } catch (IllegalStateException closedMeanwhile) {
            f.completeExceptionally(closedMeanwhile);
        }
        return f;
    }

    /**
     * Turns on asyncio's debug-mode slow-step warning: a task step or callback that holds the loop
     * longer than {@code threshold} (real time, also on a virtual clock) is logged at
     * {@code WARNING} on the {@code dev.reactiveawait} logger, with the task's name and the stack
     * where it was when the threshold passed. A watchdog thread samples the stack while the loop
     * runs. Off by default; the system property {@code dev.reactiveawait.slowStepMillis} turns it on
     * for every new loop (asyncio's debug mode uses 100 ms).
     * {@snippet :
     * loop.setSlowStepThreshold(Duration.ofMillis(100));
     * }
     *
     * @param threshold the longest a step may hold the loop unreported; {@code null}, zero or
     *     negative turns the warning off
     * @throws WrongThreadException if called from another thread while the loop runs
     */
    public void setSlowStepThreshold(@Nullable Duration threshold) {
        checkThread("setSlowStepThreshold");
        long nanos = threshold == null || threshold.isNegative() ? 0 : saturatedNanos(threshold);
        slowStepNanos = nanos;
        if (running) {
            stopWatchdog();
            startWatchdog();
        }
    }

    private static long slowStepNanosFromProperty() {
        long millis = Long.getLong("dev.reactiveawait.slowStepMillis", 0L);
        return millis <= 0 ? 0 : saturatedNanos(Duration.ofMillis(millis));
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    private void startWatchdog() {
        if (slowStepNanos > 0) {
            watchdog = SlowStepWatchdog.start(slowStepNanos, "EventLoop@" + Integer.toHexString(System.identityHashCode(this)));
        }
    }

    private void stopWatchdog() {
        SlowStepWatchdog w = watchdog;
        if (w != null) {
            watchdog = null;
            w.stop();
        }
    }

    @Override
    public String toString() {
        return "EventLoop[" + (closed ? "closed" : running ? "running" : "idle") + ", " + clock
                + ", tasks=" + pending.size() + "]";
    }

    // ---------------------------------------------------------------- internals for the package

    private void checkNotClosed(String method) {
        if (closed) {
            throw new IllegalStateException(method + "() on a closed event loop");
        }
    }

    /**
     * Throws unless called on the loop, or while the loop is not running (setup code): asyncio's
     * debug-mode {@code _check_thread}, always on. The hot path (on the loop) is one comparison.
     */
    void checkThread(String method) {
        if (holder != Thread.currentThread() && running) {
            throw wrongThread(method);
        }
    }

    private WrongThreadException wrongThread(String method) {
        Thread me = Thread.currentThread();
        EventLoop mine = ofThread(me);
        return new WrongThreadException(method + "() called from thread " + threadName(me)
                + (mine == null ? "" : " (running " + mine.id() + ")") + " while " + id() + " runs on thread "
                + threadName(holder) + ": the loop's methods are not thread-safe; use callSoonThreadsafe() or submit()");
    }

    private static String threadName(@Nullable Thread t) {
        if (t == null) {
            return "(none)";
        }
        return t.getName().isEmpty() ? t.toString() : "\"" + t.getName() + "\"";
    }

    /** A short name for messages: {@code EventLoop@1b2c3d}. */
    String id() {
        return "EventLoop@" + Integer.toHexString(System.identityHashCode(this));
    }

    /**
     * The error for {@code what}, which belongs to this loop, used by {@code method} in code of
     * {@code other} (a task or callback of another loop, or {@code null} outside any).
     */
    WrongThreadException foreignUse(String method, Object what, @Nullable EventLoop other) {
        return new WrongThreadException(method + "(): " + what + " belongs to another event loop (" + id()
                + ") than the one running this code (" + (other == null ? "none" : other.id()) + "): an awaitable is "
                + "bound to its loop; run the work on its loop with submit() and await the CompletableFuture");
    }

    /** Before the loop runs: see {@code CoreAccess.configureVirtualTime}. */
    void configureVirtualTime(long jumpAfterNanos, long stallNanos, @Nullable Runnable onStall,
            java.util.function.@Nullable BiConsumer<String, Throwable> unretrievedSink) {
        if (running) {
            throw new IllegalStateException("configure virtual time before the loop runs");
        }
        this.jumpAfterNanos = jumpAfterNanos;
        this.stallNanos = stallNanos;
        this.onStall = onStall;
        this.unretrievedSink = unretrievedSink;
    }

    /** Any thread, for monitoring: the number of pending tasks (a racy read, as in toString). */
    int pendingCount() {
        return pending.size();
    }

    /** Any thread, for monitoring: the thread holding the baton now, or {@code null} (a racy read). */
    @Nullable Thread holderThread() {
        return running ? holder : null;
    }

    void taskDone(Task<?> task) {
        pending.remove(task);
    }

    void trackFailure(FailureReport failure) {
        failures.add(failure);
        if (failures.size() >= nextFailurePrune) {
            failures.removeIf(FailureReport::isSettled);
            nextFailurePrune = Math.max(FIRST_FAILURE_PRUNE, failures.size() * 2);
        }
    }

    private void reportUnretrieved() {
        for (FailureReport f : failures) {
            f.report("loop closed", unretrievedSink);
        }
        failures.clear();
    }
}
