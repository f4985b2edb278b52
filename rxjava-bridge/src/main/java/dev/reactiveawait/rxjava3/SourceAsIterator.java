package dev.reactiveawait.rxjava3;

import dev.reactiveawait.Task;
import dev.reactiveawait.internal.SourceIterator;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.exceptions.Exceptions;
import io.reactivex.rxjava3.exceptions.MissingBackpressureException;
import io.reactivex.rxjava3.exceptions.ProtocolViolationException;
import io.reactivex.rxjava3.operators.SimpleQueue;
import io.reactivex.rxjava3.operators.SpscArrayQueue;
import io.reactivex.rxjava3.operators.SpscLinkedArrayQueue;
import io.reactivex.rxjava3.plugins.RxJavaPlugins;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The subscriber and iterator behind {@link FlowableIteration} and {@link ObservableIteration}. The
 * queue between the signalling thread and the iterating task, the credit (the items the source may
 * still send), the suspension while the queue is empty and the rules on signals are the core's
 * {@link SourceIterator}, which the Reactor bridge's iteration shares. This class adds RxJava's
 * queues and hooks: late errors go to {@code RxJavaPlugins.onError} (unless one is the echo of our
 * cancellation), a second upstream is reported as RxJava does. A {@code Flowable} is asked for the
 * credit ({@link FlowableAsIterator}); an {@code Observable} cannot be asked, so going beyond the
 * credit is its buffer overflowing ({@link ObservableAsIterator}). A source that supports
 * synchronous fusion ({@code range}, {@code fromIterable}, {@code map} of those…) is polled
 * directly, without a queue, requests or a bound.
 *
 * @param <T> the items
 */
abstract sealed class SourceAsIterator<T> extends SourceIterator<T> implements SpecRules.Described
        permits FlowableAsIterator, ObservableAsIterator {
    /** The source, for messages. */
    final Object source;
    /** The bound: prefetch or buffer size; {@link Integer#MAX_VALUE} for none. */
    final int capacity;
    /** Offered by the signalling side, polled by the consumer (SPSC); the source itself when fused. */
    SimpleQueue<T> queue;
    /** Signalling side only: the one echo of our cancellation was dropped already. */
    private boolean echoDropped;

    SourceAsIterator(Object source, int capacity, int limit, @Nullable Task<?> owner) {
        super(capacity, limit, owner);
        this.source = source;
        this.capacity = capacity;
        this.queue = capacity == Integer.MAX_VALUE
                ? new SpscLinkedArrayQueue<>(Flowable.bufferSize())
                : new SpscArrayQueue<>(capacity);
    }

    /** "iterate(FlowableRange, 128)", for messages. */
    @Override
    public final String describe() {
        return "iterate(" + AwaitingObserver.describe(source) + ", "
                + (capacity == Integer.MAX_VALUE ? "unbounded" : capacity) + ")";
    }

    /**
     * Signalling side: keeps the upstream, unless there is one already (reported, as RxJava does)
     * or we left before it arrived.
     *
     * @return whether it is kept; if not, the caller cancels it
     */
    final boolean keepUpstream(Object u) {
        if (setUpstream(u)) {
            return true;
        }
        if (!hasLeft()) {
            RxJavaPlugins.onError(new ProtocolViolationException(describe() + ": onSubscribe was called a second "
                    + "time; a source subscribes each observer once (the second upstream is disposed)"));
        }
        return false;
    }

    /**
     * The source's error, thrown by {@code hasNext()} after the items before it; a late one goes to
     * RxJava's hook unless it is the echo of our cancellation.
     *
     * @param e the error
     */
    public final void onError(Throwable e) {
        handleError(Objects.requireNonNull(e, "onError(null)"));
    }

    @Override
    protected final @Nullable T poll() {
        try {
            return queue.poll(); // when fused, runs the fused operators (map, filter...) on this thread
        } catch (Throwable e) {
            Exceptions.throwIfFatal(e);
            cancelUpstream(); // a fused operator failed: its source stops
            queue = new SpscArrayQueue<>(1);
            pollFailed(e); // the next round ends with the error
            return null;
        }
    }

    @Override
    protected final boolean offer(T item) {
        return queue.offer(item);
    }

    @Override
    protected final boolean queueIsEmpty() {
        return queue.isEmpty();
    }

    @Override
    protected final void clearQueue() {
        queue.clear(); // a fused source releases what it holds
    }

    @Override
    protected final void cancel(Object upstream) {
        SpecRules.cancel(upstream, this);
    }

    @Override
    protected final void discard(T item) {
        // RxJava has no discard hook: the item is let go
    }

    @Override
    protected final void dropItem(T item) {
        // after a terminal signal, or after we left: dropped, as RxJava's own observers do
    }

    @Override
    protected final void dropError(Throwable e) {
        RxJavaPlugins.onError(e);
    }

    @Override
    protected final boolean isEchoOfLeaving(Throwable e) {
        if (!echoDropped && AwaitingObserver.isCancellationEcho(e)) {
            echoDropped = true; // the source's answer to our cancel: ours, not the application's
            return true;
        }
        return false;
    }

    @Override
    protected final NullPointerException nullItem() {
        return SpecRules.nullItem(describe(), "onNext");
    }

    @Override
    protected final IllegalStateException beforeOnSubscribe(String signal, @Nullable Throwable cause) {
        return SpecRules.beforeOnSubscribe(describe(), signal, cause);
    }

    /** The error for an item beyond the credit. */
    @Override
    protected abstract MissingBackpressureException overflow();

    @Override
    protected final @Nullable Task<?> waitingTask() {
        return Caller.taskOrBlockingThread("iterate");
    }
}
