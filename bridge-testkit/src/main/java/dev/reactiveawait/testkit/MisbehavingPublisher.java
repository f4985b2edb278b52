package dev.reactiveawait.testkit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * A source of a few strings that breaks one Reactive Streams rule (or none: {@link Fault#NONE}) and
 * records what its subscriber did to it. Well behaved, it emits its items as they are requested,
 * stops when cancelled, and completes after the last one; each {@link Fault} changes one thing.
 * Signals come from the thread that subscribes or requests (from a thread of its own for
 * {@link Fault#LATE_ON_SUBSCRIBE}).
 *
 * <p>As a {@link Publisher} it is pulled. A bridge's tests can also {@link #start(Sink)} it on
 * another shape of observer (RxJava's {@code Observable}, {@code Single}...): a pushed one gets its
 * items at once, without requests, and one without items gets only its terminal signal.
 */
public class MisbehavingPublisher implements Publisher<String> {
    /** What goes wrong; the § is the rule of the Reactive Streams specification it breaks. */
    public enum Fault {
        /** Nothing. */
        NONE,
        /** §1.1, pulled only: all items right after onSubscribe, whatever was requested. */
        ON_NEXT_WITHOUT_REQUEST,
        /** §1.1, pulled only: request(n) answered with n + 1 items. */
        MORE_THAN_REQUESTED,
        /** §2.12 (for the subscriber to enforce): onSubscribe twice, the second after any pushed items. */
        DOUBLE_ON_SUBSCRIBE,
        /** §1.7: onError after the terminal signal (even after a cancel). */
        ERROR_AFTER_COMPLETE,
        /** §1.7: the terminal signal twice (even after a cancel). */
        COMPLETE_TWICE,
        /** §2.13: onNext(null); the NullPointerException thrown back is kept in {@link #thrownBack}. */
        NULL_ON_NEXT,
        /** §3.16, pulled only: request throws. */
        THROWING_REQUEST,
        /** §3.15: cancel throws; and it never terminates, so that something cancels it. */
        THROWING_CANCEL,
        /** Items as requested, then nothing: no terminal signal ever. */
        NEVER_TERMINATES,
        /** §1.9: never calls onSubscribe, nor anything else, until the test calls {@link #subscribeLate()}. */
        NO_ON_SUBSCRIBE,
        /** §1.9: the first item (or the terminal signal) first, onSubscribe after it. */
        SIGNALS_BEFORE_ON_SUBSCRIBE,
        /** Legal: onSubscribe later, from a thread of its own, then well behaved. */
        LATE_ON_SUBSCRIBE;

        /**
         * Whether it sends onNext beyond the demand.
         *
         * @return {@code true} for the two faults of rule 1.1
         */
        public boolean overflows() {
            return this == ON_NEXT_WITHOUT_REQUEST || this == MORE_THAN_REQUESTED;
        }
    }

    /** The message of {@link Fault#ERROR_AFTER_COMPLETE}'s late error. */
    public static final String LATE_ERROR = "late error after the terminal signal";

    /** The rule it breaks. */
    public final Fault fault;
    /** The items it emits. */
    public final List<String> items;
    /** The subscription it gives first. */
    public final Upstream upstream = new Upstream();
    /** The second subscription ({@link Fault#DOUBLE_ON_SUBSCRIBE}) or the late one. */
    public final Upstream extra = new Upstream();
    /** What the subscriber threw back at it (rule 2.13). */
    public final List<Throwable> thrownBack = new CopyOnWriteArrayList<>();
    private volatile @Nullable Sink sink;

    /**
     * A source that breaks {@code fault}.
     *
     * @param fault the rule it breaks
     * @param items the items it emits
     */
    public MisbehavingPublisher(Fault fault, List<String> items) {
        this.fault = fault;
        this.items = items;
    }

    /** As a pulled Reactive Streams publisher. */
    @Override
    public final void subscribe(Subscriber<? super String> s) {
        start(new Sink(true, true, s::onSubscribe, s::onNext, s::onError, s::onComplete));
    }

    /**
     * Any shape of observer, seen the same way: where each of the four signals goes. For one
     * without items (a {@code Single}'s onSuccess), {@code onComplete} is its terminal signal and
     * carries the value.
     *
     * @param pulled whether it requests (a {@code Flowable}); if not, the items come at once
     * @param hasItems whether items and the terminal signal are separate signals
     * @param onSubscribe takes the subscription
     * @param onNext takes an item ({@code null} for {@link Fault#NULL_ON_NEXT})
     * @param onError takes an error
     * @param onComplete takes the terminal signal
     */
    public record Sink(boolean pulled, boolean hasItems, Consumer<Upstream> onSubscribe, Consumer<String> onNext,
            Consumer<Throwable> onError, Runnable onComplete) {}

    /**
     * Subscribes {@code s}: the start of every shape of source.
     *
     * @param s the observer
     */
    public final void start(Sink s) {
        sink = s;
        boolean push = !s.pulled(); // no requests: it emits at once
        switch (fault) {
            case ON_NEXT_WITHOUT_REQUEST -> {
                s.onSubscribe().accept(upstream);
                items.forEach(s.onNext());
                s.onComplete().run();
            }
            case DOUBLE_ON_SUBSCRIBE -> {
                s.onSubscribe().accept(upstream);
                if (push) {
                    upstream.emit(Long.MAX_VALUE);
                }
                s.onSubscribe().accept(extra);
            }
            case NO_ON_SUBSCRIBE -> { }
            case SIGNALS_BEFORE_ON_SUBSCRIBE -> {
                if (s.hasItems()) {
                    s.onNext().accept(items.get(0));
                }
                s.onComplete().run();
                s.onSubscribe().accept(extra);
            }
            case LATE_ON_SUBSCRIBE -> Thread.ofPlatform().name("late-on-subscribe").start(() -> {
                s.onSubscribe().accept(upstream);
                if (push) {
                    upstream.emit(Long.MAX_VALUE);
                }
            });
            default -> {
                s.onSubscribe().accept(upstream);
                if (push) {
                    upstream.emit(Long.MAX_VALUE);
                }
            }
        }
    }

    /** {@link Fault#NO_ON_SUBSCRIBE}: the onSubscribe that never came, now. */
    public final void subscribeLate() {
        sink().onSubscribe().accept(extra);
    }

    private Sink sink() {
        Sink s = sink;
        if (s == null) {
            throw new IllegalStateException("nothing subscribed yet");
        }
        return s;
    }

    /** A subscription that counts requests and cancellations, and emits as its fault says. */
    public final class Upstream implements Subscription {
        /** Every request, in order. */
        public final List<Long> requests = new CopyOnWriteArrayList<>();
        /** How many times it was cancelled. */
        public final AtomicInteger cancels = new AtomicInteger();
        private int next;
        private volatile boolean cancelled;
        private boolean terminated;

        private Upstream() {}

        @Override
        public void request(long n) {
            requests.add(n);
            switch (fault) {
                case THROWING_REQUEST -> throw new UnsupportedOperationException("request is broken");
                case ON_NEXT_WITHOUT_REQUEST -> { } // it does not wait for requests
                default -> emit(fault == Fault.MORE_THAN_REQUESTED && n < Long.MAX_VALUE ? n + 1 : n);
            }
        }

        @Override
        public void cancel() {
            cancels.incrementAndGet();
            cancelled = true;
            if (fault == Fault.THROWING_CANCEL) {
                throw new UnsupportedOperationException("cancel is broken");
            }
        }

        /**
         * Whether it was cancelled (for a disposable that wraps it).
         *
         * @return {@code true} once cancelled
         */
        public boolean isCancelled() {
            return cancelled;
        }

        private void emit(long budget) {
            Sink s = sink();
            if (fault == Fault.NULL_ON_NEXT) {
                try {
                    s.onNext().accept(nullItem());
                } catch (NullPointerException e) {
                    thrownBack.add(e); // RS 2.13: and the subscription counts as cancelled
                }
                return;
            }
            if (s.hasItems()) {
                while (budget > 0 && next < items.size() && !(cancelled && !fault.overflows())) {
                    s.onNext().accept(items.get(next++));
                    budget--;
                }
            } else {
                next = items.size(); // a Single, Maybe or Completable: its value is the terminal signal
            }
            boolean ignoresCancel = fault == Fault.ERROR_AFTER_COMPLETE || fault == Fault.COMPLETE_TWICE;
            if (next == items.size() || (cancelled && ignoresCancel)) {
                terminate(); // ERROR_AFTER_COMPLETE, COMPLETE_TWICE: their terminal signals come even after a cancel
            }
        }

        private void terminate() {
            if (terminated) {
                return;
            }
            terminated = true;
            Sink s = sink();
            switch (fault) {
                case THROWING_CANCEL, NEVER_TERMINATES -> { }
                case ERROR_AFTER_COMPLETE -> {
                    s.onComplete().run();
                    s.onError().accept(new IllegalStateException(LATE_ERROR));
                }
                case COMPLETE_TWICE -> {
                    s.onComplete().run();
                    s.onComplete().run();
                }
                default -> {
                    if (!cancelled) {
                        s.onComplete().run();
                    }
                }
            }
        }
    }

    private static String nullItem() {
        return null;
    }
}
