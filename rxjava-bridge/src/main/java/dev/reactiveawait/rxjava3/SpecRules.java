package dev.reactiveawait.rxjava3;

import io.reactivex.rxjava3.disposables.Disposable;
import io.reactivex.rxjava3.exceptions.Exceptions;
import io.reactivex.rxjava3.plugins.RxJavaPlugins;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;

/**
 * The Reactive Streams rules (which RxJava's {@code Observable}, {@code Single}, {@code Maybe} and
 * {@code Completable} contracts follow too) that our observers enforce on a source, in one place, as
 * RxJava's {@code SubscriptionHelper} and {@code DisposableHelper} do for its own: the guarded
 * calls into an upstream that may break the rules, and the errors that name the broken rule.
 * {@code where} is the await or iteration in progress ("awaitFirst(FlowableRange)"), which starts
 * every message.
 */
final class SpecRules {
    private SpecRules() {}

    /**
     * Names the await or iteration in an error message, built only when a rule is broken: the
     * guarded calls run on every await, and a description built eagerly allocated on each one.
     */
    interface Described {
        /** The await or iteration, as the user wrote it, e.g. {@code await(MonoJust)}. */
        String describe();
    }

    /**
     * Calls {@code s.request(n)}; a source whose {@code request} throws breaks rule 3.16.
     *
     * @return {@code null}, or the error to end the await with (the caller cancels {@code s})
     */
    static @Nullable IllegalStateException request(Subscription s, long n, Described where) {
        try {
            s.request(n);
            return null;
        } catch (Throwable e) {
            Exceptions.throwIfFatal(e);
            return new IllegalStateException(where.describe() + ": Subscription.request(" + n + ") threw " + e
                    + ", breaking Reactive Streams rule 3.16 (request must return normally); the subscription "
                    + "is cancelled", e);
        }
    }

    /**
     * Cancels a {@link Subscription} or disposes a {@link Disposable}; one that throws (rule 3.15)
     * goes to {@code RxJavaPlugins.onError}: the caller was leaving anyway.
     */
    static void cancel(Object upstream, Described where) {
        try {
            if (upstream instanceof Subscription s) {
                s.cancel();
            } else if (upstream instanceof Disposable d) {
                d.dispose();
            }
        } catch (Throwable e) {
            Exceptions.throwIfFatal(e);
            String call = upstream instanceof Subscription ? "Subscription.cancel()" : "Disposable.dispose()";
            RxJavaPlugins.onError(new IllegalStateException(where.describe() + ": " + call + " threw " + e
                    + ", breaking Reactive Streams rule 3.15 (cancel must return normally)", e));
        }
    }

    /**
     * The error for a null item or value: thrown to the source (rule 2.13) and ending the await.
     *
     * @param signal "onNext" or "onSuccess"
     */
    static NullPointerException nullItem(String where, String signal) {
        return new NullPointerException(where + ": " + signal + "(null), breaking Reactive Streams rule 2.13 "
                + "(RxJava sources never signal null); the source is cancelled");
    }

    /**
     * The error for a signal before {@code onSubscribe}: rule 1.9.
     *
     * @param signal "onNext", "onSuccess", "onError" or "onComplete"
     * @param cause the source's error for an early {@code onError}, else {@code null}
     */
    static IllegalStateException beforeOnSubscribe(String where, String signal, @Nullable Throwable cause) {
        return new IllegalStateException(where + ": " + signal + " before onSubscribe, breaking Reactive Streams "
                + "rule 1.9 (a source calls onSubscribe first); an upstream arriving later is cancelled", cause);
    }
}
