package dev.reactiveawait.rxjava3;

import dev.reactiveawait.EventLoop;
import dev.reactiveawait.internal.DemandEmitter;
import io.reactivex.rxjava3.exceptions.Exceptions;
import io.reactivex.rxjava3.plugins.RxJavaPlugins;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * One subscription of a {@link FlowableBodyAsFlowable}: the subscriber's {@link Subscription} and
 * the body's {@link RxFlowableEmitter} at once. The state machine (demand, suspending the body while
 * there is none, cancellation, rules 2.13 and 3.9) is the core's {@link DemandEmitter}, which the
 * Reactor bridge's {@code flux} shares; this class adds the subscriber and RxJava's hook: a
 * subscriber's exception from onNext, and the body's failure after the subscriber left, go to
 * {@code RxJavaPlugins.onError}, RxJava's place for errors that cannot be delivered.
 */
final class EmitterSubscription<T> extends DemandEmitter<T> implements Subscription, RxFlowableEmitter<T> {
    private final Subscriber<? super T> actual;

    EmitterSubscription(Subscriber<? super T> actual, EventLoop loop) {
        super(loop);
        this.actual = actual;
    }

    /** On the loop: starts the body's task, unless the subscriber cancelled first. */
    void start(FlowableBody<T> body) {
        start(() -> {
            body.run(this);
            return null;
        });
    }

    @Override
    protected void signalNext(T item) {
        actual.onNext(item);
    }

    @Override
    protected void signalComplete() {
        actual.onComplete();
    }

    @Override
    protected void signalError(Throwable e) {
        actual.onError(e);
    }

    @Override
    protected void dropError(Throwable e) {
        RxJavaPlugins.onError(e);
    }

    @Override
    protected void dropSubscriberError(Throwable e) {
        RxJavaPlugins.onError(e);
    }

    @Override
    protected void throwIfFatal(Throwable e) {
        Exceptions.throwIfFatal(e);
    }

    /** The error of rule 3.9, which a non-positive request must signal. */
    @Override
    protected IllegalArgumentException badRequest(long n) {
        return new IllegalArgumentException("request(" + n + "): Reactive Streams rule 3.9 requires a positive "
                + "number of items; request at least 1 (Long.MAX_VALUE for unbounded)");
    }

    @Override
    protected String publisherName() {
        return "Flowable";
    }

    @Override
    protected String bodyName() {
        return "rxFlowable";
    }

    @Override
    protected String nullItemMessage() {
        return "emit(null): Reactive Streams (rule 2.13) and RxJava forbid null items; emit a value, or end the "
                + "body to complete the Flowable";
    }
}
