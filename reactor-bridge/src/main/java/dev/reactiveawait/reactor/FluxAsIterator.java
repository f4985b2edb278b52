package dev.reactiveawait.reactor;

import dev.reactiveawait.Task;
import dev.reactiveawait.internal.SingleConsumerWait;
import dev.reactiveawait.internal.Sneaky;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Exceptions;
import reactor.core.Fuseable;
import reactor.core.publisher.Operators;
import reactor.util.concurrent.Queues;
import reactor.util.context.Context;

/**
 * The subscriber and iterator behind {@link FluxIteration}: a bounded queue between the thread the
 * source signals on and the iterating task, with batched requests (prefetch, then 75% of it each
 * time that many items were taken) and a task that suspends while the queue is empty.
 *
 * <p>Two sides. The <em>signalling side</em> is whatever thread the source calls onSubscribe,
 * onNext, onError, onComplete on (RS 1.3: one at a time). The <em>consumer</em> is the iterating
 * task or plain thread; the loop stands in for it when the task is cancelled or finishes, which
 * happens only while the task is suspended or done, never at the same time.
 *
 * <p>No lost wakeup: the consumer publishes its waiter (a promise or its thread) and then looks at
 * the queue again; the signalling side offers, fences, then looks at the waiter. One of the two
 * sees the other (a Dekker handshake, in {@link SingleConsumerWait}, which both bridges share).
 * Items the source emits inside our own {@code request()} or {@code subscribe()} call (a
 * synchronous source such as {@code Flux.range}) need no wakeup: the consumer is not waiting, it
 * is the caller. A source that supports synchronous fusion is polled directly, without a queue or
 * requests.
 *
 * @param <T> the items
 */
final class FluxAsIterator<T> implements CoreSubscriber<T>, Iterator<T>, SpecRules.Described {
    @SuppressWarnings("rawtypes")
    private static final AtomicReferenceFieldUpdater<FluxAsIterator, Subscription> S =
            AtomicReferenceFieldUpdater.newUpdater(FluxAsIterator.class, Subscription.class, "s");

    private final Publisher<? extends T> source;
    private final int prefetch;
    /** Replenish after taking this many items: 75% of prefetch. */
    private final int limit;
    private final Context context;
    /** Offered by the signalling side, polled by the consumer (SPSC); the source itself when fused. */
    private Queue<T> queue;
    /** Set in onSubscribe on the consumer's own thread, before the first poll. */
    private boolean syncFused;

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

    // Signalling side.
    private long received;
    /** Everything requested so far; written before each request, read at each item (RS 1.1 check). */
    private volatile long requested;
    /** Written after {@link #error}. */
    private volatile boolean done;
    private @Nullable Throwable error;
    /** Set once by onSubscribe; cancelledSubscription() once we leave. */
    private volatile @Nullable Subscription s;
    /** The consumer waiting for a signal (see the class comment). */
    private final SingleConsumerWait consumer = new SingleConsumerWait();

    private FluxAsIterator(Publisher<? extends T> source, int prefetch, Context context, @Nullable Task<?> owner) {
        this.source = source;
        this.prefetch = prefetch;
        this.limit = prefetch == Integer.MAX_VALUE ? Integer.MAX_VALUE : prefetch - (prefetch >> 2);
        this.context = context;
        this.queue = Queues.<T>get(prefetch).get();
        this.owner = owner;
    }

    /** Consumer: subscribes to {@code source} for the calling task (or plain thread). */
    static <T> FluxAsIterator<T> subscribe(Publisher<? extends T> source, int prefetch) {
        Task<?> task = Caller.taskOrBlockingThread("iterate");
        FluxAsIterator<T> it = new FluxAsIterator<>(source, prefetch, Context.of(ReactorContext.current()), task);
        if (task != null) {
            task.addDoneCallback(it.onOwnerDone); // a task that ends without closing leaves no subscription
        }
        Subscriber<T> self = it;
        it.callingSource = Thread.currentThread();
        try {
            source.subscribe(self);
        } finally {
            it.callingSource = null;
        }
        return it;
    }

    @Override
    public Context currentContext() {
        return context;
    }

    // ---------------------------------------------------------------- signalling side

    @Override
    public void onSubscribe(Subscription s) {
        Objects.requireNonNull(s, "onSubscribe(null) (Reactive Streams rule 2.13)");
        if (!S.compareAndSet(this, null, s)) {
            SpecRules.cancel(s, this, context); // RS 2.5: a second subscription, or one arriving after we left
            if (this.s != Operators.cancelledSubscription()) {
                Operators.onErrorDropped(Exceptions.duplicateOnSubscribeException(), context);
            }
            return;
        }
        if (s instanceof Fuseable.QueueSubscription<?> && Thread.currentThread() == callingSource) {
            @SuppressWarnings("unchecked")
            Fuseable.QueueSubscription<T> qs = (Fuseable.QueueSubscription<T>) s;
            if (qs.requestFusion(Fuseable.SYNC) == Fuseable.SYNC) {
                queue = qs; // poll the source itself: null means it has ended
                syncFused = true;
                done = true;
                return;
            }
        }
        long n = prefetch == Integer.MAX_VALUE ? Long.MAX_VALUE : prefetch;
        requested = n;
        IllegalStateException broken = SpecRules.request(s, n, this);
        if (broken != null && !done) {
            failAndLeave(broken);
        } else if (broken != null) {
            Operators.onErrorDropped(broken, context); // the source ended inside request()
        }
    }

    @Override
    public void onNext(T item) {
        if (item == null) {
            NullPointerException broken = SpecRules.nullItem(describe());
            if (!done && s != Operators.cancelledSubscription()) {
                failAndLeave(broken); // RS 2.13: the publisher must consider it cancelled; we make sure
            }
            throw broken; // RS 2.13: thrown to the caller
        }
        if (s == null && !done) {
            Operators.onDiscard(item, context);
            failAndLeave(SpecRules.beforeOnSubscribe(describe(), "onNext", null));
            return;
        }
        if (done || s == Operators.cancelledSubscription()) {
            Operators.onNextDropped(item, context); // RS 1.7 (after a terminal signal), 2.8 (after we left)
            return;
        }
        if (++received > requested || !queue.offer(item)) {
            Operators.onDiscard(item, context);
            failAndLeave(Exceptions.failWithOverflow(describe() + ": the publisher emitted more items than the "
                    + requested + " requested, breaking Reactive Streams rule 1.1 (the subscription is cancelled)"));
            return;
        }
        if (Thread.currentThread() != callingSource) {
            wakeConsumer();
        }
    }

    @Override
    public void onError(Throwable e) {
        Objects.requireNonNull(e, "onError(null) (Reactive Streams rule 2.13)");
        if (s == null && !done) {
            failAndLeave(SpecRules.beforeOnSubscribe(describe(), "onError", e));
            return;
        }
        if (done || s == Operators.cancelledSubscription()) {
            if (e != error) { // not the very error we ended with (a publisher rethrowing our 2.13 error)
                Operators.onErrorDropped(e, context);
            }
            return;
        }
        error = e;
        done = true;
        wakeConsumer();
    }

    @Override
    public void onComplete() {
        if (s == null && !done) {
            failAndLeave(SpecRules.beforeOnSubscribe(describe(), "onComplete", null));
            return;
        }
        if (done || s == Operators.cancelledSubscription()) {
            return;
        }
        done = true;
        wakeConsumer();
    }

    /** Signalling side: leaves the source, and ends the iteration with {@code e} after the items before it. */
    private void failAndLeave(Throwable e) {
        cancelUpstream();
        error = e;
        done = true;
        wakeConsumer();
    }

    /** Either side: cancels the subscription, now or as soon as it arrives. */
    private void cancelUpstream() {
        Subscription current = S.getAndSet(this, Operators.cancelledSubscription());
        if (current != null && current != Operators.cancelledSubscription()) {
            SpecRules.cancel(current, this, context);
        }
    }

    private void wakeConsumer() {
        consumer.wake(); // our offer (or done) is visible: see the class comment
    }

    // ---------------------------------------------------------------- consumer

    @Override
    public boolean hasNext() {
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
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException(describe() + ": no more items (hasNext() is false)");
        }
        T item = Objects.requireNonNull(next);
        next = null;
        if (++taken == limit && !syncFused) {
            taken = 0;
            if (!done) { // a source that has ended needs no more demand
                request(limit);
            }
        }
        return item;
    }

    /**
     * Consumer, or the loop when the task was cancelled or ended: leaves the source, and wakes a
     * consumer that waits (a task iterating what another task opened). Idempotent.
     */
    void close() {
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
            Operators.onDiscard(item, context);
        }
        if (syncFused) {
            queue.clear(); // the fused source discards what it drops
        } else {
            Operators.onDiscardQueueWithClear(queue, context, null);
        }
        consumer.wakeNow(); // closed under a waiting consumer: it wakes to the end
    }

    private @Nullable T poll() {
        if (!syncFused) {
            return queue.poll();
        }
        try {
            return queue.poll(); // runs the fused operators (map, filter...) on this thread
        } catch (Throwable e) {
            error = Operators.onOperatorError(s, Exceptions.unwrap(e), context); // cancels the source
            syncFused = false;
            queue = Queues.<T>empty().get();
            return null; // done is true: the next round ends with the error
        }
    }

    private void request(long n) {
        Subscription sub = Objects.requireNonNull(s);
        requested = Operators.addCap(requested, n); // before the request: items may arrive inside it
        IllegalStateException broken;
        callingSource = Thread.currentThread();
        try {
            broken = SpecRules.request(sub, n, this);
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
        consumer.await(Caller.taskOrBlockingThread("iterate"), signalled, onCancelWhileWaiting, where);
    }

    /** Whether there is something for the consumer: an item, the end, or we left. */
    private boolean signalled() {
        return done || !queue.isEmpty() || s == Operators.cancelledSubscription();
    }

    @Override
    public String describe() {
        return "iterate(" + source + ")";
    }
}
