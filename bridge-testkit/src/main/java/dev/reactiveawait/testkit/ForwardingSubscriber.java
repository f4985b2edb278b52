package dev.reactiveawait.testkit;

import java.util.Objects;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Passes every signal to another subscriber unchanged. Each bridge's {@code BareSubscriber}
 * extends it with its library's marker interface, so that the library does not wrap a plain
 * subscriber (the TCK's) in its {@code StrictSubscriber}, which enforces rules 3.9 and 2.x by
 * itself: the TCK and the rule tests then talk to our subscriptions directly, as the library's own
 * operators do.
 *
 * @param <T> the item type
 */
public class ForwardingSubscriber<T> implements Subscriber<T> {
    private final Subscriber<? super T> actual;

    /**
     * Forwards to {@code actual}.
     *
     * @param actual where the signals go
     */
    protected ForwardingSubscriber(Subscriber<? super T> actual) {
        this.actual = Objects.requireNonNull(actual, "subscriber");
    }

    @Override
    public final void onSubscribe(Subscription s) {
        actual.onSubscribe(s);
    }

    @Override
    public final void onNext(T item) {
        actual.onNext(item);
    }

    @Override
    public final void onError(Throwable e) {
        actual.onError(e);
    }

    @Override
    public final void onComplete() {
        actual.onComplete();
    }
}
