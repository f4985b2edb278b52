package dev.reactiveawait.rxjava3;

import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.FlowableSubscriber;
import java.util.Objects;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Hands a plain {@link Subscriber} to a Flowable as a {@link FlowableSubscriber}, so that RxJava
 * does not wrap it in its {@code StrictSubscriber} (which enforces rules 3.9 and 2.x by itself):
 * the TCK and the rule tests then talk to our subscription directly, as RxJava's own operators do.
 */
final class BareSubscriber<T> implements FlowableSubscriber<T> {
    private final Subscriber<? super T> actual;

    private BareSubscriber(Subscriber<? super T> actual) {
        this.actual = actual;
    }

    static <T> Publisher<T> bare(Flowable<T> flowable) {
        return subscriber -> flowable.subscribe(new BareSubscriber<>(Objects.requireNonNull(subscriber, "subscriber")));
    }

    @Override
    public void onSubscribe(Subscription s) {
        actual.onSubscribe(s);
    }

    @Override
    public void onNext(T item) {
        actual.onNext(item);
    }

    @Override
    public void onError(Throwable e) {
        actual.onError(e);
    }

    @Override
    public void onComplete() {
        actual.onComplete();
    }
}
