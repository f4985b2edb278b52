package dev.reactiveawait.rxjava3;

import dev.reactiveawait.testkit.MisbehavingPublisher;
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
import org.reactivestreams.Subscriber;

/**
 * The testkit's {@link MisbehavingPublisher} as a {@code Flowable}, {@code Observable},
 * {@code Single}, {@code Maybe} or {@code Completable}. A {@code Flowable} emits its items as they
 * are requested, the others push them at once; all stop when cancelled or disposed and complete
 * after the last item (a {@code Single} or {@code Maybe} signals its one item with
 * {@code onSuccess}; a {@code Completable} only completes).
 */
final class MisbehavingSource extends MisbehavingPublisher {
    /** The kind of source. */
    enum Type { FLOWABLE, OBSERVABLE, SINGLE, MAYBE, COMPLETABLE }

    MisbehavingSource(Fault fault, List<String> items) {
        super(fault, items);
    }

    /** Whether {@code fault} can happen to a source of {@code type} (RxJava's contracts follow the rules it breaks). */
    static boolean appliesTo(Fault fault, Type type) {
        return switch (fault) {
            case ON_NEXT_WITHOUT_REQUEST, MORE_THAN_REQUESTED, THROWING_REQUEST -> type == Type.FLOWABLE;
            case NULL_ON_NEXT -> type != Type.COMPLETABLE;
            default -> true;
        };
    }

    Flowable<String> asFlowable() {
        return new Flowable<>() {
            @Override
            protected void subscribeActual(Subscriber<? super String> s) {
                MisbehavingSource.this.subscribe(s); // the source's own, not this Flowable's (that would recurse)
            }
        };
    }

    Observable<String> asObservable() {
        return new Observable<>() {
            @Override
            protected void subscribeActual(Observer<? super String> o) {
                start(new Sink(false, true, u -> o.onSubscribe(disposable(u)), o::onNext, o::onError, o::onComplete));
            }
        };
    }

    Single<String> asSingle() {
        return new Single<>() {
            @Override
            protected void subscribeActual(SingleObserver<? super String> o) {
                // a Single's terminal signal is its value
                start(new Sink(false, false, u -> o.onSubscribe(disposable(u)), o::onSuccess, o::onError,
                        () -> o.onSuccess(items.get(0))));
            }
        };
    }

    Maybe<String> asMaybe() {
        return new Maybe<>() {
            @Override
            protected void subscribeActual(MaybeObserver<? super String> o) {
                // the value is the Maybe's terminal signal
                start(new Sink(false, false, u -> o.onSubscribe(disposable(u)), o::onSuccess, o::onError,
                        () -> o.onSuccess(items.get(0))));
            }
        };
    }

    Completable asCompletable() {
        return new Completable() {
            @Override
            protected void subscribeActual(CompletableObserver o) {
                start(new Sink(false, false, u -> o.onSubscribe(disposable(u)), item -> {
                    throw new AssertionError("a Completable has no items");
                }, o::onError, o::onComplete));
            }
        };
    }

    /** The subscription as the Disposable of a pushed source: dispose cancels it, every time. */
    private static Disposable disposable(Upstream u) {
        return new Disposable() {
            @Override
            public void dispose() {
                u.cancel();
            }

            @Override
            public boolean isDisposed() {
                return u.isCancelled();
            }
        };
    }
}
