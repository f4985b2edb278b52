package dev.reactiveawait.internal;

import dev.reactiveawait.Task;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import org.jspecify.annotations.Nullable;

/**
 * What the bridges' subscribers awaiting one outcome share (Reactor's {@code AwaitingSubscriber},
 * RxJava's {@code AwaitingObserver}): the upstream, which either side may leave, the outcome (a
 * value or an error) that the signalling side writes once, and its handoff to the awaiting task or
 * thread through {@link OneOutcomeWait}. Each bridge adds its subscriber interface, the rules it
 * enforces on signals, and its host library's hooks.
 *
 * <p>The subscriber extends this class, so none of it costs an object of its own. Not API:
 * exported to the bridges only.
 *
 * @param <R> the outcome
 */
public abstract class OneOutcome<R> extends OneOutcomeWait {
    /** In {@link #upstream} once we left the source (cancelled it, or gave up before it arrived). */
    private static final Object CANCELLED = new Object();
    @SuppressWarnings("rawtypes")
    private static final AtomicReferenceFieldUpdater<OneOutcome, Object> UPSTREAM =
            AtomicReferenceFieldUpdater.newUpdater(OneOutcome.class, Object.class, "upstream");

    /** The subscription or disposable: set once by onSubscribe (signalling side); {@link #CANCELLED} once left (either side). */
    private volatile @Nullable Object upstream;
    /** Signalling side only (signals are serialized): the outcome is set, or we gave up. */
    private boolean done;
    /** Written by the signalling side before {@code signalOutcome()}; read by the awaiting side after. */
    private @Nullable R result;
    private @Nullable Throwable error;

    /** For the subscriber that extends it. */
    protected OneOutcome() {}

    /**
     * Either side: cancels or disposes the upstream; one that throws breaks rule 3.15 and goes to
     * the host library's hook.
     *
     * @param upstream the subscription or disposable given to onSubscribe
     */
    protected abstract void cancel(Object upstream);

    /**
     * Signalling side, the first time a signal comes after we left: releases what the subscriber
     * holds before its outcome (its host library's discard hook, if any).
     */
    protected void discardHeld() {}

    /**
     * Signalling side: keeps the upstream, unless there is one already or we left before it
     * arrived (then the caller cancels it, and reports a second one unless {@link #hasLeft()}).
     *
     * @param u the subscription or disposable
     * @return whether it is kept
     */
    protected final boolean setUpstream(Object u) {
        return UPSTREAM.compareAndSet(this, null, u);
    }

    /**
     * Whether onSubscribe came (or we left before it did).
     *
     * @return {@code false} before onSubscribe
     */
    protected final boolean hasUpstream() {
        return upstream != null;
    }

    /**
     * Whether we left the source.
     *
     * @return {@code true} once cancelled
     */
    protected final boolean hasLeft() {
        return upstream == CANCELLED;
    }

    /** Either side: cancels the upstream, now or as soon as it arrives. */
    @Override
    public final void cancelUpstream() {
        Object u = UPSTREAM.getAndSet(this, CANCELLED);
        if (u != null && u != CANCELLED) {
            cancel(u);
        }
    }

    /**
     * Signalling side: whether the outcome is set (or we gave up).
     *
     * @return {@code true} once done
     */
    protected final boolean isDone() {
        return done;
    }

    /**
     * Signalling side: whether a signal comes after the outcome (RS 1.7: nothing may follow a
     * terminal signal) or after we left (RS 2.8: tolerated, not delivered); the first such signal
     * releases what was held ({@link #discardHeld()}).
     *
     * @return {@code true} if the signal is late
     */
    protected final boolean late() {
        if (done) {
            return true;
        }
        if (upstream == CANCELLED) {
            done = true;
            discardHeld();
            return true;
        }
        return false;
    }

    /**
     * Signalling side: the outcome is a value.
     *
     * @param outcome the value; {@code null}: the sequence was empty
     */
    protected final void finish(@Nullable R outcome) {
        done = true;
        result = outcome;
        signalOutcome();
    }

    /**
     * Signalling side: the outcome is an error.
     *
     * @param e the error
     */
    protected final void fail(Throwable e) {
        done = true;
        error = e;
        signalOutcome();
    }

    /**
     * The error outcome, for the subscriber's checks and {@link #orphan()}.
     *
     * @return the error, or {@code null}
     */
    protected final @Nullable Throwable failure() {
        return error;
    }

    /**
     * The value outcome, for {@link #orphan()}.
     *
     * @return the value, or {@code null}
     */
    protected final @Nullable R result() {
        return result;
    }

    /**
     * Awaiting side, after {@code subscribe()} returned: the outcome, once there is one.
     *
     * @param task the awaiting task, or {@code null} on a plain thread (which blocks)
     * @return the value, or {@code null} if the sequence was empty
     * @throws dev.reactiveawait.CancelledException if the task was cancelled (or the thread
     *     interrupted) before the outcome
     */
    public final @Nullable R await(@Nullable Task<?> task) {
        awaitOutcome(task);
        Throwable e = error;
        if (e != null) {
            throw Sneaky.raise(e);
        }
        return result;
    }
}
