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
 * Sources that do what a test tells them, when it tells them, whatever the rules say: they keep
 * their observer, count disposals/cancellations and requests, and signal on demand, even after
 * being disposed (to test late signals). Signals are sent from the test's thread.
 */
final class RawSources {
    private RawSources() {}

    /** A Disposable that counts its disposals. */
    static final class Counting implements Disposable {
        final AtomicInteger disposals = new AtomicInteger();

        @Override
        public void dispose() {
            disposals.incrementAndGet();
        }

        @Override
        public boolean isDisposed() {
            return disposals.get() > 0;
        }
    }

    /** One source of each single-valued kind, sharing the observer slots and the disposable. */
    static final class RawSingle<T> extends Single<T> {
        final Counting upstream = new Counting();
        volatile SingleObserver<? super T> observer;

        @Override
        protected void subscribeActual(SingleObserver<? super T> o) {
            observer = o;
            o.onSubscribe(upstream);
        }

        boolean subscribed() {
            return observer != null;
        }

        int disposals() {
            return upstream.disposals.get();
        }
    }

    static final class RawMaybe<T> extends Maybe<T> {
        final Counting upstream = new Counting();
        volatile MaybeObserver<? super T> observer;

        @Override
        protected void subscribeActual(MaybeObserver<? super T> o) {
            observer = o;
            o.onSubscribe(upstream);
        }

        int disposals() {
            return upstream.disposals.get();
        }
    }

    static final class RawCompletable extends Completable {
        final Counting upstream = new Counting();
        volatile CompletableObserver observer;

        @Override
        protected void subscribeActual(CompletableObserver o) {
            observer = o;
            o.onSubscribe(upstream);
        }

        int disposals() {
            return upstream.disposals.get();
        }
    }

    static final class RawObservable<T> extends Observable<T> {
        final Counting upstream = new Counting();
        volatile Observer<? super T> observer;

        @Override
        protected void subscribeActual(Observer<? super T> o) {
            observer = o;
            o.onSubscribe(upstream);
        }

        @SafeVarargs
        final RawObservable<T> next(T... items) {
            for (T t : items) {
                observer.onNext(t);
            }
            return this;
        }

        int disposals() {
            return upstream.disposals.get();
        }
    }

    /** A Flowable that records requests and cancellations and emits whatever it is told to. */
    static final class RawFlowable<T> extends Flowable<T> implements Subscription {
        final List<Long> requests = new CopyOnWriteArrayList<>();
        final AtomicInteger cancels = new AtomicInteger();
        volatile Subscriber<? super T> subscriber;

        @Override
        protected void subscribeActual(Subscriber<? super T> s) {
            subscriber = s;
            s.onSubscribe(this);
        }

        @Override
        public void request(long n) {
            requests.add(n);
        }

        @Override
        public void cancel() {
            cancels.incrementAndGet();
        }

        @SafeVarargs
        final RawFlowable<T> next(T... items) {
            for (T t : items) {
                subscriber.onNext(t);
            }
            return this;
        }
    }
}
