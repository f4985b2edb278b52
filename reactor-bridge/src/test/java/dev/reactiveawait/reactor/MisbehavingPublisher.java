package dev.reactiveawait.reactor;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;

/**
 * A publisher of a few strings that breaks one Reactive Streams rule (or none: {@link Fault#NONE}),
 * and records what its subscriber did to it. Well behaved, it emits its items as they are
 * requested, stops when cancelled, and completes after the last one; each {@link Fault} changes one
 * thing. Signals come from the thread that subscribes or requests (from a thread of its own for
 * {@link Fault#LATE_ON_SUBSCRIBE}).
 */
final class MisbehavingPublisher implements Publisher<String> {
    /** What goes wrong; the § is the rule of the Reactive Streams specification it breaks. */
    enum Fault {
        NONE,
        /** §1.1: all items right after onSubscribe, whatever was requested. */
        ON_NEXT_WITHOUT_REQUEST,
        /** §1.1: request(n) answered with n + 1 items. */
        MORE_THAN_REQUESTED,
        /** §2.12 (for the subscriber to enforce): onSubscribe twice. */
        DOUBLE_ON_SUBSCRIBE,
        /** §1.7: onError after onComplete (even after a cancel). */
        ERROR_AFTER_COMPLETE,
        /** §1.7: onComplete twice (even after a cancel). */
        COMPLETE_TWICE,
        /** §2.13: onNext(null); the NullPointerException thrown back is kept in {@link #thrownBack}. */
        NULL_ON_NEXT,
        /** §3.16: request throws. */
        THROWING_REQUEST,
        /** §3.15: cancel throws; and it never terminates, so that something cancels it. */
        THROWING_CANCEL,
        /** Items as requested, then nothing: no terminal signal ever. */
        NEVER_TERMINATES,
        /** §1.9: never calls onSubscribe, nor anything else, until the test calls {@link #subscribeLate()}. */
        NO_ON_SUBSCRIBE,
        /** §1.9: onNext and onComplete first, onSubscribe after them. */
        SIGNALS_BEFORE_ON_SUBSCRIBE,
        /** Legal: onSubscribe later, from a thread of its own, then well behaved. */
        LATE_ON_SUBSCRIBE;

        /** Whether it sends onNext beyond the demand. */
        boolean overflows() {
            return this == ON_NEXT_WITHOUT_REQUEST || this == MORE_THAN_REQUESTED;
        }
    }

    static final String LATE_ERROR = "late error after onComplete";

    final Fault fault;
    final List<String> items;
    /** The subscription it gives first. */
    final Upstream upstream = new Upstream();
    /** The second subscription ({@link Fault#DOUBLE_ON_SUBSCRIBE}) or the late one. */
    final Upstream extra = new Upstream();
    /** What the subscriber threw back at it (rule 2.13). */
    final List<Throwable> thrownBack = new CopyOnWriteArrayList<>();
    private volatile Subscriber<? super String> subscriber;

    MisbehavingPublisher(Fault fault, List<String> items) {
        this.fault = fault;
        this.items = items;
    }

    /** The same publisher as a {@code Mono}, without any Reactor operator between it and its subscriber. */
    Mono<String> asMono() {
        return new Mono<>() {
            @Override
            public void subscribe(CoreSubscriber<? super String> actual) {
                MisbehavingPublisher.this.subscribe(actual);
            }
        };
    }

    @Override
    public void subscribe(Subscriber<? super String> s) {
        subscriber = s;
        switch (fault) {
            case ON_NEXT_WITHOUT_REQUEST -> {
                s.onSubscribe(upstream);
                items.forEach(s::onNext);
                s.onComplete();
            }
            case DOUBLE_ON_SUBSCRIBE -> {
                s.onSubscribe(upstream);
                s.onSubscribe(extra);
            }
            case NO_ON_SUBSCRIBE -> { }
            case SIGNALS_BEFORE_ON_SUBSCRIBE -> {
                s.onNext(items.get(0));
                s.onComplete();
                s.onSubscribe(extra);
            }
            case LATE_ON_SUBSCRIBE -> Thread.ofPlatform().name("late-on-subscribe").start(() -> s.onSubscribe(upstream));
            default -> s.onSubscribe(upstream);
        }
    }

    /** {@link Fault#NO_ON_SUBSCRIBE}: the onSubscribe that never came, now. */
    void subscribeLate() {
        subscriber.onSubscribe(extra);
    }

    /** A subscription that counts requests and cancellations, and emits as its fault says. */
    final class Upstream implements Subscription {
        final List<Long> requests = new CopyOnWriteArrayList<>();
        final AtomicInteger cancels = new AtomicInteger();
        private int next;
        private boolean cancelled;
        private boolean terminated;

        @Override
        public void request(long n) {
            requests.add(n);
            switch (fault) {
                case THROWING_REQUEST -> throw new UnsupportedOperationException("request is broken");
                case ON_NEXT_WITHOUT_REQUEST -> { } // it does not wait for requests
                case NULL_ON_NEXT -> {
                    try {
                        subscriber.onNext(nullItem());
                    } catch (NullPointerException e) {
                        thrownBack.add(e); // RS 2.13: and the subscription counts as cancelled
                    }
                }
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

        private void emit(long budget) {
            while (budget > 0 && next < items.size() && !(cancelled && !fault.overflows())) {
                subscriber.onNext(items.get(next++));
                budget--;
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
            switch (fault) {
                case THROWING_CANCEL, NEVER_TERMINATES -> { }
                case ERROR_AFTER_COMPLETE -> {
                    subscriber.onComplete();
                    subscriber.onError(new IllegalStateException(LATE_ERROR));
                }
                case COMPLETE_TWICE -> {
                    subscriber.onComplete();
                    subscriber.onComplete();
                }
                default -> {
                    if (!cancelled) {
                        subscriber.onComplete();
                    }
                }
            }
        }
    }

    private static String nullItem() {
        return null;
    }
}
