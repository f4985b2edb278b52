package dev.reactiveawait.reactor;

import dev.reactiveawait.internal.OneOutcome;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Exceptions;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * What the subscribers awaiting one outcome share (a Mono's value; the first, last or single item
 * of a Publisher; all its items): the subscription, the Reactive Streams discipline, and the
 * handoff of the outcome from the signalling thread to the awaiting task or thread.
 *
 * <p>The upstream, the outcome and its handoff are the core's {@link OneOutcome}, which the RxJava
 * bridge's {@code AwaitingObserver} shares: a sequence that ends during {@code subscribe()} leaves
 * it done, and the awaiting side reads the outcome without a promise and without suspending. An
 * outcome that nobody will read (the awaiting task was cancelled) goes to Reactor's hooks: an error
 * to {@code Operators.onErrorDropped}, a value to the discard hook.
 *
 * @param <T> the items
 * @param <R> the outcome
 */
abstract sealed class AwaitingSubscriber<T, R> extends OneOutcome<R> implements CoreSubscriber<T>, SpecRules.Described
        permits HoldingAwaiter, FirstItemAwaiter, ListAwaiter {
    /** The awaiting task's Reactor context: what the source sees as its subscriber's context. */
    final Context context;
    private final String method;
    private final Publisher<?> source;

    AwaitingSubscriber(Context context, String method, Publisher<?> source) {
        this.context = context;
        this.method = method;
        this.source = source;
    }

    /** What onSubscribe requests. */
    abstract long initialRequest();

    /** An item that arrived by the rules: subscribed, before any terminal signal. */
    abstract void next(T item);

    /** onComplete, by the rules: calls {@link #finish} or {@link #fail}. */
    abstract void completed();

    /** Releases what the subscriber holds before its outcome (signalling side), for a source we left. */
    @Override
    protected abstract void discardHeld();

    /** Releases an outcome that will never be delivered. */
    abstract void discard(R outcome);

    @Override
    public final Context currentContext() {
        return context;
    }

    @Override
    public final void onSubscribe(Subscription s) {
        Objects.requireNonNull(s, "onSubscribe(null) (Reactive Streams rule 2.13)");
        if (setUpstream(s)) {
            if (isDone()) {
                SpecRules.cancel(s, this, context); // signalled before onSubscribe (RS 1.9): we have our outcome
                return;
            }
            long n = initialRequest();
            IllegalStateException broken = SpecRules.request(s, n, this);
            if (broken != null) {
                cancelUpstream();
                if (isDone()) {
                    Operators.onErrorDropped(broken, context); // the outcome came inside request()
                } else {
                    fail(broken);
                }
            }
            return;
        }
        SpecRules.cancel(s, this, context); // RS 2.5: a second subscription, or one arriving after we cancelled
        if (!hasLeft()) {
            Operators.onErrorDropped(Exceptions.duplicateOnSubscribeException(), context);
        }
    }

    @Override
    public final void onNext(T item) {
        if (item == null) {
            NullPointerException broken = SpecRules.nullItem(describe());
            if (!late()) {
                cancelUpstream(); // RS 2.13: the publisher must consider it cancelled; we make sure
                fail(broken);
            }
            throw broken; // RS 2.13: thrown to the caller
        }
        if (beforeOnSubscribe("onNext", null)) {
            Operators.onDiscard(item, context);
            return;
        }
        if (late()) {
            Operators.onNextDropped(item, context);
            return;
        }
        next(item);
    }

    @Override
    public final void onError(Throwable e) {
        Objects.requireNonNull(e, "onError(null) (Reactive Streams rule 2.13)");
        if (beforeOnSubscribe("onError", e)) {
            return;
        }
        if (late()) {
            if (e != failure()) { // not the very error we ended with (a publisher rethrowing our 2.13 error)
                Operators.onErrorDropped(e, context);
            }
            return;
        }
        fail(e);
    }

    @Override
    public final void onComplete() {
        if (!beforeOnSubscribe("onComplete", null) && !late()) {
            completed();
        }
    }

    /**
     * Whether a signal comes before onSubscribe (RS 1.9 broken): the first one ends the await with
     * an error that says so; the subscription, if it ever comes, is cancelled.
     */
    private boolean beforeOnSubscribe(String signal, @Nullable Throwable cause) {
        if (hasUpstream()) {
            return false;
        }
        if (!isDone()) {
            discardHeld();
            fail(SpecRules.beforeOnSubscribe(describe(), signal, cause));
        } else if (cause != null && cause != failure()) {
            Operators.onErrorDropped(cause, context);
        }
        return true;
    }

    /** Either side: cancels the subscription; one that throws goes to {@code Operators.onErrorDropped}. */
    @Override
    protected final void cancel(Object upstream) {
        SpecRules.cancel((Subscription) upstream, this, context);
    }

    /** "awaitFirst(FluxRange)", for messages. */
    @Override
    public final String describe() {
        return method + "(" + source + ")";
    }

    /** The outcome will never be read: to Reactor's hooks, so that nothing is lost silently. */
    @Override
    public final void orphan() {
        Throwable e = failure();
        R r = result();
        if (e != null) {
            Operators.onErrorDropped(e, context);
        } else if (r != null) {
            discard(r);
        }
    }
}
