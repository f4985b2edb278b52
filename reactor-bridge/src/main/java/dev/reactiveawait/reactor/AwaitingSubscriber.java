package dev.reactiveawait.reactor;

import dev.reactiveawait.Async;
import dev.reactiveawait.CancelledException;
import dev.reactiveawait.Promise;
import dev.reactiveawait.Task;
import dev.reactiveawait.internal.CoreAccess;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import java.util.concurrent.locks.LockSupport;
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
 * <p>The handoff, field {@link #waiter}:
 * <pre>
 *   null ──awaiting side, CAS──▶ Promise (a task suspends) | Thread (a plain thread blocks)
 *   null | Promise | Thread ──signalling side at the outcome, getAndSet──▶ DONE
 *   Thread ──the blocked thread, interrupted, CAS──▶ ABANDONED
 * </pre>
 * A sequence that ends during {@code subscribe()} leaves {@code DONE} behind: the awaiting side
 * reads the outcome without a promise and without suspending. An outcome that nobody will read
 * (the awaiting task was cancelled) goes to Reactor's hooks: an error to
 * {@code Operators.onErrorDropped}, a value to the discard hook.
 *
 * @param <T> the items
 * @param <R> the outcome
 */
abstract sealed class AwaitingSubscriber<T, R> implements CoreSubscriber<T>
        permits MonoAwaiter, FirstItemAwaiter, LastItemAwaiter, SingleItemAwaiter, ListAwaiter {
    private static final Object DONE = new Object();
    private static final Object ABANDONED = new Object();

    @SuppressWarnings("rawtypes")
    private static final AtomicReferenceFieldUpdater<AwaitingSubscriber, Subscription> S =
            AtomicReferenceFieldUpdater.newUpdater(AwaitingSubscriber.class, Subscription.class, "s");
    @SuppressWarnings("rawtypes")
    private static final AtomicReferenceFieldUpdater<AwaitingSubscriber, Object> WAITER =
            AtomicReferenceFieldUpdater.newUpdater(AwaitingSubscriber.class, Object.class, "waiter");

    /** The awaiting task's Reactor context: what the source sees as its subscriber's context. */
    final Context context;
    private final String method;
    private final Publisher<?> source;
    /** Set once by onSubscribe (signalling side); cancelledSubscription() once cancelled (either side). */
    private volatile @Nullable Subscription s;
    /** The handoff (see the class comment). */
    private volatile @Nullable Object waiter;
    /** Signalling side only (RS 1.3: signals are serialized): the outcome is set, or we gave up. */
    private boolean done;
    /** Written by the signalling side before it publishes DONE; read by the awaiting side after. */
    private @Nullable R result;
    private @Nullable Throwable error;

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
    abstract void discardHeld();

    /** Releases an outcome that will never be delivered. */
    abstract void discard(R outcome);

    @Override
    public final Context currentContext() {
        return context;
    }

    @Override
    public final void onSubscribe(Subscription s) {
        Objects.requireNonNull(s, "onSubscribe(null) (Reactive Streams rule 2.13)");
        if (S.compareAndSet(this, null, s)) {
            if (done) {
                SpecRules.cancel(s, describe(), context); // signalled before onSubscribe (RS 1.9): we have our outcome
                return;
            }
            long n = initialRequest();
            IllegalStateException broken = SpecRules.request(s, n, describe());
            if (broken != null) {
                cancelUpstream();
                if (done) {
                    Operators.onErrorDropped(broken, context); // the outcome came inside request()
                } else {
                    fail(broken);
                }
            }
            return;
        }
        SpecRules.cancel(s, describe(), context); // RS 2.5: a second subscription, or one arriving after we cancelled
        if (this.s != Operators.cancelledSubscription()) {
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
            if (e != error) { // not the very error we ended with (a publisher rethrowing our 2.13 error)
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
        if (s != null) {
            return false;
        }
        if (!done) {
            discardHeld();
            fail(SpecRules.beforeOnSubscribe(describe(), signal, cause));
        } else if (cause != null && cause != error) {
            Operators.onErrorDropped(cause, context);
        }
        return true;
    }

    /**
     * Whether a signal comes after the outcome (RS 1.7: nothing may follow a terminal signal) or
     * after we cancelled (RS 2.8: tolerated, not delivered); the first such signal releases what
     * was held.
     */
    private boolean late() {
        if (done) {
            return true;
        }
        if (s == Operators.cancelledSubscription()) {
            done = true;
            discardHeld();
            return true;
        }
        return false;
    }

    /** Signalling side: the outcome is a value ({@code null}: the sequence was empty). */
    final void finish(@Nullable R outcome) {
        done = true;
        result = outcome;
        handOff();
    }

    /** Signalling side: the outcome is an error. */
    final void fail(Throwable e) {
        done = true;
        error = e;
        handOff();
    }

    /** Either side: cancels the subscription, now or as soon as it arrives. */
    final void cancelUpstream() {
        Subscription current = S.getAndSet(this, Operators.cancelledSubscription());
        if (current != null && current != Operators.cancelledSubscription()) {
            SpecRules.cancel(current, describe(), context);
        }
    }

    /** "awaitFirst(FluxRange)", for messages. */
    final String describe() {
        return method + "(" + source + ")";
    }

    private void handOff() {
        Object w = WAITER.getAndSet(this, DONE);
        if (w instanceof Promise<?> wakeUp) {
            if (!wakeUp.trySucceed(null)) { // the task was cancelled first
                dispose();
            }
        } else if (w instanceof Thread blocked) {
            LockSupport.unpark(blocked);
        } else if (w == ABANDONED) {
            dispose();
        }
    }

    /** The outcome will never be read: to Reactor's hooks, so that nothing is lost silently. */
    private void dispose() {
        Throwable e = error;
        R r = result;
        if (e != null) {
            Operators.onErrorDropped(e, context);
        } else if (r != null) {
            discard(r);
        }
    }

    /** Awaiting side (the promise's cancel hook, on the loop): the task stopped waiting. */
    private void cancelByAwaiter() {
        if (waiter != DONE) { // never cancel a sequence that ended (RS 3.7 would allow it; doOnCancel would see it)
            cancelUpstream();
        }
    }

    /**
     * Awaiting side, after {@code subscribe()} returned: the outcome, once there is one.
     *
     * @param task the awaiting task, or {@code null} on a plain thread (which blocks)
     * @return the value, or {@code null} if the sequence was empty
     */
    final @Nullable R await(@Nullable Task<?> task) {
        if (waiter != DONE) {
            if (task != null) {
                suspend(task);
            } else {
                block();
            }
        }
        Throwable e = error;
        if (e != null) {
            throw Sneaky.raise(e);
        }
        return result;
    }

    private void suspend(Task<?> task) {
        Promise<@Nullable Void> wakeUp = CoreAccess.foreignPromise(task.loop(), this::cancelByAwaiter);
        if (!WAITER.compareAndSet(this, null, wakeUp)) {
            wakeUp.trySucceed(null); // the outcome raced in: nothing to wait for, just end the promise
            return;
        }
        try {
            Async.await(wakeUp); // cancelling the task cancels wakeUp, whose hook cancels the subscription
        } catch (CancelledException c) {
            if (!wakeUp.isCancelled()) { // woken with the outcome, but the task was cancelled before it ran
                dispose();
            }
            throw c;
        }
    }

    private void block() {
        Thread me = Thread.currentThread();
        if (!WAITER.compareAndSet(this, null, me)) {
            return;
        }
        while (waiter != DONE) {
            LockSupport.park(this);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt(); // keep the flag for the caller in both cases
                if (WAITER.compareAndSet(this, me, ABANDONED)) {
                    cancelUpstream();
                    throw new CancelledException("interrupted while blocked in " + describe());
                }
                return; // the outcome won the race
            }
        }
    }
}
