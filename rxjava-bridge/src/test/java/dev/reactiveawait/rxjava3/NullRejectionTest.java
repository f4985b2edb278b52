package dev.reactiveawait.rxjava3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reactiveawait.apicheck.NullRejection;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Maybe;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Single;
import org.junit.jupiter.api.Test;

/**
 * Every public constructor and method of {@code dev.reactiveawait.rxjava3} rejects {@code null} in
 * each parameter not declared {@code @Nullable}, with a {@link NullPointerException} whose message
 * is the parameter's name (issue #7, "Misuse").
 */
class NullRejectionTest {

    @Test
    void everyPublicMethodOfTheRxJavaBridgeRejectsNullNamingTheParameter() {
        NullRejection check = NullRejection.ofPackagesOf(RxAwait.class)
                .value(Single.class, s -> Single.just("x"))
                .value(Maybe.class, s -> Maybe.just("x"))
                .value(Completable.class, s -> Completable.complete())
                .value(Flowable.class, s -> Flowable.just("x"))
                .value(Observable.class, s -> Observable.just("x"));
        NullRejection.Report r = check.run();

        assertThat(r.failures()).isEmpty();
        assertThat(check.classes()).contains(RxAwait.class, RxTasks.class, FlowableIteration.class);
        assertThat(r.checked()).as("every (method, parameter) pair of the API").hasSizeGreaterThan(30).contains(
                "RxAwait.await(null single)",
                "RxTasks.rxSingle(EventLoop, null body)",
                "RxTasks.toSingle(null task)");
    }
}
