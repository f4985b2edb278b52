package dev.reactiveawait.reactor;

import dev.reactiveawait.EventLoop;
import dev.reactiveawait.internal.DemandEmitter;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Exceptions;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * One subscription of a {@link FluxBodyAsFlux}: the subscriber's {@link Subscription} and the
 * body's {@link FluxEmitter} at once. The state machine (demand, suspending the body while there is
 * none, cancellation, rules 2.13 and 3.9) is the core's {@link DemandEmitter}, which the RxJava
 * bridge's {@code rxFlowable} shares; this class adds the subscriber, its Reactor {@link Context}
 * inside the body, and Reactor's hooks: a subscriber's exception from onNext goes through
 * {@code Operators.onOperatorError} (as {@code Flux.create} sends it) to
 * {@code Operators.onErrorDropped}, like the body's failure after the subscriber left.
 */
final class EmitterSubscription<T> extends DemandEmitter<T> implements Subscription, FluxEmitter<T> {
    private final CoreSubscriber<? super T> actual;

    EmitterSubscription(CoreSubscriber<? super T> actual, EventLoop loop) {
        super(loop);
        this.actual = actual;
    }

    /** On the loop: starts the body's task, with the subscriber's context, unless the subscriber cancelled first. */
    void start(FluxBody<T> body) {
        ContextView context = actual.currentContext();
        start(() -> {
            ReactorContext.CONTEXT.set(context);
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
        Operators.onErrorDropped(e, actual.currentContext());
    }

    @Override
    protected void dropSubscriberError(Throwable e) {
        Context context = actual.currentContext();
        Operators.onErrorDropped(Operators.onOperatorError(e, context), context);
    }

    @Override
    protected void throwIfFatal(Throwable e) {
        Exceptions.throwIfJvmFatal(e);
    }

    @Override
    protected IllegalArgumentException badRequest(long n) {
        return Exceptions.nullOrNegativeRequestException(n);
    }

    @Override
    protected String publisherName() {
        return "Flux";
    }

    @Override
    protected String bodyName() {
        return "flux";
    }

    @Override
    protected String nullItemMessage() {
        return "emit(null): Reactive Streams forbids null items (rule 2.13); emit a value, or end the body to "
                + "complete the Flux";
    }
}
