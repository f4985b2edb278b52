package dev.reactiveawait.rxjava3;

import dev.reactiveawait.testkit.ForwardingSubscriber;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.FlowableSubscriber;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;

/**
 * Hands a plain {@link Subscriber} to a Flowable as a {@link FlowableSubscriber}, so that RxJava
 * does not wrap it in its {@code StrictSubscriber} (which enforces rules 3.9 and 2.x by itself):
 * the TCK and the rule tests then talk to our subscription directly, as RxJava's own operators do.
 */
final class BareSubscriber<T> extends ForwardingSubscriber<T> implements FlowableSubscriber<T> {
    private BareSubscriber(Subscriber<? super T> actual) {
        super(actual);
    }

    static <T> Publisher<T> bare(Flowable<T> flowable) {
        return subscriber -> flowable.subscribe(new BareSubscriber<>(subscriber));
    }
}
