package dev.reactiveawait.testkit;

import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * A subscriber of 0, 1, 2... that requests only when the test calls {@link #ask(long)}, from any
 * thread, and counts as a violation every item out of order or beyond the demand asked for, and any
 * error. It settles once: on completion, on an error, or on its own {@link #cancel()}. Subscribe it
 * through the bridge's {@code BareSubscriber}, so that the library does not wrap it.
 */
public final class DemandCheckingSubscriber implements Subscriber<Integer> {
    private final AtomicInteger settled;
    private final AtomicInteger violations;
    private volatile @Nullable Subscription subscription;
    /** Guarded by this: the next expected item, the demand asked for, and whether it settled. */
    private int next;
    private long requested;
    private boolean done;

    /**
     * A subscriber that reports to counters shared by many.
     *
     * @param settled incremented once when it settles
     * @param violations incremented for each item out of order or beyond demand, and for an error
     */
    public DemandCheckingSubscriber(AtomicInteger settled, AtomicInteger violations) {
        this.settled = settled;
        this.violations = violations;
    }

    @Override
    public void onSubscribe(Subscription s) {
        subscription = s; // the requests come from other threads, through ask()
    }

    /**
     * Records {@code n} more demand, then requests it.
     *
     * @param n the demand
     */
    public void ask(long n) {
        synchronized (this) {
            requested = requested + n < 0 ? Long.MAX_VALUE : requested + n;
        }
        subscription().request(n);
    }

    /** Cancels the subscription, and settles. */
    public void cancel() {
        subscription().cancel();
        settle();
    }

    @Override
    public void onNext(Integer value) {
        synchronized (this) {
            if (value != next || next >= requested) {
                violations.incrementAndGet();
            }
            next++;
        }
    }

    @Override
    public void onError(Throwable e) {
        violations.incrementAndGet(); // the sources of these tests never fail
        settle();
    }

    @Override
    public void onComplete() {
        settle();
    }

    private Subscription subscription() {
        Subscription s = subscription;
        if (s == null) {
            throw new IllegalStateException("not subscribed yet");
        }
        return s;
    }

    private void settle() {
        synchronized (this) {
            if (done) {
                return;
            }
            done = true;
        }
        settled.incrementAndGet();
    }
}
