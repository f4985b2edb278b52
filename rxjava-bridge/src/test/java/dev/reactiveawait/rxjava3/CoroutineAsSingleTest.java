package dev.reactiveawait.rxjava3;

import static dev.reactiveawait.rxjava3.RxTasks.rxSingle;

import dev.reactiveawait.Coroutine;
import dev.reactiveawait.EventLoop;
import dev.reactiveawait.Promise;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.observers.BaseTestConsumer;
import io.reactivex.rxjava3.observers.TestObserver;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class CoroutineAsSingleTest extends ColdSourceContractTest<Single<Integer>> {

    @Override
    Single<Integer> sourceOn(EventLoop target, Coroutine<@Nullable Integer> body) {
        return rxSingle(target, body);
    }

    @Override
    Single<Integer> sourceOnCurrentLoop(Coroutine<@Nullable Integer> body) {
        return rxSingle(body);
    }

    @Override
    String factory() {
        return "rxSingle";
    }

    @Override
    void subscribeInTask(Single<Integer> source, Promise<Integer> outcome) {
        source.subscribe(outcome::trySucceed, outcome::tryFail);
    }

    @Override
    BaseTestConsumer<?, ?> test(Single<Integer> source) {
        return source.test();
    }

    @Override
    Single<Integer> observed(Single<Integer> source, Runnable hook) {
        return source.doOnEvent((value, error) -> hook.run());
    }

    @Override
    @Nullable String nullFailsWith() {
        return "use rxMaybe(body)";
    }

    @Test
    void aNullResultNamesRxJavasRuleAndTheFix() {
        TestObserver<Integer> observer = rxSingle(loop, () -> (Integer) null).test();

        awaitDone(observer);
        observer.assertError(e -> e instanceof NullPointerException
                && e.getMessage().equals("rxSingle(body): the body returned null, and RxJava forbids null values; "
                        + "return a value, or use rxMaybe(body), which completes empty on null"));
    }
}
