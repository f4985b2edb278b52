package dev.reactiveawait.internal;

import dev.reactiveawait.Task;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The subscriber and iterator behind the bridges' {@code iterate(...)} (a {@code Flux}, a
 * {@code Flowable}, an {@code Observable}): a bounded queue between the thread the source signals
 * on and the iterating task, with credit (the items the source may still send: requested minus
 * received) replenished each time {@code limit} items were taken, and a task that suspends while
 * the queue is empty. A bridge extends it with the queue, the upstream's type, fusion, and its
 * host library's hooks; its subscriber interface is implemented by the public methods inherited
 * from here ({@link #onNext}, {@link #onComplete}) and its own {@code onSubscribe} and
 * {@code onError}.
 *
 * <p>Two sides. The <em>signalling side</em> is whatever thread the source calls onSubscribe,
 * onNext, onError, onComplete on (RS 1.3: one at a time). The <em>consumer</em> is the iterating
 * task or plain thread; the loop stands in for it when the task is cancelled or finishes, which
 * happens only while the task is suspended or done, never at the same time.
 *
 * <p>No lost wakeup: the consumer publishes its waiter (a promise or its thread) and then looks at
 * the queue again; the signalling side offers, fences, then looks at the waiter. One of the two
 * sees the other (a Dekker handshake, in {@link SingleConsumerWait}). Items the source emits inside
 * our own {@code request()} or {@code subscribe()} call (a synchronous source such as
 * {@code range}) need no wakeup: the consumer is not waiting, it is the caller. A source that
 * supports synchronous fusion is polled directly, without a queue or requests.
 *
 * <p>Not API: exported to the bridges only.
 *
 * @param <T> the items
 */
public abstract class SourceIterator<T> implements Iterator<T> {
    /** In {@link #upstream} once we left the source. */
    private static final Object CANCELLED = new Object();
    @SuppressWarnings("rawtypes")
    private static final AtomicReferenceFieldUpdater<SourceIterator, Object> UPSTREAM =
            AtomicReferenceFieldUpdater.newUpdater(SourceIterator.class, Object.class, "upstream");

    /** Credit is replenished after taking this many items. */
    private final int limit;

    // Consumer side.
    private final @Nullable Task<?> owner;
    private final Consumer<Object> onOwnerDone = x -> close();
    private final Runnable onCancelWhileWaiting = this::close;
    private final BooleanSupplier signalled = this::signalled;
    private final Supplier<String> where = this::describe;
    private @Nullable T next;
    private int taken;
    /** The consumer's thread while it calls into the source; signals on that thread need no wakeup. */
    private @Nullable Thread callingSource;
    /** The source ended (and we saw it), or we left it: hasNext() is false from now on. */
    private boolean ended;
    /** A {@code request()} of ours threw (RS 3.16 broken): the next hasNext() throws this. */
    private @Nullable Throwable brokenRequest;
    /** Set in onSubscribe on the consumer's own thread, before the first poll; cleared if a fused poll fails. */
    private boolean syncFused;

    // Signalling side.
    private long received;
    /** Everything the source may send so far; written by the consumer before each request, read at each item (RS 1.1). */
    private volatile long requested;
    /** Written after {@link #error}. */
    private volatile boolean done;
    private @Nullable Throwable error;
    /** The subscription (or disposable): set once by onSubscribe; {@link #CANCELLED} once we leave. */
    private volatile @Nullable Object upstream;
    /** The consumer waiting for a signal (see the class comment). */
    private final SingleConsumerWait consumer = new SingleConsumerWait();

    /**
     * For the bridge's iterator that extends it; {@link #subscribe()} starts it.
     *
     * @param capacity the bound on items received and not yet taken (prefetch, or buffer size);
     *     {@link Integer#MAX_VALUE} for none
     * @param limit credit is replenished after taking this many items
     * @param owner the task that iterates (its end closes the iteration), or {@code null} on a
     *     plain thread
     */
    protected SourceIterator(int capacity, int limit, @Nullable Task<?> owner) {
        this.limit = limit;
        this.requested = capacity == Integer.MAX_VALUE ? Long.MAX_VALUE : capacity;
        this.owner = owner;
    }

    /**
     * For the bridges' public iterations ({@code FluxIteration}, ...), which subscribe once, at
     * their {@code iterator()}: refuses a second call, and a call after {@code close()}.
     *
     * @param closed whether the iteration was closed
     * @param opened the iterator made by an earlier call, or {@code null}
     * @param source the source, as messages name it
     * @throws IllegalStateException if closed or already opened
     */
    public static void checkUnopened(boolean closed, @Nullable SourceIterator<?> opened, Object source) {
        if (closed) {
            throw new IllegalStateException("iterate(" + source + ") is closed; call iterate(...) again to resubscribe");
        }
        if (opened != null) {
            throw new IllegalStateException("iterate(" + source + ") is iterated once (iterator() subscribes); "
                    + "call iterate(...) again to resubscribe");
        }
    }

    // ---------------------------------------------------------------- the bridge's hooks

    /** Consumer, once, from {@link #subscribe()}: subscribes this object to the source. */
    protected abstract void subscribeToSource();

    /**
     * Consumer: the next item of the queue (or of the fused source), or {@code null} if there is
     * none now. A fused source that fails ends the iteration through {@link #pollFailed}.
     *
     * @return the item, or {@code null}
     */
    protected abstract @Nullable T poll();

    /**
     * Signalling side: queues an item.
     *
     * @param item the item
     * @return {@code false} if the queue is full
     */
    protected abstract boolean offer(T item);

    /**
     * Whether the queue is empty now (any thread).
     *
     * @return {@code true} if nothing is queued
     */
    protected abstract boolean queueIsEmpty();

    /** Consumer, at {@link #close()}: lets the queued items go. */
    protected abstract void clearQueue();

    /**
     * Consumer: asks the upstream for {@code n} more items, if it can be asked.
     *
     * @param n the number of items, positive
     * @return {@code null}, or the error of a {@code request} that threw (RS 3.16), which ends the
     *     iteration
     */
    protected abstract @Nullable IllegalStateException requestUpstream(long n);

    /**
     * Either side: cancels or disposes the upstream; one that throws goes to the host library's hook.
     *
     * @param upstream the subscription or disposable
     */
    protected abstract void cancel(Object upstream);

    /**
     * An item that will never be delivered (it came before onSubscribe, beyond the credit, or was
     * taken out of the iteration at close): to the host library's discard hook, if it has one.
     *
     * @param item the item
     */
    protected abstract void discard(T item);

    /**
     * An item that came after the end or after we left (RS 1.7, 2.8): to the host library's hook,
     * if it has one.
     *
     * @param item the item
     */
    protected abstract void dropItem(T item);

    /**
     * An error that came after the end or after we left, and is not the one the iteration ended
     * with: to the host library's hook.
     *
     * @param e the error
     */
    protected abstract void dropError(Throwable e);

    /**
     * Whether an error that came after we left is the source's answer to our cancellation, which
     * is nobody's error (the bridge may drop it, at most once).
     *
     * @param e the late error
     * @return {@code true} to drop it silently
     */
    protected abstract boolean isEchoOfLeaving(Throwable e);

    /**
     * The error for {@code onNext(null)} (RS 2.13), in the bridge's words.
     *
     * @return the error, thrown to the source and ending the iteration
     */
    protected abstract NullPointerException nullItem();

    /**
     * The error for a signal before {@code onSubscribe} (RS 1.9), in the bridge's words.
     *
     * @param signal "onNext", "onError" or "onComplete"
     * @param cause the source's error for an early {@code onError}, else {@code null}
     * @return the error that ends the iteration
     */
    protected abstract IllegalStateException beforeOnSubscribe(String signal, @Nullable Throwable cause);

    /**
     * The error for an item beyond the credit (RS 1.1 broken, or a full buffer).
     *
     * @return the error that ends the iteration
     */
    protected abstract RuntimeException overflow();

    /**
     * The consumer's task, checked as the host library requires before it waits.
     *
     * @return the calling task, or {@code null} on a plain thread that may block
     * @throws IllegalStateException if the calling thread must not wait
     */
    protected abstract @Nullable Task<?> waitingTask();

    /**
     * The iteration, for messages.
     *
     * @return e.g. {@code iterate(FluxRange)}
     */
    public abstract String describe();

    // ---------------------------------------------------------------- state, for the bridge

    /**
     * Consumer, once: registers the owner's end (a task that ends without closing leaves no
     * subscription) and subscribes, with signals on this thread known as the consumer's own.
     */
    protected final void subscribe() {
        Task<?> task = owner;
        if (task != null) {
            task.addDoneCallback(onOwnerDone);
        }
        callingSource = Thread.currentThread();
        try {
            subscribeToSource();
        } finally {
            callingSource = null;
        }
    }

    /**
     * Signalling side: keeps the upstream, unless there is one already or we left before it
     * arrived (then the caller cancels it, and reports a second one unless {@link #hasLeft()}).
     *
     * @param u the subscription or disposable
     * @return whether it is kept
     */
    protected final boolean setUpstream(Object u) {
        return UPSTREAM.compareAndSet(this, null, u);
    }

    /**
     * Whether we left the source (cancelled it, or gave up before it arrived).
     *
     * @return {@code true} once left
     */
    protected final boolean hasLeft() {
        return upstream == CANCELLED;
    }

    /**
     * The upstream.
     *
     * @return the subscription or disposable, or {@code null} if there is none (yet, or any more)
     */
    protected final @Nullable Object upstream() {
        Object u = upstream;
        return u == CANCELLED ? null : u;
    }

    /**
     * Whether the calling thread is the consumer's, inside its {@code subscribe} or
     * {@code request} call: there, a source may be fused synchronously.
     *
     * @return {@code true} on the consumer's thread while it calls into the source
     */
    protected final boolean onConsumerThread() {
        return Thread.currentThread() == callingSource;
    }

    /**
     * Signalling side, in onSubscribe on the consumer's thread: the source is fused synchronously;
     * {@link #poll()} reads it directly ({@code null} meaning that it ended), without requests.
     */
    protected final void fusedSync() {
        syncFused = true;
        done = true;
    }

    /**
     * Whether the source is fused synchronously.
     *
     * @return {@code true} if polled directly
     */
    protected final boolean isSyncFused() {
        return syncFused;
    }

    /**
     * Consumer: a fused source failed in poll (it was cancelled): the iteration ends with
     * {@code e}. The bridge replaces its queue (the fused source) with an empty one.
     *
     * @param e the error
     */
    protected final void pollFailed(Throwable e) {
        error = e;
        syncFused = false;
        done = true;
    }

    /**
     * Whether the source ended (terminal signal, or an error of ours ended the iteration).
     *
     * @return {@code true} once ended
     */
    protected final boolean isDone() {
        return done;
    }

    /**
     * The credit so far: everything the source may have sent.
     *
     * @return the requested total, {@link Long#MAX_VALUE} for unbounded
     */
    protected final long requested() {
        return requested;
    }

    /**
     * The error the iteration ends with.
     *
     * @return the error, or {@code null}
     */
    protected final @Nullable Throwable failure() {
        return error;
    }

    // ---------------------------------------------------------------- signalling side

    /**
     * The next item: queued; dropped after a terminal signal or after we left; beyond the credit,
     * an overflow that ends the iteration with {@link #overflow()}.
     *
     * @param item the item
     */
    public final void onNext(T item) {
        if (item == null) {
            NullPointerException broken = nullItem();
            if (!done && upstream != CANCELLED) {
                failAndLeave(broken); // RS 2.13: the source must consider it cancelled; we make sure
            }
            throw broken; // RS 2.13: thrown to the caller
        }
        if (upstream == null && !done) {
            discard(item);
            failAndLeave(beforeOnSubscribe("onNext", null));
            return;
        }
        if (done || upstream == CANCELLED) {
            dropItem(item); // RS 1.7 (after a terminal signal), 2.8 (after we left)
            return;
        }
        if (++received > requested || !offer(item)) {
            discard(item);
            failAndLeave(overflow());
            return;
        }
        if (Thread.currentThread() != callingSource) {
            wakeConsumer();
        }
    }

    /**
     * The source's error (checked for {@code null} by the bridge's {@code onError}), thrown by
     * {@code hasNext()} after the items before it; a late one goes to {@link #dropError}.
     *
     * @param e the error
     */
    protected final void handleError(Throwable e) {
        if (upstream == null && !done) {
            failAndLeave(beforeOnSubscribe("onError", e));
            return;
        }
        if (done || upstream == CANCELLED) {
            if (upstream == CANCELLED && isEchoOfLeaving(e)) {
                return;
            }
            if (e != error) { // not the very error we ended with (a source rethrowing our 2.13 error)
                dropError(e);
            }
            return;
        }
        error = e;
        done = true;
        wakeConsumer();
    }

    /** The end of the items. */
    public final void onComplete() {
        if (upstream == null && !done) {
            failAndLeave(beforeOnSubscribe("onComplete", null));
            return;
        }
        if (done || upstream == CANCELLED) {
            return;
        }
        done = true;
        wakeConsumer();
    }

    /**
     * Signalling side: leaves the source, and ends the iteration with {@code e} after the items
     * before it.
     *
     * @param e the error
     */
    protected final void failAndLeave(Throwable e) {
        cancelUpstream();
        error = e;
        done = true;
        wakeConsumer();
    }

    /** Either side: cancels the upstream, now or as soon as it arrives. */
    protected final void cancelUpstream() {
        Object u = UPSTREAM.getAndSet(this, CANCELLED);
        if (u != null && u != CANCELLED) {
            cancel(u);
        }
    }

    private void wakeConsumer() {
        consumer.wake(); // our offer (or done) is visible: see the class comment
    }

    // ---------------------------------------------------------------- consumer

    @Override
    public final boolean hasNext() {
        if (next != null) {
            return true;
        }
        Throwable broken = brokenRequest;
        if (broken != null) {
            brokenRequest = null;
            throw Sneaky.raise(broken);
        }
        while (!ended) {
            boolean d = done; // read before polling: an item offered before done is never missed
            T item = poll();
            if (item != null) {
                next = item;
                return true;
            }
            if (d) {
                end();
                Throwable e = error;
                if (e != null) {
                    throw Sneaky.raise(e);
                }
                return false;
            }
            awaitSignal();
        }
        return false;
    }

    @Override
    public final T next() {
        if (!hasNext()) {
            throw new NoSuchElementException(describe() + ": no more items (hasNext() is false)");
        }
        T item = Objects.requireNonNull(next);
        next = null;
        if (++taken == limit && !syncFused) {
            taken = 0;
            if (!done) { // a source that has ended needs no more credit
                request(limit);
            }
        }
        return item;
    }

    /**
     * Consumer, or the loop when the task was cancelled or ended: leaves the source, lets the
     * buffered items go, and wakes a consumer that waits (a task iterating what another task
     * opened). Idempotent.
     */
    public final void close() {
        if (ended) {
            return;
        }
        end();
        if (syncFused || !done) { // a source that has ended is not cancelled (doOnCancel would see it)
            cancelUpstream(); // now or when the subscription arrives
        }
        T item = next;
        if (item != null) {
            next = null;
            discard(item);
        }
        clearQueue();
        consumer.wakeNow(); // closed under a waiting consumer: it wakes to the end
    }

    private void request(long n) {
        long r = requested + n; // before the request: items may arrive inside it
        requested = r < 0 ? Long.MAX_VALUE : r;
        IllegalStateException broken;
        callingSource = Thread.currentThread();
        try {
            broken = requestUpstream(n);
        } finally {
            callingSource = null;
        }
        if (broken != null) {
            close(); // leaves the source and lets the buffer go
            brokenRequest = broken; // the next hasNext() throws it
        }
    }

    private void end() {
        ended = true;
        Task<?> task = owner;
        if (task != null && task.loop().inLoop()) {
            task.removeDoneCallback(onOwnerDone);
        }
    }

    private void awaitSignal() {
        consumer.await(waitingTask(), signalled, onCancelWhileWaiting, where);
    }

    /** Whether there is something for the consumer: an item, the end, or we left. */
    private boolean signalled() {
        return done || !queueIsEmpty() || upstream == CANCELLED;
    }
}
