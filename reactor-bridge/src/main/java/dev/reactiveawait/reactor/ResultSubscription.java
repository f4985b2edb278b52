package dev.reactiveawait.reactor;

import dev.reactiveawait.Awaitable;
import dev.reactiveawait.CancelledException;
import dev.reactiveawait.internal.Failure;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Exceptions;
import reactor.core.publisher.Operators;

/**
 * The subscription of a Mono made of a task's outcome ({@link CoroutineAsMono}, {@link TaskAsMono}):
 * at most one value, delivered once both the value and a request are there, whichever comes last
 * delivering it (Reactor's "deferred scalar" pattern, plus rule 3.9, which Reactor's own
 * {@code Mono.create} only logs).
 *
 * <pre>
 *   NO_REQUEST ──request──▶ HAS_REQUEST ──value──▶ DONE (onNext, onComplete)
 *       │ value                                      ▲
 *       ▼                                            │
 *   HAS_VALUE ────────────request────────────────────┘
 *   empty, error, request(n ≤ 0): any of the first three ──▶ DONE;  cancel: ──▶ CANCELLED
 * </pre>
 *
 * Whoever moves the state to DONE is the one thread that signals the subscriber, so signals are
 * serialized (RS 1.3) without locks.
 */
final class ResultSubscription<T> implements Subscription {
    private static final int NO_REQUEST = 0;
    private static final int HAS_REQUEST = 1;
    private static final int HAS_VALUE = 2;
    private static final int DONE = 3;
    private static final int CANCELLED = 4;

    @SuppressWarnings("rawtypes")
    private static final AtomicIntegerFieldUpdater<ResultSubscription> STATE =
            AtomicIntegerFieldUpdater.newUpdater(ResultSubscription.class, "state");
    @SuppressWarnings("rawtypes")
    private static final AtomicReferenceFieldUpdater<ResultSubscription, Runnable> ON_CANCEL =
            AtomicReferenceFieldUpdater.newUpdater(ResultSubscription.class, Runnable.class, "onCancel");
    /** Put in {@link #onCancel} once cancelled: a hook set later runs at once. */
    private static final Runnable FIRED = () -> {};

    private final CoreSubscriber<? super T> actual;
    /** CAS by any thread: request (subscriber), result (loop), cancel (subscriber). */
    private volatile int state;
    /** Written by the result's thread before the CAS to HAS_VALUE; read by the winner of DONE. */
    private @Nullable T value;
    /** Set once by the publisher (loop), swapped for {@link #FIRED} by cancel (any thread). */
    private volatile @Nullable Runnable onCancel;

    ResultSubscription(CoreSubscriber<? super T> actual) {
        this.actual = actual;
    }

    /**
     * Sets what cancelling (or a bad request) must do to the source: cancel the task, or stop
     * listening to it. Runs it at once if the subscription is already cancelled.
     */
    void onCancel(Runnable hook) {
        if (!ON_CANCEL.compareAndSet(this, null, hook)) {
            hook.run(); // FIRED: cancelled meanwhile
        }
    }

    /** Whether nothing more will be signalled (cancelled, or terminated). */
    boolean isDisposed() {
        return state >= DONE;
    }

    @Override
    public void request(long n) {
        if (n <= 0) {
            // RS 3.9: a non-positive request must signal onError(IllegalArgumentException). The CAS
            // to DONE makes this thread the only one to signal, so it races with no onNext.
            for (;;) {
                int s = state;
                if (s >= DONE) {
                    return; // RS 3.6: after the end, a no-op
                }
                if (STATE.compareAndSet(this, s, DONE)) {
                    if (s == HAS_VALUE) {
                        T v = value;
                        value = null;
                        Operators.onDiscard(v, actual.currentContext());
                    }
                    fireOnCancel();
                    actual.onError(Exceptions.nullOrNegativeRequestException(n));
                    return;
                }
            }
        }
        for (;;) {
            int s = state;
            if (s == NO_REQUEST) {
                if (STATE.compareAndSet(this, NO_REQUEST, HAS_REQUEST)) {
                    return;
                }
            } else if (s == HAS_VALUE) {
                if (STATE.compareAndSet(this, HAS_VALUE, DONE)) {
                    T v = value;
                    value = null;
                    actual.onNext(v);
                    actual.onComplete();
                }
                return;
            } else {
                return; // already requested (RS 3.6: after the end, a no-op)
            }
        }
    }

    @Override
    public void cancel() {
        for (;;) {
            int s = state;
            if (s >= DONE) {
                return; // RS 3.5, 3.7: after the end or a first cancel, a no-op
            }
            if (STATE.compareAndSet(this, s, CANCELLED)) {
                if (s == HAS_VALUE) {
                    T v = value;
                    value = null;
                    Operators.onDiscard(v, actual.currentContext());
                }
                fireOnCancel();
                return;
            }
        }
    }

    /** Signals the outcome of a done awaitable (on the loop, or any thread once it is done). */
    void complete(Awaitable<? extends T> done) {
        Throwable failure = Failure.of(done);
        if (failure != null) {
            fail(failure);
        } else {
            T v = done.result();
            if (v == null) {
                empty();
            } else {
                value(v);
            }
        }
    }

    private void value(T v) {
        for (;;) {
            int s = state;
            if (s == HAS_REQUEST) {
                if (STATE.compareAndSet(this, HAS_REQUEST, DONE)) {
                    actual.onNext(v);
                    actual.onComplete();
                    return;
                }
            } else if (s == NO_REQUEST) {
                value = v;
                if (STATE.compareAndSet(this, NO_REQUEST, HAS_VALUE)) {
                    return; // the request delivers it
                }
                value = null;
            } else {
                Operators.onDiscard(v, actual.currentContext()); // cancelled: the value has nowhere to go
                return;
            }
        }
    }

    private void empty() {
        if (terminate()) {
            actual.onComplete(); // RS 1.4: no demand needed
        }
    }

    /** Signals {@code e}, or hands it to Reactor's dropped-error hook if cancelled first. */
    void fail(Throwable e) {
        if (terminate()) {
            actual.onError(e); // RS 1.4: no demand needed
        } else if (!(e instanceof CancelledException)) {
            // cancelled (or failed by a bad request) first: never lost, never thrown into the loop
            Operators.onErrorDropped(e, actual.currentContext());
        }
    }

    /** NO_REQUEST or HAS_REQUEST ──▶ DONE; true for the one caller that may now signal. */
    private boolean terminate() {
        for (;;) {
            int s = state;
            if (s >= HAS_VALUE) {
                return false; // HAS_VALUE only becomes DONE through a request, or CANCELLED
            }
            if (STATE.compareAndSet(this, s, DONE)) {
                return true;
            }
        }
    }

    private void fireOnCancel() {
        Runnable hook = ON_CANCEL.getAndSet(this, FIRED);
        if (hook != null && hook != FIRED) {
            hook.run();
        }
    }
}
