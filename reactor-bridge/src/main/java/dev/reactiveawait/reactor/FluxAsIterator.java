package dev.reactiveawait.reactor;

import dev.reactiveawait.Task;
import dev.reactiveawait.internal.SourceIterator;
import java.util.Objects;
import java.util.Queue;
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
 * The subscriber and iterator behind {@link FluxIteration}: requests {@code prefetch} items, then
 * 75% of it each time that many were taken. The queue between the signalling thread and the
 * iterating task, the credit, the suspension while the queue is empty and the rules on signals are
 * the core's {@link SourceIterator}, which the RxJava bridge's iterations share; this class adds
 * Reactor's queues and synchronous fusion ({@code Fuseable.QueueSubscription}, polled directly,
 * without a queue or requests), the awaiting task's {@link Context}, and Reactor's hooks:
 * undelivered items to the discard hook, late ones to {@code onNextDropped}, late errors to
 * {@code onErrorDropped}.
 *
 * @param <T> the items
 */
final class FluxAsIterator<T> extends SourceIterator<T> implements CoreSubscriber<T>, SpecRules.Described {
    private final Publisher<? extends T> source;
    private final Context context;
    /** Offered by the signalling side, polled by the consumer (SPSC); the source itself when fused. */
    private Queue<T> queue;

    private FluxAsIterator(Publisher<? extends T> source, int prefetch, Context context, @Nullable Task<?> owner) {
        super(prefetch, prefetch == Integer.MAX_VALUE ? Integer.MAX_VALUE : prefetch - (prefetch >> 2), owner);
        this.source = source;
        this.context = context;
        this.queue = Queues.<T>get(prefetch).get();
    }

    /** Consumer: subscribes to {@code source} for the calling task (or plain thread). */
    static <T> FluxAsIterator<T> subscribe(Publisher<? extends T> source, int prefetch) {
        Task<?> task = Caller.taskOrBlockingThread("iterate");
        FluxAsIterator<T> it = new FluxAsIterator<>(source, prefetch, Context.of(ReactorContext.current()), task);
        it.subscribe();
        return it;
    }

    @Override
    protected void subscribeToSource() {
        Subscriber<T> self = this;
        source.subscribe(self);
    }

    @Override
    public Context currentContext() {
        return context;
    }

    @Override
    public void onSubscribe(Subscription s) {
        Objects.requireNonNull(s, "onSubscribe(null) (Reactive Streams rule 2.13)");
        if (!setUpstream(s)) {
            SpecRules.cancel(s, this, context); // RS 2.5: a second subscription, or one arriving after we left
            if (!hasLeft()) {
                Operators.onErrorDropped(Exceptions.duplicateOnSubscribeException(), context);
            }
            return;
        }
        if (s instanceof Fuseable.QueueSubscription<?> && onConsumerThread()) {
            @SuppressWarnings("unchecked")
            Fuseable.QueueSubscription<T> qs = (Fuseable.QueueSubscription<T>) s;
            if (qs.requestFusion(Fuseable.SYNC) == Fuseable.SYNC) {
                queue = qs; // poll the source itself: null means it has ended
                fusedSync();
                return;
            }
        }
        IllegalStateException broken = SpecRules.request(s, requested(), this); // prefetch, or Long.MAX_VALUE
        if (broken != null && !isDone()) {
            failAndLeave(broken);
        } else if (broken != null) {
            Operators.onErrorDropped(broken, context); // the source ended inside request()
        }
    }

    @Override
    public void onError(Throwable e) {
        handleError(Objects.requireNonNull(e, "onError(null) (Reactive Streams rule 2.13)"));
    }

    @Override
    protected @Nullable T poll() {
        if (!isSyncFused()) {
            return queue.poll();
        }
        try {
            return queue.poll(); // runs the fused operators (map, filter...) on this thread
        } catch (Throwable e) {
            // cancels the source; the iteration ends with the error
            Throwable failure = Operators.onOperatorError((Subscription) upstream(), Exceptions.unwrap(e), context);
            queue = Queues.<T>empty().get();
            pollFailed(failure);
            return null;
        }
    }

    @Override
    protected boolean offer(T item) {
        return queue.offer(item);
    }

    @Override
    protected boolean queueIsEmpty() {
        return queue.isEmpty();
    }

    @Override
    protected void clearQueue() {
        if (isSyncFused()) {
            queue.clear(); // the fused source discards what it drops
        } else {
            Operators.onDiscardQueueWithClear(queue, context, null);
        }
    }

    @Override
    protected @Nullable IllegalStateException requestUpstream(long n) {
        return upstream() instanceof Subscription s ? SpecRules.request(s, n, this) : null;
    }

    @Override
    protected void cancel(Object upstream) {
        SpecRules.cancel((Subscription) upstream, this, context);
    }

    @Override
    protected void discard(T item) {
        Operators.onDiscard(item, context);
    }

    @Override
    protected void dropItem(T item) {
        Operators.onNextDropped(item, context);
    }

    @Override
    protected void dropError(Throwable e) {
        Operators.onErrorDropped(e, context);
    }

    @Override
    protected boolean isEchoOfLeaving(Throwable e) {
        return false; // Reactor's hook gets every late error
    }

    @Override
    protected NullPointerException nullItem() {
        return SpecRules.nullItem(describe());
    }

    @Override
    protected IllegalStateException beforeOnSubscribe(String signal, @Nullable Throwable cause) {
        return SpecRules.beforeOnSubscribe(describe(), signal, cause);
    }

    @Override
    protected RuntimeException overflow() {
        return Exceptions.failWithOverflow(describe() + ": the publisher emitted more items than the "
                + requested() + " requested, breaking Reactive Streams rule 1.1 (the subscription is cancelled)");
    }

    @Override
    protected @Nullable Task<?> waitingTask() {
        return Caller.taskOrBlockingThread("iterate");
    }

    @Override
    public String describe() {
        return "iterate(" + source + ")";
    }
}
