package dev.reactiveawait;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Several event loops in one JVM, one per core by default, each running forever on a platform
 * thread of its own, like Netty's event-loop group: independent work (a connection, a job) goes to
 * one loop, and the loops run in parallel.
 *
 * <p>Each loop keeps every guarantee of a single {@link EventLoop}: its tasks and callbacks run one
 * at a time, in asyncio's order, and a task stays on the loop that created it for its whole life.
 * Tasks of different loops do run in parallel, so what they share needs the usual thread safety;
 * to await across loops, await the {@code CompletableFuture} of {@link #submit} (or of
 * {@link EventLoop#submit}), never another loop's task or promise.
 *
 * <p>{@link #next()} hands out the loops round-robin: give each connection or job the loop it
 * returns. {@link #submit} runs a body as a task on the next loop.
 *
 * <dl>
 * <dt><b>Thread:</b></dt>
 * <dd>{@link #next()}, {@link #loops()} and {@link #submit} from any thread, tasks of the group's
 *     loops included. The loops are running when {@code create} returns; talk to them from other
 *     threads as to any running loop ({@code submit}, {@code callSoonThreadsafe}). Each loop's
 *     driver is a platform thread named {@code LoopGroup-N-loop-I}, not a daemon: close the group,
 *     or the JVM keeps running.</dd>
 * <dt><b>Cancellation:</b></dt>
 * <dd>{@link #close()} closes every loop as {@code asyncio.run} does: the tasks still pending are
 *     cancelled (the futures of their {@code submit} too) and awaited, so their {@code finally}
 *     blocks run. Cancelling a future of {@code submit} cancels its task.</dd>
 * </dl>
 * {@snippet :
 * try (LoopGroup group = LoopGroup.create()) {          // one loop per core
 *     List<CompletableFuture<Integer>> jobs = new ArrayList<>();
 *     for (int i = 0; i < 100; i++) {
 *         int n = i;
 *         jobs.add(group.submit(() -> {                 // round-robin over the loops
 *             sleep(Duration.ofMillis(10));
 *             return n * n;
 *         }));
 *     }
 *     jobs.forEach(CompletableFuture::join);
 * }                                                     // leftovers cancelled, finally blocks run
 * }
 *
 * @since 0.2
 */
public final class LoopGroup implements AutoCloseable {
    private static final AtomicInteger GROUP_IDS = new AtomicInteger();

    private final String name;
    private final LoopDriver[] drivers;
    private final EventLoop[] loops;
    private final List<EventLoop> loopList;
    /** Round-robin position of {@link #next()}; any thread. */
    private final AtomicInteger nextIndex = new AtomicInteger();
    /**
     * {@link #submit} posts under the read lock, {@link #close()} sets {@link #closing} under the
     * write lock: every submit that was accepted is in its loop's inbox before the stop request,
     * so it becomes a task that the close cancels, and never a future left hanging.
     */
    private final StampedLock gate = new StampedLock();
    /** Written once under the write lock of {@link #gate}; read anywhere. */
    private volatile boolean closing;
    /** Completed by the last driver thread to end. */
    private final CompletableFuture<@Nullable Void> terminated = new CompletableFuture<>();

    private LoopGroup(int count, Supplier<? extends LoopClock> clocks) {
        this.name = "LoopGroup-" + GROUP_IDS.incrementAndGet();
        this.loops = new EventLoop[count];
        Map<LoopClock, Boolean> seen = new IdentityHashMap<>();
        for (int i = 0; i < count; i++) {
            LoopClock clock = Objects.requireNonNull(clocks.get(), "the clock supplier returned null");
            if (clock instanceof VirtualClock && seen.put(clock, Boolean.TRUE) != null) {
                throw new IllegalArgumentException("the clock supplier returned the same " + clock
                        + " for two loops; a virtual clock belongs to one loop: pass LoopClock::virtual");
            }
            loops[i] = EventLoop.create(clock);
        }
        this.loopList = List.of(loops);
        AtomicInteger running = new AtomicInteger(count);
        Runnable onEnd = () -> {
            if (running.decrementAndGet() == 0) {
                terminated.complete(null);
            }
        };
        this.drivers = new LoopDriver[count];
        for (int i = 0; i < count; i++) {
            drivers[i] = new LoopDriver(loops[i], name + "-loop-" + i, onEnd);
        }
    }

    /**
     * A group of one loop per core ({@link Runtime#availableProcessors()}), on the system clock.
     * {@snippet :
     * LoopGroup group = LoopGroup.create();
     * CompletableFuture<String> hello = group.submit(() -> "hello from " + currentLoop());
     * }
     *
     * @return the group, its loops running
     */
    public static LoopGroup create() {
        return create(Runtime.getRuntime().availableProcessors());
    }

    /**
     * A group of {@code loops} loops on the system clock.
     * {@snippet :
     * try (LoopGroup group = LoopGroup.create(2)) {
     *     group.submit(() -> work()).join();
     * }
     * }
     *
     * @param loops how many loops, at least 1
     * @return the group, its loops running
     * @throws IllegalArgumentException if {@code loops} is less than 1
     */
    public static LoopGroup create(int loops) {
        return create(loops, LoopClock::system);
    }

    /**
     * A group of {@code loops} loops, each on a clock of its own from {@code clocks}; pass
     * {@code LoopClock::virtual} for tests, where each loop then jumps its own virtual clock to its
     * next timer whenever it is idle (the loops do not share one timeline).
     * {@snippet :
     * try (LoopGroup group = LoopGroup.create(2, LoopClock::virtual)) {
     *     group.submit(() -> { sleep(Duration.ofDays(1)); return "at once"; }).join();
     * }
     * }
     *
     * @param loops how many loops, at least 1
     * @param clocks called once per loop; must return a new clock each time (a virtual clock
     *     belongs to one loop)
     * @return the group, its loops running
     * @throws IllegalArgumentException if {@code loops} is less than 1, or {@code clocks} returns
     *     the same virtual clock twice
     */
    public static LoopGroup create(int loops, Supplier<? extends LoopClock> clocks) {
        if (loops < 1) {
            throw new IllegalArgumentException("LoopGroup.create(" + loops + "): a group needs at least one loop");
        }
        Objects.requireNonNull(clocks, "clocks");
        LoopGroup group = new LoopGroup(loops, clocks);
        group.start();
        return group;
    }

    /** Starts the driver threads and returns once every loop runs (a callback of each has run). */
    private void start() {
        List<CompletableFuture<@Nullable Void>> started = new ArrayList<>(loops.length);
        for (LoopDriver d : drivers) {
            CompletableFuture<@Nullable Void> running = new CompletableFuture<>();
            d.loop.callSoonThreadsafe(() -> running.complete(null));
            started.add(running);
            d.thread.start();
        }
        CompletableFuture.allOf(started.toArray(CompletableFuture<?>[]::new)).join();
    }

    /**
     * The next loop, round-robin: the one to give a new connection or job to. After
     * {@link #close()} it still returns the (closed) loops, which refuse new work.
     * {@snippet :
     * EventLoop loop = group.next();
     * loop.submit(() -> serve(connection));   // this connection's tasks all run on that loop
     * }
     *
     * @return one of {@link #loops()}
     */
    public EventLoop next() {
        EventLoop[] l = loops;
        return l.length == 1 ? l[0] : l[Math.floorMod(nextIndex.getAndIncrement(), l.length)];
    }

    /**
     * The group's loops, in the order {@link #next()} hands them out.
     * {@snippet :
     * for (EventLoop loop : group.loops()) {
     *     loop.submit(() -> warmUp());
     * }
     * }
     *
     * @return an unmodifiable list of {@code create}'s count of loops
     */
    public List<EventLoop> loops() {
        return loopList;
    }

    /**
     * Runs {@code body} as a task of the next loop (round-robin), from any thread, and returns a
     * future of its result, as {@link EventLoop#submit} does for one loop. The task stays on that
     * loop for its whole life.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Any thread; the body runs on the chosen loop, the future completes there.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>Cancelling the future cancels the task (its {@code finally} blocks run). Closing the
     *     group cancels the task, and the future with it, if it has not finished.</dd>
     * </dl>
     * {@snippet :
     * CompletableFuture<User> user = group.submit(() -> await(users.find(id)));
     * }
     *
     * @param body the task's body
     * @param <T> the result type
     * @return a future of the task's result; its exception comes out unchanged as the cause
     * @throws IllegalStateException if the group is closed
     */
    public <T extends @Nullable Object> CompletableFuture<T> submit(Coroutine<T> body) {
        Objects.requireNonNull(body, "body");
        long stamp = gate.readLock();
        try {
            if (closing) {
                throw new IllegalStateException("submit() on a closed LoopGroup (" + name + ")");
            }
            return next().submit(body);
        } finally {
            gate.unlockRead(stamp);
        }
    }

    /**
     * Whether {@link #close()} was called.
     *
     * @return {@code true} once closing has begun
     */
    public boolean isClosed() {
        return closing;
    }

    /**
     * Closes every loop, as {@code asyncio.run} does for one: each loop stops, its pending tasks are
     * cancelled and awaited (their {@code finally} blocks run, on that loop), task exceptions nobody
     * retrieved are logged, and the driver threads end. Returns when all of that is done. Closing
     * again, from any thread, also waits for it and then returns.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>A plain thread blocks until the group is closed; an interrupt does not stop the wait (the
     *     flag is set again on return). A task of an event loop outside the group suspends instead
     *     (its loop runs on). Refused on the group's own loops, which cannot finish while they run
     *     this call, and in a callback of any loop, which must not block.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>Cancels every pending task of the group. If a task that awaits {@code close()} is itself
     *     cancelled, it stops waiting; the group goes on closing.</dd>
     * </dl>
     * {@snippet :
     * LoopGroup group = LoopGroup.create();
     * try {
     *     serve(group);
     * } finally {
     *     group.close();
     * }
     * }
     *
     * @throws IllegalStateException if called from a task or callback of one of the group's loops
     *     (it would wait for itself), or from a callback of another loop
     */
    @Override
    public void close() {
        EventLoop caller = EventLoop.ofCurrentThread();
        if (caller != null) {
            int own = Arrays.asList(loops).indexOf(caller);
            if (own >= 0) {
                throw new IllegalStateException("LoopGroup.close() called on loop " + own + " of " + name
                        + " itself: closing waits for every loop to finish, and this loop cannot finish while it "
                        + "runs this call; close the group from a plain thread (or a task of another loop)");
            }
            if (caller.current == null) {
                throw new IllegalStateException("LoopGroup.close() called on an event loop's thread outside a task "
                        + "(in a callback, or on the thread running the loop): waiting there would freeze that loop; "
                        + "call it from a task or a plain thread");
            }
        }
        beginClose();
        if (caller != null) {
            Async.await(terminated.copy()); // a copy: a cancelled waiter must not cancel the others' wait
        } else {
            awaitTerminationUninterruptibly();
        }
    }

    private void beginClose() {
        boolean first;
        long stamp = gate.writeLock();
        try {
            first = !closing;
            closing = true;
        } finally {
            gate.unlockWrite(stamp);
        }
        if (first) {
            for (LoopDriver d : drivers) {
                d.requestStop();
            }
        }
    }

    /** A plain thread waits for every driver thread to end (each after closing its loop). */
    private void awaitTerminationUninterruptibly() {
        boolean interrupted = false;
        for (LoopDriver d : drivers) {
            for (;;) {
                try {
                    d.thread.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name + "[" + loops.length + (loops.length == 1 ? " loop, " : " loops, ")
                + (terminated.isDone() ? "closed" : closing ? "closing" : "running") + "]";
    }
}
