package dev.reactiveawait.reactor;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.Exceptions;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * The Reactive Streams rules our subscribers enforce on a publisher, in one place (as Reactor's
 * {@code Operators} does for its own): the guarded calls into a {@link Subscription} that may
 * break the rules, and the errors that name the broken rule. {@code where} is the await or
 * iteration in progress ("awaitFirst(FluxRange)"), which starts every message.
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
     * Calls {@code s.request(n)}; a publisher whose {@code request} throws breaks rule 3.16.
     *
     * @return {@code null}, or the error to end the await with (the caller cancels {@code s})
     */
    static @Nullable IllegalStateException request(Subscription s, long n, Described where) {
        try {
            s.request(n);
            return null;
        } catch (Throwable e) {
            Exceptions.throwIfJvmFatal(e);
            return new IllegalStateException(where.describe() + ": Subscription.request(" + n + ") threw " + e
                    + ", breaking Reactive Streams rule 3.16 (request must return normally); the subscription "
                    + "is cancelled", e);
        }
    }

    /**
     * Calls {@code s.cancel()}; a publisher whose {@code cancel} throws breaks rule 3.15, and the
     * error goes to {@code Operators.onErrorDropped}: the caller was leaving anyway.
     */
    static void cancel(Subscription s, Described where, Context context) {
        try {
            s.cancel();
        } catch (Throwable e) {
            Exceptions.throwIfJvmFatal(e);
            Operators.onErrorDropped(new IllegalStateException(where.describe() + ": Subscription.cancel() threw " + e
                    + ", breaking Reactive Streams rule 3.15 (cancel must return normally)", e), context);
        }
    }

    /** The error for {@code onNext(null)}: thrown to the publisher (rule 2.13) and ending the await. */
    static NullPointerException nullItem(String where) {
        return new NullPointerException(where + ": onNext(null), breaking Reactive Streams rule 2.13 "
                + "(items are never null); the subscription is cancelled");
    }

    /**
     * The error for a signal before {@code onSubscribe}: rule 1.9.
     *
     * @param signal "onNext", "onError" or "onComplete"
     * @param cause the publisher's error for an early {@code onError}, else {@code null}
     */
    static IllegalStateException beforeOnSubscribe(String where, String signal, @Nullable Throwable cause) {
        return new IllegalStateException(where + ": " + signal + " before onSubscribe, breaking Reactive Streams "
                + "rule 1.9 (a publisher calls onSubscribe first); a subscription arriving later is cancelled",
                cause);
    }
}
