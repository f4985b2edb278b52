package dev.reactiveawait.rxjava3;

import dev.reactiveawait.Async;
import dev.reactiveawait.Awaitable;
import dev.reactiveawait.CancelledException;
import dev.reactiveawait.EventLoop;
import dev.reactiveawait.Promise;
import dev.reactiveawait.Task;
import dev.reactiveawait.internal.CoreAccess;
import io.reactivex.rxjava3.exceptions.Exceptions;
import io.reactivex.rxjava3.plugins.RxJavaPlugins;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * One subscription of a {@link FlowableBodyAsFlowable}: the subscriber's {@link Subscription} and
 * the body's {@link RxFlowableEmitter} at once. The body runs as a task; {@link #emit} suspends
 * that task on a promise while demand is zero, and {@link #request} (any thread) completes the
 * promise. The same design as the Reactor bridge's {@code EmitterSubscription}, with RxJava's hook.
 *
 * <pre>
 *   ACTIVE ──body ends──▶ TERMINATED (onComplete / onError, on the loop, no demand needed)
 *     ├──cancel()──────▶ CANCELLED   (task cancelled; nothing more is signalled)
 *     ├──onNext threw──▶ CANCELLED   (RS 2.13: the same, and the exception to RxJavaPlugins.onError)
 *     └──request(n ≤ 0)▶ BAD_REQUEST (task cancelled; onError(IllegalArgumentException) once it ends)
 * </pre>
 *
 * Every signal comes from the body's task (onNext) or the loop (terminal ones, after the task
 * ended), so they never overlap (RS 1.3) and need no lock.
 */
final class EmitterSubscription<T> implements Subscription, RxFlowableEmitter<T> {
    private static final int ACTIVE = 0;
    private static final int TERMINATED = 1;
    private static final int CANCELLED = 2;
    private static final int BAD_REQUEST = 3;
    private static final Runnable NOTHING_TO_CANCEL = () -> {};

    @SuppressWarnings("rawtypes")
    private static final AtomicLongFieldUpdater<EmitterSubscription> REQUESTED =
            AtomicLongFieldUpdater.newUpdater(EmitterSubscription.class, "requested");
    @SuppressWarnings("rawtypes")
    private static final AtomicIntegerFieldUpdater<EmitterSubscription> STATE =
            AtomicIntegerFieldUpdater.newUpdater(EmitterSubscription.class, "state");

    private final Subscriber<? super T> actual;
    private final EventLoop loop;
    /**
     * Whether demand comes from outside the loop (subscribed from another thread): then a task
     * waiting for it keeps a virtual clock still, as for any other foreign signal. A subscriber on
     * the loop itself requests from its own tasks, which the clock must not wait for.
     */
    private final boolean foreignDemand;
    /** Outstanding demand: added by request() on any thread (RS 3.17: capped), taken by emit() on the loop. */
    private volatile long requested;
    /** CAS from ACTIVE once: by the loop (TERMINATED) or by the subscriber's thread (the others). */
    private volatile int state;
    /** Written by the bad request's thread before its CAS to BAD_REQUEST; read on the loop after. */
    private @Nullable Throwable badRequest;
    /** The body's task: written once on the loop; read by cancel() on any thread. */
    private volatile @Nullable Task<?> task;
    /** The promise the task waits on for demand: written by the task; completed by request() on any thread. */
    private volatile @Nullable Promise<@Nullable Void> demand;

    EmitterSubscription(Subscriber<? super T> actual, EventLoop loop, boolean foreignDemand) {
        this.actual = actual;
        this.loop = loop;
        this.foreignDemand = foreignDemand;
    }

    // ---------------------------------------------------------------- publisher side (the loop)

    /** On the loop: starts the body's task, unless the subscriber cancelled first. */
    void start(FlowableBody<T> body) {
        if (state != ACTIVE) {
            ended(null); // cancelled in onSubscribe, or a bad request: the task never exists
            return;
        }
        Task<Void> t;
        try {
            t = loop.createTask(() -> body.run(this));
        } catch (IllegalStateException closed) {
            startFailed(closed);
            return;
        }
        task = t;
        if (state != ACTIVE) {
            t.cancel(cancelMessage()); // Dekker with cancel(): it read task == null, or we see its state
        }
        t.addDoneCallback(this::ended);
    }

    /** The loop is closed: no task will run. */
    void startFailed(IllegalStateException closed) {
        if (STATE.compareAndSet(this, ACTIVE, TERMINATED)) {
            actual.onError(closed);
        } else {
            ended(null);
        }
    }

    /** On the loop, once the task is done (or never started): the terminal signal. */
    private void ended(@Nullable Awaitable<?> done) {
        Throwable failure = null;
        if (done != null) {
            try {
                failure = done.exception();
            } catch (CancelledException cancelled) {
                failure = cancelled;
            }
        }
        if (STATE.compareAndSet(this, ACTIVE, TERMINATED)) {
            if (failure == null) {
                actual.onComplete(); // RS 1.4: completion needs no demand
            } else {
                actual.onError(failure); // a task cancelled by someone else (loop closing) is an error too
            }
            return;
        }
        if (state == BAD_REQUEST) {
            // RS 3.9, delivered here: after the task ended, so it never overlaps an onNext
            actual.onError(Objects.requireNonNull(badRequest));
        }
        if (failure != null && !(failure instanceof CancelledException)) {
            RxJavaPlugins.onError(failure); // never lost, never thrown into the loop; our own cancel is no error
        }
    }

    // ---------------------------------------------------------------- RxFlowableEmitter (the body's task)

    @Override
    public void emit(T item) {
        if (item == null) {
            throw new NullPointerException("emit(null): Reactive Streams (rule 2.13) and RxJava forbid null items; "
                    + "emit a value, or end the body to complete the Flowable");
        }
        Task<?> me = Async.currentTask();
        if (me == null || me != task) {
            throw new IllegalStateException("emit() called from " + (me == null ? "thread \"" + Thread.currentThread().getName()
                    + "\"" : me) + ", which is not the rxFlowable body's own task; emit from the body itself "
                    + "(hand values over from other tasks with a queue)");
        }
        for (;;) {
            if (state != ACTIVE) {
                throw new CancelledException(cancelMessage());
            }
            if (requested != 0) {
                break;
            }
            awaitDemand();
        }
        try {
            actual.onNext(item);
        } catch (Throwable e) {
            Exceptions.throwIfFatal(e);
            throw subscriberFailed(e);
        }
        Demand.produced(REQUESTED, this);
    }

    /**
     * RS 2.13: a subscriber whose onNext throws counts as cancelled, and its exception must be
     * raised some other way. Nothing more is signalled to it (no onError); the exception goes to
     * {@code RxJavaPlugins.onError}, RxJava's place for errors that cannot be delivered; the body's
     * task is cancelled, and the returned {@link CancelledException} (caused by the subscriber's
     * exception) is what emit throws, so that the body's finally blocks run.
     */
    private CancelledException subscriberFailed(Throwable e) {
        if (STATE.compareAndSet(this, ACTIVE, CANCELLED)) {
            RxJavaPlugins.onError(e);
        }
        CancelledException cancelled = SpecRules.throwingOnNext("the Flowable's subscriber", e);
        Task<?> t = task;
        if (t != null) {
            t.cancel(cancelled.getMessage());
        }
        return cancelled;
    }

    /** The task waits until {@link #request} or {@link #cancel} completes a promise. */
    private void awaitDemand() {
        Promise<@Nullable Void> wake = foreignDemand
                ? CoreAccess.foreignPromise(loop, NOTHING_TO_CANCEL)
                : Promise.create(loop);
        demand = wake;
        // Dekker with request()/cancel(): they change their field then read `demand`; we wrote
        // `demand` and now re-read theirs, so one of us sees the other.
        if (requested != 0 || state != ACTIVE) {
            demand = null;
            wake.trySucceed(null); // also ends the foreign promise's hold on a virtual clock
            return;
        }
        try {
            Async.await(wake);
        } finally {
            demand = null;
        }
    }

    // ---------------------------------------------------------------- Subscription (any thread)

    @Override
    public void request(long n) {
        if (n <= 0) {
            badRequest = Demand.badRequest(n);
            if (STATE.compareAndSet(this, ACTIVE, BAD_REQUEST)) {
                stopTask(); // RS 3.9: onError follows once the task has ended
            }
            return;
        }
        if (Demand.addCap(REQUESTED, this, n) == 0) {
            wakeEmitter();
        }
    }

    @Override
    public void cancel() {
        if (STATE.compareAndSet(this, ACTIVE, CANCELLED)) { // RS 3.5, 3.7: later calls are no-ops
            stopTask();
        }
    }

    private void stopTask() {
        Task<?> t = task;
        if (t != null) {
            t.cancel(cancelMessage()); // forwarded to the loop when called from another thread
        }
        wakeEmitter();
    }

    private void wakeEmitter() {
        Promise<@Nullable Void> wake = demand;
        if (wake != null) {
            wake.trySucceed(null);
        }
    }

    private String cancelMessage() {
        return state == BAD_REQUEST
                ? "the Flowable's subscriber requested a non-positive amount (rule 3.9); the Flowable fails with IllegalArgumentException"
                : "the Flowable's subscriber cancelled";
    }
}
