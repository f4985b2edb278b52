package dev.reactiveawait.rxjava3;

import io.reactivex.rxjava3.core.FlowableSubscriber;
import io.reactivex.rxjava3.core.Observer;
import java.util.Objects;
import org.reactivestreams.Subscription;

/**
 * Awaits one outcome of a {@code Flowable} (a Reactive Streams subscriber: it requests) or an
 * {@code Observable} (no backpressure): the same class serves both, since only
 * {@code onSubscribe} differs.
 *
 * @param <T> the items
 * @param <R> the outcome
 */
abstract sealed class SequenceAwaiter<T, R> extends AwaitingObserver<T, R>
        implements FlowableSubscriber<T>, Observer<T>
        permits FirstItemAwaiter, HoldingAwaiter, ListAwaiter {

    SequenceAwaiter(String method, Object source) {
        super(method, source);
    }

    /** What onSubscribe requests from a {@code Flowable}. */
    abstract long initialRequest();

    /** An item that arrived by the rules: subscribed, before any terminal signal. */
    abstract void next(T item);

    @Override
    public final void onSubscribe(Subscription s) {
        Objects.requireNonNull(s, "onSubscribe(null) (Reactive Streams rule 2.13)");
        if (!keepUpstream(s)) {
            SpecRules.cancel(s, this); // RS 2.5: a second subscription, or one arriving after we left
            return;
        }
        IllegalStateException broken = SpecRules.request(s, initialRequest(), this);
        if (broken != null) {
            requestFailed(broken);
        }
    }

    @Override
    public final void onNext(T item) {
        if (item == null) {
            throw nullSignal("onNext");
        }
        if (!beforeOnSubscribe("onNext", null) && !late()) {
            next(item);
        } // items after the outcome or after we left are dropped, as RxJava's own observers drop them
    }
}
