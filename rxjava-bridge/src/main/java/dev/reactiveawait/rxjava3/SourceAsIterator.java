package dev.reactiveawait.rxjava3;

import dev.reactiveawait.Task;
import dev.reactiveawait.internal.SingleConsumerWait;
import dev.reactiveawait.internal.Sneaky;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.disposables.Disposable;
import io.reactivex.rxjava3.exceptions.Exceptions;
import io.reactivex.rxjava3.exceptions.MissingBackpressureException;
import io.reactivex.rxjava3.operators.SimpleQueue;
import io.reactivex.rxjava3.operators.SpscArrayQueue;
import io.reactivex.rxjava3.operators.SpscLinkedArrayQueue;
import io.reactivex.rxjava3.plugins.RxJavaPlugins;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;

/**
 * The subscriber and iterator behind {@link FlowableIteration} and {@link ObservableIteration}: a
 * bounded queue between the thread the source signals on and the iterating task, with credit (the
 * items the source may still send: {@link #requested} minus {@link #received}) replenished as items
 * are taken, and a task that suspends while the queue is empty. A {@code Flowable} is asked for the
 * credit ({@link FlowableAsIterator}); an {@code Observable} cannot be asked, so going beyond the
 * credit is its buffer overflowing ({@link ObservableAsIterator}).
 *
 * <p>Two sides. The <em>signalling side</em> is whatever thread the source calls onSubscribe,
 * onNext, onError, onComplete on (one at a time). The <em>consumer</em> is the iterating task or
 * plain thread; the loop stands in for it when the task is cancelled or finishes, which happens only
 * while the task is suspended or done, never at the same time.
 *
 * <p>No lost wakeup: the consumer publishes its waiter (a promise or its thread) and then looks at
 * the queue again; the signalling side offers, fences, then looks at the waiter. One of the two
 * sees the other (a Dekker handshake, in {@link SingleConsumerWait}, which both bridges share).
 * Items the source emits inside our own {@code request()} or {@code subscribe()} call (a
 * synchronous source such as {@code Flowable.range}) need no wakeup: the consumer is not waiting,
 * it is the caller. A source that supports synchronous fusion ({@code range}, {@code
 * fromIterable}, {@code map} of those…) is polled directly, without a queue, requests or a bound.
 *
 * @param <T> the items
 */
abstract sealed class SourceAsIterator<T> implements Iterator<T>, SpecRules.Described permits FlowableAsIterator, ObservableAsIterator {
    /** In {@link #upstream} once we left the source. */
    private static final Object CANCELLED = new Object();

    @SuppressWarnings("rawtypes")
    private static final AtomicReferenceFieldUpdater<SourceAsIterator, Object> UPSTREAM =
            AtomicReferenceFieldUpdater.newUpdater(SourceAsIterator.class, Object.class, "upstream");

    /** The source, for messages. */
    final Object source;
    /** The bound: prefetch or buffer size; {@link Integer#MAX_VALUE} for none. */
    final int capacity;
    /** Credit is replenished after taking this many items. */
    private final int limit;
    /** Offered by the signalling side, polled by the consumer (SPSC); the source itself when fused. */
    SimpleQueue<T> queue;
    /** Set in onSubscribe on the consumer's own thread, before the first poll. */
    boolean syncFused;

    // Consumer side.
    private final @Nullable Task<?> owner;
    private final Consumer<Object> onOwnerDone = x -> close();
    private final Runnable onCancelWhileWaiting = this::close;
    private final BooleanSupplier signalled = this::signalled;
    private final Supplier<String> where = this::describe;
    private @Nullable T next;
    private int taken;
    /** The consumer's thread while it calls into the source; signals on that thread need no wakeup. */
    @Nullable Thread callingSource;
    /** The source ended (and we saw it), or we left it: hasNext() is false from now on. */
    private boolean ended;
    /** A {@code request()} of ours threw (rule 3.16 broken): the next hasNext() throws this. */
    private @Nullable Throwable brokenRequest;

    // Signalling side.
    private long received;
    /** Everything the source may send so far; written by the consumer, read at each item. */
    volatile long requested;
    /** Written after {@link #error}. */
    volatile boolean done;
    private @Nullable Throwable error;
    /** Signalling side only: the one echo of our cancellation was dropped already. */
    private boolean echoDropped;
    /** The Subscription or Disposable: set once by onSubscribe; {@link #CANCELLED} once we leave. */
    private volatile @Nullable Object upstream;
    /** The consumer waiting for a signal (see the class comment). */
    private final SingleConsumerWait consumer = new SingleConsumerWait();

    SourceAsIterator(Object source, int capacity, int limit, @Nullable Task<?> owner) {
        this.source = source;
        this.capacity = capacity;
        this.limit = limit;
        this.requested = capacity == Integer.MAX_VALUE ? Long.MAX_VALUE : capacity;
        this.queue = capacity == Integer.MAX_VALUE
                ? new SpscLinkedArrayQueue<>(Flowable.bufferSize())
                : new SpscArrayQueue<>(capacity);
        this.owner = owner;
    }

    /** Consumer: registers the owner's end and calls {@code subscribe} (which subscribes this). */
    final void start(Runnable subscribe) {
        Task<?> task = owner;
        if (task != null) {
            task.addDoneCallback(onOwnerDone); // a task that ends without closing leaves no subscription
        }
        callingSource = Thread.currentThread();
        try {
            subscribe.run();
        } finally {
            callingSource = null;
        }
    }

    /** Consumer: the source may send {@code n} more items (a {@code Flowable} is asked for them). */
    abstract void request(long n);

    /** Consumer: our {@code request} threw (rule 3.16): leave the source; the next hasNext() throws it. */
    final void requestFailed(IllegalStateException broken) {
        close();
        brokenRequest = broken;
    }

    /** The error for an item beyond the credit. */
    abstract MissingBackpressureException overflow();

    /** "iterate(FlowableRange, 128)", for messages. */
    @Override
    public final String describe() {
        return "iterate(" + AwaitingObserver.describe(source) + ", "
                + (capacity == Integer.MAX_VALUE ? "unbounded" : capacity) + ")";
    }

    // ---------------------------------------------------------------- signalling side

    /**
     * Signalling side: keeps the upstream, unless there is one already (reported, as RxJava does)
     * or we left before it arrived.
     *
     * @return whether it is kept; if not, the caller cancels it
     */
    final boolean setUpstream(Object u) {
        if (UPSTREAM.compareAndSet(this, null, u)) {
            return true;
        }
        if (upstream != CANCELLED) {
            RxJavaPlugins.onError(new io.reactivex.rxjava3.exceptions.ProtocolViolationException(describe()
                    + ": onSubscribe was called a second time; a source subscribes each observer once "
                    + "(the second upstream is disposed)"));
        }
        return false;
    }

    /**
     * The next item: dropped after a terminal signal or after we left; beyond the credit, an
     * overflow that ends the iteration with {@link #overflow()}.
     *
     * @param item the item
     */
    public final void onNext(T item) {
        if (item == null) {
            NullPointerException broken = SpecRules.nullItem(describe(), "onNext");
            if (!done && upstream != CANCELLED) {
                failAndLeave(broken); // rule 2.13: the source must consider itself cancelled; we make sure
            }
            throw broken; // rule 2.13: thrown to the caller
        }
        if (upstream == null && !done) {
            failAndLeave(SpecRules.beforeOnSubscribe(describe(), "onNext", null));
            return;
        }
        if (done || upstream == CANCELLED) {
            return; // after a terminal signal, or after we left: dropped, as RxJava's own observers do
        }
        if (++received > requested || !queue.offer(item)) {
            failAndLeave(overflow());
            return;
        }
        if (Thread.currentThread() != callingSource) {
            wakeConsumer();
        }
    }

    /**
     * The source's error, thrown by {@code hasNext()} after the items before it; a late one goes to
     * RxJava's hook unless it is the echo of our cancellation.
     *
     * @param e the error
     */
    public final void onError(Throwable e) {
        Objects.requireNonNull(e, "onError(null)");
        if (upstream == null && !done) {
            failAndLeave(SpecRules.beforeOnSubscribe(describe(), "onError", e));
            return;
        }
        if (done || upstream == CANCELLED) {
            if (upstream == CANCELLED && !echoDropped && AwaitingObserver.isCancellationEcho(e)) {
                echoDropped = true; // the source's answer to our cancel: ours, not the application's
                return;
            }
            if (e != error) { // not the very error we ended with (a source rethrowing our 2.13 error)
                RxJavaPlugins.onError(e);
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
            failAndLeave(SpecRules.beforeOnSubscribe(describe(), "onComplete", null));
            return;
        }
        if (done || upstream == CANCELLED) {
            return;
        }
        done = true;
        wakeConsumer();
    }

    /** Signalling side: leaves the source, and ends the iteration with {@code e} after the items before it. */
    final void failAndLeave(Throwable e) {
        cancelUpstream();
        error = e;
        done = true;
        wakeConsumer();
    }

    private void wakeConsumer() {
        consumer.wake(); // our offer (or done) is visible: see the class comment
    }

    /** Either side: cancels or disposes the upstream, now or as soon as it arrives. */
    final void cancelUpstream() {
        Object u = UPSTREAM.getAndSet(this, CANCELLED);
        if (u != null && u != CANCELLED) {
            SpecRules.cancel(u, this);
        }
    }

    /** The upstream subscription, or {@code null} if there is none (yet, or any more). */
    final @Nullable Object upstream() {
        Object u = upstream;
        return u == CANCELLED ? null : u;
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
     * Consumer, or the loop when the task was cancelled or ended: leaves the source, and wakes a
     * consumer that waits (a task iterating what another task opened). Idempotent.
     */
    final void close() {
        if (ended) {
            return;
        }
        end();
        if (syncFused || !done) { // a source that has ended is not cancelled (doOnCancel would see it)
            cancelUpstream();
        }
        next = null;
        queue.clear(); // a fused source releases what it holds
        consumer.wakeNow(); // closed under a waiting consumer: it wakes to the end
    }

    private @Nullable T poll() {
        try {
            return queue.poll(); // when fused, runs the fused operators (map, filter...) on this thread
        } catch (Throwable e) {
            Exceptions.throwIfFatal(e);
            cancelUpstream(); // a fused operator failed: its source stops
            error = e;
            syncFused = false;
            queue = new SpscArrayQueue<>(1);
            done = true;
            return null; // the next round ends with the error
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
        consumer.await(Caller.taskOrBlockingThread("iterate"), signalled, onCancelWhileWaiting, where);
    }

    /** Whether there is something for the consumer: an item, the end, or we left. */
    private boolean signalled() {
        return done || !queue.isEmpty() || upstream == CANCELLED;
    }
}
