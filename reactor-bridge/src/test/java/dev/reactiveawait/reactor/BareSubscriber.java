package dev.reactiveawait.reactor;

import dev.reactiveawait.testkit.ForwardingSubscriber;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import reactor.core.CorePublisher;
import reactor.core.CoreSubscriber;

/**
 * Hands a plain {@link Subscriber} to a Reactor publisher as a {@link CoreSubscriber}, so that
 * Reactor does not wrap it in its {@code StrictSubscriber} (which enforces rules 3.9 and 2.x by
 * itself): the TCK and the rule tests then talk to our subscriptions directly, as Reactor's own
 * operators do.
 */
final class BareSubscriber<T> extends ForwardingSubscriber<T> implements CoreSubscriber<T> {
    private BareSubscriber(Subscriber<? super T> actual) {
        super(actual);
    }

    static <T> Publisher<T> bare(CorePublisher<T> publisher) {
        return subscriber -> publisher.subscribe(new BareSubscriber<>(subscriber));
    }
}
