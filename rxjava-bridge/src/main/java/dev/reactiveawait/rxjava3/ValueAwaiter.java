package dev.reactiveawait.rxjava3;

import io.reactivex.rxjava3.core.CompletableObserver;
import io.reactivex.rxjava3.core.MaybeObserver;
import io.reactivex.rxjava3.core.SingleObserver;

/**
 * Awaits a {@code Single}, {@code Maybe} or {@code Completable}: its one terminal signal, which
 * carries the value ({@code onSuccess}), says "no value" ({@code onComplete}: an empty
 * {@code Maybe}, a finished {@code Completable}) or fails. Nothing is requested and nothing is
 * disposed after the signal: these sources end by themselves (kotlinx.coroutines#3487,
 * spring-framework#25007 are why a transactional source must never be cancelled after its value).
 *
 * @param <T> the value ({@code Void} for a {@code Completable})
 */
final class ValueAwaiter<T> extends AwaitingObserver<T, T>
        implements SingleObserver<T>, MaybeObserver<T>, CompletableObserver {

    ValueAwaiter(String method, Object source) {
        super(method, source);
    }

    @Override
    public void onSuccess(T value) {
        if (value == null) {
            throw nullSignal("onSuccess");
        }
        if (!beforeOnSubscribe("onSuccess", null) && !late()) {
            finish(value);
        } // a late value is dropped, as RxJava's own observers drop it
    }

    @Override
    void completed() {
        finish(null);
    }
}
