package dev.reactiveawait.rxjava3;

import dev.reactiveawait.Task;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.FlowableSubscriber;
import io.reactivex.rxjava3.exceptions.MissingBackpressureException;
import io.reactivex.rxjava3.operators.QueueFuseable;
import io.reactivex.rxjava3.operators.QueueSubscription;
import io.reactivex.rxjava3.plugins.RxJavaPlugins;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;

/**
 * Iterates a {@code Flowable} with backpressure: requests {@code prefetch} items, then 75% of
 * {@code prefetch} each time that many were taken (as RxJava's {@code blockingIterable} and
 * {@code observeOn} do). A {@code Flowable} that sends more than it was asked for breaks Reactive
 * Streams rule 1.1: the iteration ends with {@link MissingBackpressureException}.
 *
 * @param <T> the items
 */
final class FlowableAsIterator<T> extends SourceAsIterator<T> implements FlowableSubscriber<T> {
    private FlowableAsIterator(Flowable<? extends T> source, int prefetch, @Nullable Task<?> owner) {
        super(source, prefetch, prefetch == Integer.MAX_VALUE ? Integer.MAX_VALUE : prefetch - (prefetch >> 2), owner);
    }

    /** Consumer: subscribes to {@code source} for the calling task (or plain thread). */
    static <T> FlowableAsIterator<T> subscribe(Flowable<? extends T> source, int prefetch) {
        Task<?> task = Caller.taskOrBlockingThread("iterate");
        FlowableAsIterator<T> it = new FlowableAsIterator<>(source, prefetch, task);
        it.subscribe();
        return it;
    }

    @Override
    protected void subscribeToSource() {
        @SuppressWarnings("unchecked") // the constructor's source
        Flowable<? extends T> flowable = (Flowable<? extends T>) source;
        FlowableSubscriber<T> self = this;
        flowable.subscribe(self);
    }

    @Override
    public void onSubscribe(Subscription s) {
        Objects.requireNonNull(s, "onSubscribe(null) (Reactive Streams rule 2.13)");
        if (!keepUpstream(s)) {
            SpecRules.cancel(s, this); // RS 2.5: a second subscription, or one arriving after we left
            return;
        }
        if (s instanceof QueueSubscription<?> && onConsumerThread()) {
            @SuppressWarnings("unchecked")
            QueueSubscription<T> qs = (QueueSubscription<T>) s;
            if (qs.requestFusion(QueueFuseable.SYNC) == QueueFuseable.SYNC) {
                queue = qs; // poll the source itself: null means it has ended
                fusedSync();
                return;
            }
        }
        IllegalStateException broken = SpecRules.request(s, requested(), this); // prefetch, or Long.MAX_VALUE
        if (broken != null && !isDone()) {
            failAndLeave(broken);
        } else if (broken != null) {
            RxJavaPlugins.onError(broken); // the source ended inside request()
        }
    }

    @Override
    protected @Nullable IllegalStateException requestUpstream(long n) {
        return upstream() instanceof Subscription s ? SpecRules.request(s, n, this) : null;
    }

    @Override
    protected MissingBackpressureException overflow() {
        return new MissingBackpressureException(describe() + ": the Flowable emitted more items than the "
                + requested() + " requested, breaking Reactive Streams rule 1.1 (the Flowable is cancelled)");
    }
}
