package dev.reactiveawait.rxjava3;

import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.CompletableObserver;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Maybe;
import io.reactivex.rxjava3.core.MaybeObserver;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Observer;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.core.SingleObserver;
import io.reactivex.rxjava3.disposables.Disposable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * A source of a few strings, as a {@code Flowable}, {@code Observable}, {@code Single},
 * {@code Maybe} or {@code Completable}, that breaks one rule (or none: {@link Fault#NONE}) and
 * records what its observer did to it. Well behaved, a {@code Flowable} emits its items as they
 * are requested, the others push them at once; all stop when cancelled or disposed and complete
 * after the last item (a {@code Single} or {@code Maybe} signals its one item with
 * {@code onSuccess}; a {@code Completable} only completes). Each {@link Fault} changes one thing.
 */
final class MisbehavingSource {
    /** What goes wrong; the § is the Reactive Streams rule (which RxJava's contracts follow) it breaks. */
    enum Fault {
        NONE,
        /** §1.1, Flowable only: all items right after onSubscribe, whatever was requested. */
        ON_NEXT_WITHOUT_REQUEST,
        /** §1.1, Flowable only: request(n) answered with n + 1 items. */
        MORE_THAN_REQUESTED,
        /** §2.12 (for the observer to enforce): onSubscribe twice, the second after the items. */
        DOUBLE_ON_SUBSCRIBE,
        /** §1.7: onError after the terminal signal (even after a cancel). */
        ERROR_AFTER_COMPLETE,
        /** §1.7: the terminal signal twice (even after a cancel): onComplete, or onSuccess. */
        COMPLETE_TWICE,
        /** §2.13, not for a Completable: a null item; the NullPointerException thrown back is kept. */
        NULL_ON_NEXT,
        /** §3.16, Flowable only: request throws. */
        THROWING_REQUEST,
        /** §3.15: cancel or dispose throws; and it never terminates, so that something cancels it. */
        THROWING_CANCEL,
        /** Items, then nothing: no terminal signal ever. */
        NEVER_TERMINATES,
        /** §1.9: never calls onSubscribe, nor anything else, until the test calls {@link #subscribeLate()}. */
        NO_ON_SUBSCRIBE,
        /** §1.9: the first item (or completion) first, onSubscribe after it. */
        SIGNALS_BEFORE_ON_SUBSCRIBE,
        /** Legal: onSubscribe later, from a thread of its own, then well behaved. */
        LATE_ON_SUBSCRIBE;

        boolean appliesTo(Type type) {
            return switch (this) {
                case ON_NEXT_WITHOUT_REQUEST, MORE_THAN_REQUESTED, THROWING_REQUEST -> type == Type.FLOWABLE;
                case NULL_ON_NEXT -> type != Type.COMPLETABLE;
                default -> true;
            };
        }

        boolean overflows() {
            return this == ON_NEXT_WITHOUT_REQUEST || this == MORE_THAN_REQUESTED;
        }
    }

    /** The kind of source. */
    enum Type { FLOWABLE, OBSERVABLE, SINGLE, MAYBE, COMPLETABLE }

    static final String LATE_ERROR = "late error after the terminal signal";

    final Fault fault;
    final List<String> items;
    /** The subscription or disposable it gives first. */
    final Upstream upstream = new Upstream();
    /** The second one ({@link Fault#DOUBLE_ON_SUBSCRIBE}) or the late one. */
    final Upstream extra = new Upstream();
    /** What the observer threw back at it (rule 2.13). */
    final List<Throwable> thrownBack = new CopyOnWriteArrayList<>();
    private volatile Sink sink;

    MisbehavingSource(Fault fault, List<String> items) {
        this.fault = fault;
        this.items = items;
    }

    Flowable<String> asFlowable() {
        return new Flowable<>() {
            @Override
            protected void subscribeActual(Subscriber<? super String> s) {
                start(new Sink(Type.FLOWABLE) {
                    @Override
                    void onSubscribe(Upstream u) {
                        s.onSubscribe(u);
                    }

                    @Override
                    void onNext(String item) {
                        s.onNext(item);
                    }

                    @Override
                    void onError(Throwable e) {
                        s.onError(e);
                    }

                    @Override
                    void onComplete() {
                        s.onComplete();
                    }
                });
            }
        };
    }

    Observable<String> asObservable() {
        return new Observable<>() {
            @Override
            protected void subscribeActual(Observer<? super String> o) {
                start(new Sink(Type.OBSERVABLE) {
                    @Override
                    void onSubscribe(Upstream u) {
                        o.onSubscribe(u);
                    }

                    @Override
                    void onNext(String item) {
                        o.onNext(item);
                    }

                    @Override
                    void onError(Throwable e) {
                        o.onError(e);
                    }

                    @Override
                    void onComplete() {
                        o.onComplete();
                    }
                });
            }
        };
    }

    Single<String> asSingle() {
        return new Single<>() {
            @Override
            protected void subscribeActual(SingleObserver<? super String> o) {
                start(new Sink(Type.SINGLE) {
                    @Override
                    void onSubscribe(Upstream u) {
                        o.onSubscribe(u);
                    }

                    @Override
                    void onNext(String item) {
                        o.onSuccess(item);
                    }

                    @Override
                    void onError(Throwable e) {
                        o.onError(e);
                    }

                    @Override
                    void onComplete() {
                        o.onSuccess(items.get(0)); // a Single's terminal signal is its value
                    }
                });
            }
        };
    }

    Maybe<String> asMaybe() {
        return new Maybe<>() {
            @Override
            protected void subscribeActual(MaybeObserver<? super String> o) {
                start(new Sink(Type.MAYBE) {
                    @Override
                    void onSubscribe(Upstream u) {
                        o.onSubscribe(u);
                    }

                    @Override
                    void onNext(String item) {
                        o.onSuccess(item);
                    }

                    @Override
                    void onError(Throwable e) {
                        o.onError(e);
                    }

                    @Override
                    void onComplete() {
                        o.onSuccess(items.get(0)); // the value is the Maybe's terminal signal
                    }
                });
            }
        };
    }

    Completable asCompletable() {
        return new Completable() {
            @Override
            protected void subscribeActual(CompletableObserver o) {
                start(new Sink(Type.COMPLETABLE) {
                    @Override
                    void onSubscribe(Upstream u) {
                        o.onSubscribe(u);
                    }

                    @Override
                    void onNext(String item) {
                        throw new AssertionError("a Completable has no items");
                    }

                    @Override
                    void onError(Throwable e) {
                        o.onError(e);
                    }

                    @Override
                    void onComplete() {
                        o.onComplete();
                    }
                });
            }
        };
    }

    /** Any of the five observers, seen the same way; a {@code Single}'s or {@code Maybe}'s onSuccess is the terminal signal. */
    private abstract static class Sink {
        final Type type;

        Sink(Type type) {
            this.type = type;
        }

        abstract void onSubscribe(Upstream u);

        abstract void onNext(String item);

        abstract void onError(Throwable e);

        abstract void onComplete();

        /** Whether items and the terminal signal are separate signals (not for a Single, Maybe or Completable). */
        boolean hasItems() {
            return type == Type.FLOWABLE || type == Type.OBSERVABLE;
        }
    }

    private void start(Sink s) {
        sink = s;
        boolean push = s.type != Type.FLOWABLE; // no requests: it emits at once
        switch (fault) {
            case ON_NEXT_WITHOUT_REQUEST -> {
                s.onSubscribe(upstream);
                items.forEach(s::onNext);
                s.onComplete();
            }
            case DOUBLE_ON_SUBSCRIBE -> {
                s.onSubscribe(upstream);
                if (push) {
                    upstream.emit(Long.MAX_VALUE);
                }
                s.onSubscribe(extra);
            }
            case NO_ON_SUBSCRIBE -> { }
            case SIGNALS_BEFORE_ON_SUBSCRIBE -> {
                if (s.hasItems()) {
                    s.onNext(items.get(0));
                }
                s.onComplete();
                s.onSubscribe(extra);
            }
            case LATE_ON_SUBSCRIBE -> Thread.ofPlatform().name("late-on-subscribe").start(() -> {
                s.onSubscribe(upstream);
                if (push) {
                    upstream.emit(Long.MAX_VALUE);
                }
            });
            default -> {
                s.onSubscribe(upstream);
                if (push) {
                    upstream.emit(Long.MAX_VALUE);
                }
            }
        }
    }

    /** {@link Fault#NO_ON_SUBSCRIBE}: the onSubscribe that never came, now. */
    void subscribeLate() {
        sink.onSubscribe(extra);
    }

    /** A subscription and disposable that counts requests and cancellations, and emits as its fault says. */
    final class Upstream implements Subscription, Disposable {
        final List<Long> requests = new CopyOnWriteArrayList<>();
        final AtomicInteger cancels = new AtomicInteger();
        private int next;
        private volatile boolean cancelled;
        private boolean terminated;

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

        @Override
        public void dispose() {
            cancel();
        }

        @Override
        public boolean isDisposed() {
            return cancelled;
        }

        void emit(long budget) {
            Sink s = sink;
            if (fault == Fault.NULL_ON_NEXT) {
                try {
                    s.onNext(nullItem());
                } catch (NullPointerException e) {
                    thrownBack.add(e); // RS 2.13: and the subscription counts as cancelled
                }
                return;
            }
            if (s.hasItems()) {
                while (budget > 0 && next < items.size() && !(cancelled && !fault.overflows())) {
                    s.onNext(items.get(next++));
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
            Sink s = sink;
            switch (fault) {
                case THROWING_CANCEL, NEVER_TERMINATES -> { }
                case ERROR_AFTER_COMPLETE -> {
                    s.onComplete();
                    s.onError(new IllegalStateException(LATE_ERROR));
                }
                case COMPLETE_TWICE -> {
                    s.onComplete();
                    s.onComplete();
                }
                default -> {
                    if (!cancelled) {
                        s.onComplete();
                    }
                }
            }
        }
    }

    private static String nullItem() {
        return null;
    }
}
