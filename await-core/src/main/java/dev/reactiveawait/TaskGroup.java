package dev.reactiveawait;

import dev.reactiveawait.internal.Sneaky;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Structured concurrency, asyncio's {@code TaskGroup} (3.11): tasks created in the group never
 * outlive it. Leaving the group waits for every child, including children that other children add
 * meanwhile. The first child to fail cancels its siblings and the body, the group waits for their
 * cleanup, and then throws a {@link TaskGroupException} carrying every failure.
 *
 * <p><b>Two forms.</b> {@link #run(Body)} is asyncio's {@code async with TaskGroup() as g:} to the
 * letter: it sees how the body ended, so a failure interrupts the body's pending {@code await} with
 * a {@link CancelledException} and the group then throws its {@link TaskGroupException} instead,
 * exactly as {@code __aexit__} does. The try-with-resources form, {@link #open()}, fits bodies that
 * only create tasks and leave the block (the group then behaves exactly as asyncio's). Java runs
 * {@code close()} after the body's exception has been chosen and lets {@code close()} only add
 * to it as suppressed, so in that form a failing child does <em>not</em> interrupt a body still
 * running (like the JDK's {@code StructuredTaskScope}, which never interrupts its owner): the
 * siblings are cancelled at once, and the aggregate comes out of {@code close()} when the body
 * leaves the block. An exception the body throws cannot reach {@code close()}, so it does not
 * cancel the children either; a cancellation of the task is noticed through its
 * {@linkplain Task#cancelling() pending cancel requests} and does. Use {@code run} when the body
 * awaits.
 *
 * <p>Exceptions, as in asyncio: cancelled children are not failures; the body's own exception joins
 * the aggregate, last; a cancellation of the task that runs the group cancels the children and
 * comes out as a {@link CancelledException}, unless children failed; a
 * {@link VirtualMachineError} (asyncio's {@code KeyboardInterrupt}/{@code SystemExit}) is rethrown
 * alone, not aggregated.
 *
 * <dl>
 * <dt><b>Thread:</b></dt>
 * <dd>Loop-only. The group belongs to the task that opened it; children may add tasks to it.</dd>
 * <dt><b>Cancellation:</b></dt>
 * <dd>Cancelling the task that runs the group cancels every child and waits for them. The group's
 *     own cancel request on its task (after a failure) is taken back ({@link Task#uncancel()})
 *     when it exits, except, as in CPython 3.11 and 3.12, a request made while the exit already
 *     waits: that one stays counted in {@link Task#cancelling()} (3.13 takes it back too).
 *     Children are cancelled in creation order (asyncio's order is arbitrary: a set).</dd>
 * </dl>
 * {@snippet :
 * List<Task<String>> pages = TaskGroup.run(g -> List.of(
 *         g.createTask(() -> fetch("a")),
 *         g.createTask(() -> fetch("b"))));
 * // here both are done; if one failed, the other was cancelled and TaskGroupException was thrown
 *
 * try (TaskGroup g = TaskGroup.open()) {
 *     g.createTask(() -> send(mail1));
 *     g.createTask(() -> send(mail2));
 * } // waits for both
 * }
 *
 * @since 0.1
 */
public final class TaskGroup implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("dev.reactiveawait");

    /**
     * The body of {@link TaskGroup#run(Body)}: creates tasks in the group, may await, and returns
     * a value (often the tasks it created).
     *
     * @param <T> the type of the value
     * @since 0.1
     */
    @FunctionalInterface
    public interface Body<T extends @Nullable Object> {
        /**
         * Runs the body.
         *
         * @param group the group to create tasks in
         * @return the value {@link TaskGroup#run(Body)} returns once every child is done
         * @throws Exception anything; it cancels the children and joins the aggregate
         */
        T call(TaskGroup group) throws Exception;
    }

    private final EventLoop loop;
    private final Task<?> parent;
    /** Whether a failure cancels the parent while the body runs: {@code run}, not try-with-resources. */
    private final boolean interruptsBody;
    /** The parent's pending cancel requests at open, not counting those 3.11 groups left behind. */
    private final int cancellingAtOpen;
    private final Consumer<Awaitable<?>> onTaskDone = this::onTaskDone;
    // Loop-only, like everything here.
    private final LinkedHashSet<Task<?>> tasks = new LinkedHashSet<>();
    private final List<Throwable> errors = new ArrayList<>();
    private boolean exiting;
    private boolean exited;
    private boolean aborting;
    private boolean parentCancelRequested;
    private @Nullable Throwable baseError;
    private @Nullable Promise<@Nullable Void> onCompleted;

    private TaskGroup(Task<?> parent, boolean interruptsBody) {
        this.loop = parent.loop;
        this.parent = parent;
        this.interruptsBody = interruptsBody;
        this.cancellingAtOpen = parent.cancelling() - parent.cancelsLeftCounted;
    }

    /**
     * Runs {@code body} with a new group, waits for every child, and returns what the body
     * returned; asyncio's {@code async with TaskGroup() as g:}, exactly.
     * {@snippet :
     * int total = TaskGroup.run(g -> {
     *     Task<Integer> a = g.createTask(() -> count("a"));
     *     Task<Integer> b = g.createTask(() -> count("b"));
     *     await(a); // a failure of b interrupts this await, and run() throws TaskGroupException
     *     return a.result() + await(b);
     * });
     * }
     *
     * @param body creates the children
     * @param <T> the type of the result
     * @return what {@code body} returned, once every child is done
     * @throws TaskGroupException if children (or the body) failed
     * @throws CancelledException if the calling task was cancelled and no child failed
     * @throws IllegalStateException if not called inside a task
     */
    public static <T extends @Nullable Object> T run(Body<T> body) {
        Objects.requireNonNull(body, "body");
        TaskGroup g = new TaskGroup(Async.requireTask(EventLoop.ofCurrentThread(), "TaskGroup.run"), true);
        T value;
        try {
            value = body.call(g);
        } catch (Throwable e) {
            g.exit(e, false);
            throw Sneaky.raise(e); // not reached: exit throws when the body failed
        }
        g.exit(null, false);
        return value;
    }

    /**
     * Opens a group for try-with-resources; {@link #close()} waits for the children. See the class
     * comment for what this form cannot do (interrupt a body that awaits).
     * {@snippet :
     * try (TaskGroup g = TaskGroup.open()) {
     *     for (String url : urls) {
     *         g.createTask(() -> fetch(url));
     *     }
     * }
     * }
     *
     * @return the open group, owned by the calling task
     * @throws IllegalStateException if not called inside a task
     */
    public static TaskGroup open() {
        return new TaskGroup(Async.requireTask(EventLoop.ofCurrentThread(), "TaskGroup.open"), false);
    }

    /**
     * Creates a child task in the group; see {@link Async#createTask(Coroutine)}.
     *
     * @param body the child's body
     * @param <T> the type of its result
     * @return the child, scheduled
     * @throws IllegalStateException if the group is finished or shutting down after a failure
     * @throws WrongThreadException if called from another thread while the loop runs
     */
    public <T extends @Nullable Object> Task<T> createTask(Coroutine<T> body) {
        return createTask(null, body);
    }

    /**
     * Creates a child task in the group.
     *
     * @param body the child's body
     * @return the child, scheduled
     * @throws IllegalStateException if the group is finished or shutting down after a failure
     * @throws WrongThreadException if called from another thread while the loop runs
     */
    public Task<Void> createTask(VoidCoroutine body) {
        return createTask(null, Async.asCoroutine(body));
    }

    /**
     * Creates a named child task in the group.
     *
     * @param name the child's name ({@code null}: {@code Task-N})
     * @param body the child's body
     * @param <T> the type of its result
     * @return the child, scheduled
     * @throws IllegalStateException if the group is finished or shutting down after a failure
     * @throws WrongThreadException if called from another thread while the loop runs
     */
    public <T extends @Nullable Object> Task<T> createTask(@Nullable String name, Coroutine<T> body) {
        Objects.requireNonNull(body, "body");
        loop.checkThread("createTask");
        if (exited || (exiting && tasks.isEmpty())) {
            throw new IllegalStateException(this + " is finished: create the task before the group ends");
        }
        if (aborting) {
            throw new IllegalStateException(this + " is shutting down after a failure or a cancellation");
        }
        Task<T> task = loop.createTask(name, body);
        task.addCallback(onTaskDone);
        tasks.add(task);
        return task;
    }

    /**
     * Creates a named child task in the group.
     *
     * @param name the child's name ({@code null}: {@code Task-N})
     * @param body the child's body
     * @return the child, scheduled
     * @throws IllegalStateException if the group is finished or shutting down after a failure
     * @throws WrongThreadException if called from another thread while the loop runs
     */
    public Task<Void> createTask(@Nullable String name, VoidCoroutine body) {
        return createTask(name, Async.asCoroutine(body));
    }

    /**
     * Leaves the try-with-resources block: waits for every child and throws the aggregate if any
     * failed. If the task was cancelled while the body ran, the children are cancelled first and
     * the body's {@link CancelledException} propagates; a cancellation while {@code close()} waits
     * does the same, and {@code close()} throws it. Closing twice is harmless.
     *
     * @throws TaskGroupException if children failed (added as suppressed to the body's exception,
     *     if the body threw one: see the class comment)
     * @throws CancelledException if the task was cancelled while {@code close()} waited
     * @throws IllegalStateException if called by another task than the one that opened the group
     * @throws WrongThreadException if called from another thread while the loop runs
     */
    @Override
    public void close() {
        loop.checkThread("close");
        if (exited) {
            return;
        }
        // The body cannot tell us how it ended; a cancel request that arrived during the body and
        // was delivered (not still pending) means the body is most likely leaving with it.
        boolean cancelledInBody = !parent.mustCancel
                && parent.cancelling() - parent.cancelsLeftCounted > cancellingAtOpen;
        exit(null, cancelledInBody);
    }

    /** asyncio's {@code __aexit__}: {@code exc} is how the body ended, if known. */
    private void exit(@Nullable Throwable exc, boolean cancelledInBody) {
        if (loop.current != parent) {
            throw new IllegalStateException("a TaskGroup must be closed by the task that opened it, " + parent);
        }
        exiting = true;
        if (exc instanceof VirtualMachineError && baseError == null) {
            baseError = exc;
        }
        CancelledException propagateCancellation = exc instanceof CancelledException c ? c : null;
        boolean tookRequestBack = parentCancelRequested;
        if (parentCancelRequested && parent.uncancel() == 0) {
            propagateCancellation = null; // the only request was ours (3.11 checks it here, before waiting)
        }
        if ((exc != null || cancelledInBody) && !aborting) {
            abort();
        }
        while (!tasks.isEmpty()) {
            Promise<@Nullable Void> completed = new Promise<>(loop, null);
            onCompleted = completed;
            try {
                loop.await(parent, completed);
            } catch (CancelledException e) {
                if (!aborting) { // the parent is being cancelled while it waits here
                    propagateCancellation = e;
                    abort();
                }
            }
            onCompleted = null;
        }
        exited = true;
        if (parentCancelRequested && !tookRequestBack) {
            parent.cancelsLeftCounted++; // asked while waiting: 3.11 never takes it back (3.13 does)
        }
        if (baseError != null) {
            throw Sneaky.raise(baseError);
        }
        if (propagateCancellation != null && errors.isEmpty()) {
            throw propagateCancellation;
        }
        if (exc != null && !(exc instanceof CancelledException)) {
            errors.add(exc);
        }
        if (!errors.isEmpty()) {
            throw new TaskGroupException(errors);
        }
    }

    private void abort() {
        aborting = true;
        for (Task<?> t : new ArrayList<>(tasks)) {
            if (!t.isDone()) {
                t.cancel();
            }
        }
    }

    /** A child is done (a done-callback, on the loop). */
    private void onTaskDone(Awaitable<?> done) {
        Task<?> task = (Task<?>) done;
        tasks.remove(task);
        Promise<@Nullable Void> completed = onCompleted;
        if (completed != null && tasks.isEmpty()) {
            completed.trySucceed(null);
        }
        if (task.isCancelled()) {
            return;
        }
        Throwable exc = task.exception();
        if (exc == null) {
            return;
        }
        errors.add(exc);
        if (exc instanceof VirtualMachineError && baseError == null) {
            baseError = exc;
        }
        if (parent.isDone()) {
            LOG.log(Level.ERROR, task + " failed but the task of its group, " + parent + ", is already done", exc);
            return;
        }
        if (!aborting && !parentCancelRequested) {
            abort();
            if (interruptsBody || exiting) {
                parentCancelRequested = true;
                parent.cancel();
            }
        }
    }

    @Override
    public String toString() {
        return "TaskGroup[" + parent.name() + ", tasks=" + tasks.size() + ", errors=" + errors.size()
                + (aborting ? ", shutting down]" : exited ? ", finished]" : "]");
    }
}
