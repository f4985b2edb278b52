package dev.reactiveawait.rxjava3;

import dev.reactiveawait.CancelledException;
import dev.reactiveawait.internal.OneOutcome;
import io.reactivex.rxjava3.disposables.Disposable;
import io.reactivex.rxjava3.exceptions.ProtocolViolationException;
import io.reactivex.rxjava3.plugins.RxJavaPlugins;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;

/**
 * What the observers awaiting one outcome share (the value of a {@code Single}, {@code Maybe} or
 * {@code Completable}; the first, last or single item, or all items, of a {@code Flowable} or
 * {@code Observable}): the upstream ({@link Disposable} or {@link Subscription}), the rules for
 * signals, and the handoff of the outcome from the signalling thread to the awaiting task or
 * thread.
 *
 * <p>The upstream, the outcome and its handoff are the core's {@link OneOutcome}, which the Reactor
 * bridge's {@code AwaitingSubscriber} shares: a source that ends during {@code subscribe()} leaves
 * it done, and the awaiting side reads the outcome without a promise and without suspending.
 *
 * <p>Signals nobody will read go to {@link RxJavaPlugins#onError}, as RxJava's own operators do
 * (values are dropped: RxJava has no hook for them) — with one exception, {@link #isCancellationEcho}:
 * once we disposed the upstream, or once the awaiting task was cancelled, an error that is the echo
 * of that cancellation is dropped instead of surfacing as an {@code UndeliverableException}.
 *
 * @param <T> the items
 * @param <R> the outcome
 */
abstract sealed class AwaitingObserver<T, R> extends OneOutcome<R> implements SpecRules.Described permits ValueAwaiter, SequenceAwaiter {
    private final String method;
    private final Object source;
    /** Signalling side only: the one echo of our cancellation was dropped already. */
    private boolean echoDropped;

    AwaitingObserver(String method, Object source) {
        this.method = method;
        this.source = source;
    }

    /** A terminal completion without a value, by the rules: calls {@link #finish} or {@link #fail}. */
    abstract void completed();

    // ---------------------------------------------------------------- signals (RxJava's observers)

    /**
     * Keeps the upstream of a {@code Single}, {@code Maybe}, {@code Completable} or
     * {@code Observable}.
     *
     * @param d the upstream
     */
    public final void onSubscribe(Disposable d) {
        Objects.requireNonNull(d, "onSubscribe(null)");
        if (!keepUpstream(d)) {
            SpecRules.cancel(d, this);
        }
    }

    /**
     * An error, by the rules, or a late one (to RxJava's hook, unless it is our cancellation's echo).
     *
     * @param e the error
     */
    public final void onError(Throwable e) {
        Objects.requireNonNull(e, "onError(null)");
        if (beforeOnSubscribe("onError", e)) {
            return;
        }
        if (late()) {
            if (hasLeft() && !echoDropped && isCancellationEcho(e)) {
                echoDropped = true; // the source's answer to our dispose(): ours, not the application's
                return;
            }
            if (e != failure()) { // not the very error we ended with (a source rethrowing our 2.13 error)
                RxJavaPlugins.onError(e);
            }
            return;
        }
        fail(e);
    }

    /** A completion, by the rules, or a late one (ignored, as RxJava does). */
    public final void onComplete() {
        if (!beforeOnSubscribe("onComplete", null) && !late()) {
            completed();
        }
    }

    /**
     * Signalling side: our {@code request} threw (rule 3.16). The upstream is cancelled and the
     * await ends with {@code broken}, unless it had its outcome already (then the hook gets it).
     */
    final void requestFailed(IllegalStateException broken) {
        boolean hadOutcome = isDone();
        cancelUpstream();
        if (hadOutcome) {
            RxJavaPlugins.onError(broken);
        } else {
            fail(broken);
        }
    }

    /**
     * Signalling side: a null item or value (rule 2.13) cancels the upstream and ends the await
     * with a {@link NullPointerException}, which the caller also throws back to the source.
     *
     * @param signal "onNext" or "onSuccess"
     * @return the error to throw
     */
    final NullPointerException nullSignal(String signal) {
        NullPointerException broken = SpecRules.nullItem(describe(), signal);
        if (!late()) {
            cancelUpstream(); // rule 2.13: the source must consider itself cancelled; we make sure
            fail(broken);
        }
        return broken;
    }

    /**
     * Signalling side: whether a signal comes before onSubscribe (rule 1.9 broken). The first one
     * ends the await with an error that says so; the upstream, if it ever comes, is cancelled.
     *
     * @param signal the signal's name, for the message
     * @param cause the source's error for an early {@code onError}, else {@code null}
     */
    final boolean beforeOnSubscribe(String signal, @Nullable Throwable cause) {
        if (hasUpstream()) {
            return false;
        }
        if (!isDone()) {
            fail(SpecRules.beforeOnSubscribe(describe(), signal, cause));
        } else if (cause != null && cause != failure()) {
            RxJavaPlugins.onError(cause);
        }
        return true;
    }

    /**
     * Signalling side: stores the upstream, unless there is one already (a second onSubscribe,
     * reported as RxJava does) or we left before it arrived.
     *
     * @return whether it is kept; if not, the caller cancels it
     */
    final boolean keepUpstream(Object u) {
        if (setUpstream(u)) {
            return !isDone(); // signalled before onSubscribe (a broken source), and we have our outcome
        }
        if (!hasLeft()) {
            RxJavaPlugins.onError(new ProtocolViolationException(describe() + ": onSubscribe was called a "
                    + "second time; a source subscribes each observer once (the second upstream is disposed)"));
        }
        return false;
    }

    /** Either side: disposes or cancels the upstream; one that throws goes to {@code RxJavaPlugins.onError}. */
    @Override
    protected final void cancel(Object upstream) {
        SpecRules.cancel(upstream, this);
    }

    /** "awaitFirst(FlowableRange)", for messages. */
    @Override
    public final String describe() {
        return method + "(" + describe(source) + ")";
    }

    static String describe(Object source) {
        String name = source.getClass().getSimpleName();
        return name.isEmpty() ? source.getClass().getName() : name;
    }

    /**
     * The errors a source may answer our cancellation with, which are dropped rather than reported
     * once nobody waits for them: our own {@link CancelledException}, the JDK's
     * {@link java.util.concurrent.CancellationException} (Kotlin's coroutine cancellation is one),
     * and {@link InterruptedException} (a blocking call interrupted by {@code dispose()}, as
     * {@code Schedulers.io()} does).
     */
    static boolean isCancellationEcho(Throwable e) {
        return e instanceof CancelledException
                || e instanceof java.util.concurrent.CancellationException
                || e instanceof InterruptedException;
    }

    /** The outcome will never be read: an error goes to RxJava's hook, unless it is a cancellation's echo. */
    @Override
    public final void orphan() {
        Throwable e = failure();
        if (e != null && !isCancellationEcho(e)) {
            RxJavaPlugins.onError(e);
        } // a value is dropped: RxJava has no hook for values nobody takes
    }
}
