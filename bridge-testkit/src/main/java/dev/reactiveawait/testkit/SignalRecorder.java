package dev.reactiveawait.testkit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * A subscriber that requests nothing by itself and records every signal, for rule-level tests.
 * Each bridge subclasses it to add its library's marker interface ({@code CoreSubscriber},
 * {@code FlowableSubscriber}), so the library hands it our subscription directly: a plain
 * Subscriber would be wrapped in the library's StrictSubscriber, which enforces rule 3.9 on its
 * own.
 *
 * @param <T> the item type
 */
public class SignalRecorder<T> implements Subscriber<T> {
    /** Every signal, in order: {@code onSubscribe}, {@code onNext(item)}, {@code onError(Type)}, {@code onComplete}. */
    public final List<String> signals = new CopyOnWriteArrayList<>();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private volatile @Nullable Subscription subscription;
    private volatile @Nullable Throwable error;

    /** A recorder that has seen nothing yet. */
    public SignalRecorder() {}

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

    /**
     * The subscription onSubscribe gave it.
     *
     * @return the subscription
     * @throws AssertionError if onSubscribe has not come yet
     */
    public final Subscription subscription() {
        Subscription s = subscription;
        if (s == null) {
            throw new AssertionError("no onSubscribe yet");
        }
        return s;
    }

    /**
     * The error onError gave it.
     *
     * @return the error, or {@code null} if none came
     */
    public final @Nullable Throwable error() {
        return error;
    }

    /**
     * Waits up to 5 s for onError or onComplete.
     *
     * @return whether one came
     * @throws InterruptedException if interrupted while waiting
     */
    public final boolean awaitTermination() throws InterruptedException {
        return terminated.await(5, TimeUnit.SECONDS);
    }
}
