package dev.reactiveawait.internal;

import dev.reactiveawait.Async;
import dev.reactiveawait.Awaitable;
import dev.reactiveawait.CancelledException;
import dev.reactiveawait.Coroutine;
import dev.reactiveawait.EventLoop;
import dev.reactiveawait.Promise;
import dev.reactiveawait.Task;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import org.jspecify.annotations.Nullable;

/**
 * One subscription of a publisher whose items a task's body emits (Reactor's {@code flux(...)},
 * RxJava's {@code rxFlowable(...)}): the subscriber's Reactive Streams subscription and the body's
 * emitter at once. The body runs as a task; {@link #emit} suspends that task on a promise while
 * demand is zero, and {@link #request} (any thread) completes the promise. A bridge extends it with
 * its subscriber and its host library's hooks; its {@code Subscription} and emitter interfaces are
 * implemented by the public methods inherited from here.
 *
 * <pre>
 *   ACTIVE ──body ends──▶ TERMINATED (onComplete / onError, on the loop, no demand needed)
 *     ├──cancel()──────▶ CANCELLED   (task cancelled; nothing more is signalled)
 *     ├──onNext threw──▶ CANCELLED   (RS 2.13: the same, and the exception to the host's hook)
 *     └──request(n ≤ 0)▶ BAD_REQUEST (task cancelled; onError(IllegalArgumentException) once it ends)
 * </pre>
 *
 * Every signal comes from the body's task (onNext) or the loop (terminal ones, after the task
 * ended), so they never overlap (RS 1.3) and need no lock.
 *
 * <p>Not API: exported to the bridges only.
 *
 * @param <T> the items
 */
public abstract class DemandEmitter<T> {
    private static final int ACTIVE = 0;
    private static final int TERMINATED = 1;
    private static final int CANCELLED = 2;
    private static final int BAD_REQUEST = 3;
    private static final Runnable NOTHING_TO_CANCEL = () -> {};
    @SuppressWarnings("rawtypes")
    private static final AtomicLongFieldUpdater<DemandEmitter> REQUESTED =
            AtomicLongFieldUpdater.newUpdater(DemandEmitter.class, "requested");
    @SuppressWarnings("rawtypes")
    private static final AtomicIntegerFieldUpdater<DemandEmitter> STATE =
            AtomicIntegerFieldUpdater.newUpdater(DemandEmitter.class, "state");

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

    /**
     * For the bridge's subscription that extends it, made on the subscribing thread: demand is
     * foreign unless that thread is the loop's.
     *
     * @param loop the loop the body runs on
     */
    protected DemandEmitter(EventLoop loop) {
        this.loop = loop;
        this.foreignDemand = !loop.inLoop();
    }

    // ---------------------------------------------------------------- the bridge's hooks

    /**
     * The subscriber's {@code onNext}, on the body's task.
     *
     * @param item the item, never {@code null}
     */
    protected abstract void signalNext(T item);

    /** The subscriber's {@code onComplete}, on the loop. */
    protected abstract void signalComplete();

    /**
     * The subscriber's {@code onError}, on the loop.
     *
     * @param e the error
     */
    protected abstract void signalError(Throwable e);

    /**
     * The body's failure after the subscriber left (cancelled, or broke a rule): to the host
     * library's hook for errors nobody can receive. Never a {@link CancelledException}.
     *
     * @param e the body's exception
     */
    protected abstract void dropError(Throwable e);

    /**
     * The subscriber's {@code onNext} threw {@code e} (RS 2.13: it counts as cancelled): to the host
     * library's hook, once.
     *
     * @param e what onNext threw, not fatal
     */
    protected abstract void dropSubscriberError(Throwable e);

    /**
     * Rethrows {@code e} if the host library treats it as fatal (not to be caught).
     *
     * @param e what onNext threw
     */
    protected abstract void throwIfFatal(Throwable e);

    /**
     * The error of rule 3.9 for {@code request(n)}, in the host library's words.
     *
     * @param n the non-positive request
     * @return the error the subscriber receives once the body ended
     */
    protected abstract IllegalArgumentException badRequest(long n);

    /**
     * The publisher's name in messages.
     *
     * @return e.g. {@code "Flux"}
     */
    protected abstract String publisherName();

    /**
     * The factory's name in messages.
     *
     * @return e.g. {@code "flux"}
     */
    protected abstract String bodyName();

    /**
     * The message of the {@link NullPointerException} that {@code emit(null)} throws.
     *
     * @return the message, naming the rule and the fix
     */
    protected abstract String nullItemMessage();

    // ---------------------------------------------------------------- publisher side (the loop)

    /**
     * On the loop: starts the body's task, unless the subscriber cancelled first.
     *
     * @param body the body, which emits through this object
     */
    protected final void start(Coroutine<?> body) {
        if (state != ACTIVE) {
            ended(null); // cancelled in onSubscribe, or a bad request: the task never exists
            return;
        }
        Task<?> t;
        try {
            t = loop.createTask(body);
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

    /**
     * Any thread, after the subscriber's {@code onSubscribe} (RS 1.9: before anything else): runs
     * {@code start}, which calls {@link #start(Coroutine)}, on the loop: at once when called on it,
     * else through its inbox (task creation is loop-only). A closed loop fails the subscriber.
     *
     * @param start what starts the body
     */
    public final void launch(Runnable start) {
        try {
            LoopOfSubscription.execute(loop, start);
        } catch (IllegalStateException closed) {
            startFailed(closed);
        }
    }

    /** The loop is closed: no task will run. The subscriber gets the error, unless it left first. */
    private void startFailed(IllegalStateException closed) {
        if (STATE.compareAndSet(this, ACTIVE, TERMINATED)) {
            signalError(closed);
        } else {
            ended(null);
        }
    }

    /** On the loop, once the task is done (or never started): the terminal signal. */
    private void ended(@Nullable Awaitable<?> done) {
        Throwable failure = done == null ? null : Failure.of(done);
        if (STATE.compareAndSet(this, ACTIVE, TERMINATED)) {
            if (failure == null) {
                signalComplete(); // RS 1.4: completion needs no demand
            } else {
                signalError(failure); // a task cancelled by someone else (loop closing) is an error too
            }
            return;
        }
        if (state == BAD_REQUEST) {
            // RS 3.9, delivered here: after the task ended, so it never overlaps an onNext
            signalError(Objects.requireNonNull(badRequest));
        }
        if (failure != null && !(failure instanceof CancelledException)) {
            dropError(failure); // never lost, never thrown into the loop; our own cancel is no error
        }
    }

    // ---------------------------------------------------------------- emitter (the body's task)

    /**
     * Hands {@code item} to the subscriber, suspending the body's task while the subscriber has
     * no demand.
     *
     * @param item the item
     * @throws NullPointerException if {@code item} is {@code null}
     * @throws IllegalStateException if called from another task or thread than the body's task
     * @throws CancelledException if the subscriber cancelled, requested a non-positive amount, or
     *     threw from onNext
     */
    public final void emit(T item) {
        if (item == null) {
            throw new NullPointerException(nullItemMessage());
        }
        Task<?> me = Async.currentTask();
        if (me == null || me != task) {
            throw notTheBodysTask(me, bodyName());
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
            signalNext(item);
        } catch (Throwable e) {
            throwIfFatal(e);
            throw subscriberFailed(e);
        }
        produced();
    }

    /**
     * RS 2.13: a subscriber whose onNext throws counts as cancelled, and its exception must be
     * raised some other way. Nothing more is signalled to it (no onError); the exception goes to
     * the host library's hook, so it is never lost; the body's task is cancelled, and the returned
     * {@link CancelledException} (caused by the subscriber's exception) is what emit throws, so
     * that the body's finally blocks run.
     */
    private CancelledException subscriberFailed(Throwable e) {
        if (STATE.compareAndSet(this, ACTIVE, CANCELLED)) {
            dropSubscriberError(e);
        }
        CancelledException cancelled = throwingOnNext("the " + publisherName() + "'s subscriber", e);
        Task<?> t = task;
        if (t != null) {
            t.cancel(cancelled.getMessage());
        }
        return cancelled;
    }

    /**
     * What {@code emit} throws in a body whose subscriber (or observer) threw {@code e} from
     * onNext: rule 2.13 counts it as cancelled.
     *
     * @param whose e.g. {@code "the Flux's subscriber"}, {@code "the Observable's observer"}
     * @param e what onNext threw
     * @return the exception, caused by {@code e}
     */
    public static CancelledException throwingOnNext(String whose, Throwable e) {
        CancelledException cancelled = new CancelledException(whose + " threw from onNext (" + e
                + "); Reactive Streams rule 2.13 counts it as cancelled");
        cancelled.initCause(e);
        return cancelled;
    }

    /**
     * What {@code emit} throws when called from another task or thread than the body's own: items
     * come from the body only, so that they never overlap.
     *
     * @param caller the calling task, or {@code null} on a plain thread
     * @param bodyName the factory's name, e.g. {@code "flux"}
     * @return the error, naming the caller and the fix
     */
    public static IllegalStateException notTheBodysTask(@Nullable Task<?> caller, String bodyName) {
        return new IllegalStateException("emit() called from " + (caller == null ? "thread \""
                + Thread.currentThread().getName() + "\"" : caller) + ", which is not the " + bodyName
                + " body's own task; emit from the body itself (hand values over from other tasks with a queue)");
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

    /** Takes the delivered item off the demand, unless it is unbounded (emit() saw it positive). */
    private void produced() {
        for (;;) {
            long r = requested;
            if (r == Long.MAX_VALUE || REQUESTED.compareAndSet(this, r, r - 1)) {
                return;
            }
        }
    }

    // ---------------------------------------------------------------- Subscription (any thread)

    /**
     * The subscriber's demand: adds {@code n}, capped at {@link Long#MAX_VALUE} (RS 3.17), and wakes
     * the body's task if it waits. A non-positive {@code n} (RS 3.9) cancels the task and fails the
     * subscriber once it ended.
     *
     * @param n the number of items
     */
    public final void request(long n) {
        if (n <= 0) {
            badRequest = badRequest(n);
            if (STATE.compareAndSet(this, ACTIVE, BAD_REQUEST)) {
                stopTask(); // RS 3.9: onError follows once the task has ended
            }
            return;
        }
        if (addCap(n) == 0) {
            wakeEmitter();
        }
    }

    /** Adds {@code n > 0} to the demand, capped; returns the demand before. */
    private long addCap(long n) {
        for (;;) {
            long r = requested;
            if (r == Long.MAX_VALUE) {
                return r;
            }
            long u = r + n;
            if (u < 0) {
                u = Long.MAX_VALUE;
            }
            if (REQUESTED.compareAndSet(this, r, u)) {
                return r;
            }
        }
    }

    /** The subscriber leaves: cancels the body's task; nothing more is signalled (RS 3.5, 3.7: idempotent). */
    public final void cancel() {
        if (STATE.compareAndSet(this, ACTIVE, CANCELLED)) {
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
        String name = publisherName();
        return state == BAD_REQUEST
                ? "the " + name + "'s subscriber requested a non-positive amount (rule 3.9); the " + name
                        + " fails with IllegalArgumentException"
                : "the " + name + "'s subscriber cancelled";
    }
}
