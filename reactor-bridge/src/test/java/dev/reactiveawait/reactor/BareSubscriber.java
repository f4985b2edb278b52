package dev.reactiveawait.reactor;

import java.util.Objects;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import reactor.core.CorePublisher;
import reactor.core.CoreSubscriber;

/**
 * Hands a plain {@link Subscriber} to a Reactor publisher as a {@link CoreSubscriber}, so that
 * Reactor does not wrap it in its {@code StrictSubscriber} (which enforces rules 3.9 and 2.x by
 * itself): the TCK and the rule tests then talk to our subscriptions directly, as Reactor's own
 * operators do.
 */
final class BareSubscriber<T> implements CoreSubscriber<T> {
    private final Subscriber<? super T> actual;

    private BareSubscriber(Subscriber<? super T> actual) {
        this.actual = actual;
    }

    static <T> Publisher<T> bare(CorePublisher<T> publisher) {
        return subscriber -> publisher.subscribe(new BareSubscriber<>(Objects.requireNonNull(subscriber, "subscriber")));
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
