package dev.reactiveawait.rxjava3;

import dev.reactiveawait.Task;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Observer;
import io.reactivex.rxjava3.disposables.Disposable;
import io.reactivex.rxjava3.exceptions.MissingBackpressureException;
import io.reactivex.rxjava3.operators.QueueDisposable;
import io.reactivex.rxjava3.operators.QueueFuseable;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Iterates an {@code Observable}, which cannot be asked to slow down, through a bounded buffer: at
 * most {@code bufferSize} items may have arrived and not yet been taken by {@code next()}. One more
 * is an overflow: the {@code Observable} is disposed and, after the items already buffered, the
 * iteration ends with {@link MissingBackpressureException} (RxJava's own error for a full buffer,
 * as in {@code onBackpressureBuffer(capacity)}), never with unbounded memory. A synchronously
 * fusable {@code Observable} ({@code range}, {@code fromIterable}, {@code map} of those…) is polled
 * directly and never overflows.
 *
 * @param <T> the items
 */
final class ObservableAsIterator<T> extends SourceAsIterator<T> implements Observer<T> {
    private ObservableAsIterator(Observable<? extends T> source, int bufferSize, @Nullable Task<?> owner) {
        // Credit 1 per item taken: the bound is exact (an unbounded buffer needs no credit).
        super(source, bufferSize, bufferSize == Integer.MAX_VALUE ? Integer.MAX_VALUE : 1, owner);
    }

    /** Consumer: subscribes to {@code source} for the calling task (or plain thread). */
    static <T> ObservableAsIterator<T> subscribe(Observable<? extends T> source, int bufferSize) {
        Task<?> task = Caller.taskOrBlockingThread("iterate");
        ObservableAsIterator<T> it = new ObservableAsIterator<>(source, bufferSize, task);
        it.subscribe();
        return it;
    }

    @Override
    protected void subscribeToSource() {
        @SuppressWarnings("unchecked") // the constructor's source
        Observable<? extends T> observable = (Observable<? extends T>) source;
        Observer<T> self = this;
        observable.subscribe(self);
    }

    @Override
    public void onSubscribe(Disposable d) {
        Objects.requireNonNull(d, "onSubscribe(null)");
        if (!keepUpstream(d)) {
            SpecRules.cancel(d, this); // a second upstream, or one arriving after we left
            return;
        }
        if (d instanceof QueueDisposable<?> && onConsumerThread()) {
            @SuppressWarnings("unchecked")
            QueueDisposable<T> qd = (QueueDisposable<T>) d;
            if (qd.requestFusion(QueueFuseable.SYNC) == QueueFuseable.SYNC) {
                queue = qd; // poll the source itself: null means it has ended
                fusedSync();
            }
        }
    }

    @Override
    protected @Nullable IllegalStateException requestUpstream(long n) {
        return null; // no one to ask: the bound moves as items are taken
    }

    @Override
    protected MissingBackpressureException overflow() {
        return new MissingBackpressureException(describe() + ": more than " + capacity + " items arrived before "
                + "the task took them; an Observable cannot be slowed down, so the iteration's buffer overflowed "
                + "(the Observable is disposed). Use a larger bufferSize, or toFlowable(BackpressureStrategy) "
                + "and iterate(Flowable) to choose what happens to the excess");
    }
}
