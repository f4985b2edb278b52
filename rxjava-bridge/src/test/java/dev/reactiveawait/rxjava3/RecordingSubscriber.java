package dev.reactiveawait.rxjava3;

import io.reactivex.rxjava3.core.FlowableSubscriber;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;

/**
 * A subscriber that requests nothing by itself and records every signal, for rule-level tests. A
 * {@link FlowableSubscriber}, so RxJava hands it our subscription directly (a plain Subscriber
 * would be wrapped in RxJava's StrictSubscriber, which enforces rule 3.9 on its own).
 */
class RecordingSubscriber<T> implements FlowableSubscriber<T> {
    final List<String> signals = new CopyOnWriteArrayList<>();
    final CountDownLatch terminated = new CountDownLatch(1);
    volatile @Nullable Subscription subscription;
    volatile @Nullable Throwable error;

    @Override
    public void onSubscribe(Subscription s) {
        subscription = s;
        signals.add("onSubscribe");
    }

    @Override
    public void onNext(T item) {
        signals.add("onNext(" + item + ")");
    }

    @Override
    public void onError(Throwable e) {
        error = e;
        signals.add("onError(" + e.getClass().getSimpleName() + ")");
        terminated.countDown();
    }

    @Override
    public void onComplete() {
        signals.add("onComplete");
        terminated.countDown();
    }

    Subscription subscription() {
        Subscription s = subscription;
        if (s == null) {
            throw new AssertionError("no onSubscribe yet");
        }
        return s;
    }

    boolean awaitTermination() throws InterruptedException {
        return terminated.await(5, TimeUnit.SECONDS);
    }
}
