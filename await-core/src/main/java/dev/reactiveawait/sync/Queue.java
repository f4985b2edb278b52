package dev.reactiveawait.sync;

import dev.reactiveawait.Async;
import dev.reactiveawait.CancelledException;
import dev.reactiveawait.EventLoop;
import dev.reactiveawait.Promise;
import java.util.ArrayDeque;
import java.util.Objects;

/**
 * A first-in, first-out queue for producer and consumer tasks (asyncio's {@code Queue}, with
 * 3.13's {@code shutdown}). {@link #put(Object)} waits while the queue is full, {@link #get()}
 * while it is empty; both serve waiting tasks in FIFO order. {@link #taskDone()} and
 * {@link #join()} let a producer wait until every item it put has been processed.
 *
 * <p>{@link PriorityQueue} and {@link LifoQueue} are queues too, with another order. Items are
 * never {@code null}. Because a loop runs one task at a time, {@link #qsize()} is exact: nothing
 * changes between reading it and acting on it, unless the task awaits in between.
 * {@snippet :
 * Queue<String> urls = new Queue<>(100); // put() waits while 100 are queued
 * for (int i = 0; i < 4; i++) {
 *     createTask(() -> {
 *         for (;;) {
 *             String url = urls.get();
 *             await(fetch(url));
 *             urls.taskDone();
 *         }
 *     });
 * }
 * for (String u : toCrawl) {
 *     urls.put(u);
 * }
 * urls.join(); // every url fetched
 * }
 *
 * <dl>
 * <dt><b>Thread:</b></dt>
 * <dd>Bound to the first loop that uses it; {@code put}, {@code get} and {@code join} need a task
 *     of that loop; the other methods may also run in its callbacks, or on any thread before the
 *     loop runs (to fill a queue in setup). From another thread while the loop runs, hand the call
 *     over with {@code loop.callSoonThreadsafe(() -> queue.putNowait(x))}.</dd>
 * <dt><b>Cancellation:</b></dt>
 * <dd>A task cancelled in {@code put} or {@code get} gets {@link CancelledException} and neither
 *     adds nor takes an item; if a {@code get} (a {@code put}) had already woken it for a free slot
 *     (an item), it wakes the next waiter instead, so no slot and no item is lost.</dd>
 * </dl>
 *
 * @param <T> the item type
 * @since 0.1
 */
public sealed class Queue<T> permits PriorityQueue, LifoQueue {
    private final LoopBound bound = new LoopBound();
    private final int maxsize;
    /** Loop-only, like every field below. */
    private final QueueStorage<T> items;
    /** One promise per task waiting in get(), oldest first. */
    private final ArrayDeque<Promise<Boolean>> getters = new ArrayDeque<>();
    /** One promise per task waiting in put(), oldest first. */
    private final ArrayDeque<Promise<Boolean>> putters = new ArrayDeque<>();
    private int unfinishedTasks;
    /** Set while {@link #unfinishedTasks} is 0; what join() waits for. */
    private final Event finished = new Event(true);
    private boolean shutdown;

    /** Creates an unbounded queue. */
    public Queue() {
        this(0);
    }

    /**
     * Creates a queue that holds at most {@code maxsize} items.
     *
     * @param maxsize the capacity; 0 or less means unbounded
     */
    public Queue(int maxsize) {
        this(maxsize, QueueStorage.fifo());
    }

    Queue(int maxsize, QueueStorage<T> items) {
        this.maxsize = maxsize;
        this.items = items;
    }

    /**
     * The number of items in the queue.
     *
     * @return the size
     * @throws WrongThreadException if called from another loop, or from a foreign thread while the
     *     loop runs
     */
    public final int qsize() {
        bound.check(this, "qsize");
        return items.size();
    }

    /**
     * The capacity given at creation.
     *
     * @return the maximum number of items; 0 or less means unbounded
     */
    public final int maxsize() {
        return maxsize;
    }

    /**
     * Whether the queue has no item.
     *
     * @return {@code true} if empty
     * @throws WrongThreadException if called from another loop, or from a foreign thread while the
     *     loop runs
     */
    public final boolean empty() {
        bound.check(this, "empty");
        return items.size() == 0;
    }

    /**
     * Whether the queue holds {@link #maxsize()} items; never for an unbounded queue.
     *
     * @return {@code true} if full
     * @throws WrongThreadException if called from another loop, or from a foreign thread while the
     *     loop runs
     */
    public final boolean full() {
        bound.check(this, "full");
        return isFull();
    }

    private boolean isFull() {
        return maxsize > 0 && items.size() >= maxsize;
    }

    /**
     * Adds {@code item}, waiting (suspending the task) while the queue is full.
     * {@snippet :
     * queue.put(order); // back-pressure: waits for a consumer when full
     * }
     *
     * @param item the item
     * @throws NullPointerException if {@code item} is {@code null}: a queue holds no null items
     * @throws QueueShutDownException if the queue is shut down, before or while the task waits
     * @throws CancelledException if the task is cancelled while it waits; the item is not added
     * @throws IllegalStateException if called outside a task
     * @throws WrongThreadException if called from another loop or from a thread that runs no loop
     */
    public final void put(T item) {
        Objects.requireNonNull(item, "item");
        EventLoop loop = bound.checkTask(this, "put");
        while (isFull()) {
            if (shutdown) {
                throw shutDownOnPut("put");
            }
            Promise<Boolean> putter = Promise.create(loop);
            putters.add(putter);
            try {
                Async.await(putter);
            } catch (Throwable e) { // CancelledException, in practice
                putter.cancel(); // in case it is still pending
                putters.remove(putter); // a get or shutdown may have removed it already
                if (!isFull() && !putter.isCancelled()) {
                    wakeUpNext(putters); // a get woke us for its free slot, which we do not take
                }
                throw e;
            }
        }
        add(item);
    }

    /**
     * Adds {@code item} if there is room, without waiting.
     *
     * @param item the item
     * @throws NullPointerException if {@code item} is {@code null}: a queue holds no null items
     * @throws QueueFullException if the queue is full
     * @throws QueueShutDownException if the queue is shut down
     * @throws WrongThreadException if called from another loop, or from a foreign thread while the
     *     loop runs
     */
    public final void putNowait(T item) {
        Objects.requireNonNull(item, "item");
        bound.check(this, "putNowait");
        add(item);
    }

    private void add(T item) {
        if (shutdown) {
            throw shutDownOnPut("putNowait");
        }
        if (isFull()) {
            throw new QueueFullException("Queue is full (maxsize=" + maxsize + "): putNowait() refused the item; "
                    + "put() waits for a free slot");
        }
        items.add(item);
        unfinishedTasks++;
        finished.clear();
        wakeUpNext(getters);
    }

    /**
     * Removes and returns the next item, waiting (suspending the task) while the queue is empty.
     * {@snippet :
     * Order next = queue.get();
     * }
     *
     * @return the item
     * @throws QueueShutDownException if the queue is shut down and has no item left (at once, or
     *     while the task waits)
     * @throws CancelledException if the task is cancelled while it waits; no item is taken
     * @throws IllegalStateException if called outside a task
     * @throws WrongThreadException if called from another loop or from a thread that runs no loop
     */
    public final T get() {
        EventLoop loop = bound.checkTask(this, "get");
        while (items.size() == 0) {
            if (shutdown) {
                throw shutDownOnGet("get");
            }
            Promise<Boolean> getter = Promise.create(loop);
            getters.add(getter);
            try {
                Async.await(getter);
            } catch (Throwable e) { // CancelledException, in practice
                getter.cancel(); // in case it is still pending
                getters.remove(getter); // a put or shutdown may have removed it already
                if (items.size() > 0 && !getter.isCancelled()) {
                    wakeUpNext(getters); // a put woke us for its item, which we do not take
                }
                throw e;
            }
        }
        return take();
    }

    /**
     * Removes and returns the next item if there is one, without waiting.
     *
     * @return the item
     * @throws QueueEmptyException if the queue is empty
     * @throws QueueShutDownException if the queue is shut down and empty
     * @throws WrongThreadException if called from another loop, or from a foreign thread while the
     *     loop runs
     */
    public final T getNowait() {
        bound.check(this, "getNowait");
        return take();
    }

    private T take() {
        if (items.size() == 0) {
            if (shutdown) {
                throw shutDownOnGet("getNowait");
            }
            throw new QueueEmptyException("Queue is empty: getNowait() found no item; get() waits for one");
        }
        T item = items.remove();
        wakeUpNext(putters);
        return item;
    }

    /**
     * Tells the queue that an item taken with {@code get} has been processed: when every item put
     * so far has been, {@link #join()} returns.
     *
     * @throws IllegalStateException if called more times than items were put
     * @throws WrongThreadException if called from another loop, or from a foreign thread while the
     *     loop runs
     */
    public final void taskDone() {
        bound.check(this, "taskDone");
        if (unfinishedTasks <= 0) {
            throw new IllegalStateException("taskDone() called too many times (once per item taken is the rule)");
        }
        unfinishedTasks--;
        if (unfinishedTasks == 0) {
            finished.set();
        }
    }

    /**
     * Waits until every item put so far has been taken and {@linkplain #taskDone() processed};
     * returns at once, without suspending, if none is pending.
     * {@snippet :
     * for (Job j : batch) {
     *     jobs.put(j);
     * }
     * jobs.join(); // the consumers have finished the whole batch
     * }
     *
     * @throws CancelledException if the task is cancelled while it waits
     * @throws IllegalStateException if called outside a task
     * @throws WrongThreadException if called from another loop or from a thread that runs no loop
     */
    public final void join() {
        bound.checkTask(this, "join");
        if (unfinishedTasks > 0) {
            finished.await();
        }
    }

    /**
     * Shuts the queue down gracefully: {@code shutdown(false)}.
     *
     * @throws WrongThreadException if called from another loop, or from a foreign thread while the
     *     loop runs
     * @see #shutdown(boolean)
     */
    public final void shutdown() {
        shutdown(false);
    }

    /**
     * Shuts the queue down (asyncio 3.13's {@code shutdown}): from now on {@code put} and
     * {@code putNowait} throw {@link QueueShutDownException}, and so do {@code get} and
     * {@code getNowait} once no item is left. Tasks waiting in {@code put} or {@code get} are woken
     * and throw it too. With {@code immediate}, the items still queued are dropped (and count as
     * done for {@link #join()}, which returns once the items taken earlier are done too), so gets
     * throw at once. Calling it again is harmless.
     * {@snippet :
     * jobs.shutdown();     // consumers finish what is queued, then see QueueShutDownException
     * jobs.shutdown(true); // or: drop what is queued; consumers stop at their next get()
     * }
     *
     * @param immediate whether to drop the queued items
     * @throws WrongThreadException if called from another loop, or from a foreign thread while the
     *     loop runs
     */
    public final void shutdown(boolean immediate) {
        bound.check(this, "shutdown");
        shutdown = true;
        if (immediate) {
            while (items.size() > 0) {
                items.remove();
                if (unfinishedTasks > 0) {
                    unfinishedTasks--;
                }
            }
            if (unfinishedTasks == 0) {
                finished.set();
            }
        }
        // every waiter re-checks, and finds the queue shut down
        releaseAll(getters);
        releaseAll(putters);
    }

    private static void releaseAll(ArrayDeque<Promise<Boolean>> waiters) {
        Promise<Boolean> w;
        while ((w = waiters.pollFirst()) != null) {
            if (!w.isDone()) {
                w.trySucceed(Boolean.TRUE);
            }
        }
    }

    /** Wakes the first waiter not already woken or cancelled, dropping those from the deque. */
    private static void wakeUpNext(ArrayDeque<Promise<Boolean>> waiters) {
        Promise<Boolean> w;
        while ((w = waiters.pollFirst()) != null) {
            if (!w.isDone()) {
                w.trySucceed(Boolean.TRUE);
                return;
            }
        }
    }

    private static QueueShutDownException shutDownOnPut(String method) {
        return new QueueShutDownException(method + "() on a shut-down queue: shutdown() was called, "
                + "so no item is accepted any more");
    }

    private static QueueShutDownException shutDownOnGet(String method) {
        return new QueueShutDownException(method + "() on a shut-down queue with no item left: shutdown() "
                + "was called, so none will come");
    }

    /** Loop-only: the tasks waiting in get(), for tests. */
    final int getterCount() {
        return getters.size();
    }

    /** Loop-only: the tasks waiting in put(), for tests. */
    final int putterCount() {
        return putters.size();
    }

    /** Loop-only: items put but not yet marked done, for tests. */
    final int unfinishedTasks() {
        return unfinishedTasks;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(getClass().getSimpleName()).append("[maxsize=").append(maxsize);
        if (items.size() > 0) {
            s.append(", items=").append(items.snapshot());
        }
        if (!getters.isEmpty()) {
            s.append(", getters=").append(getters.size());
        }
        if (!putters.isEmpty()) {
            s.append(", putters=").append(putters.size());
        }
        if (unfinishedTasks > 0) {
            s.append(", tasks=").append(unfinishedTasks);
        }
        if (shutdown) {
            s.append(", shutdown");
        }
        return s.append(']').toString();
    }
}
