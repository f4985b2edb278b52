package dev.reactiveawait.rxjava3;

import static dev.reactiveawait.rxjava3.RxTasks.rxMaybe;

import dev.reactiveawait.Coroutine;
import dev.reactiveawait.EventLoop;
import dev.reactiveawait.Promise;
import io.reactivex.rxjava3.core.Maybe;
import io.reactivex.rxjava3.observers.BaseTestConsumer;
import io.reactivex.rxjava3.observers.TestObserver;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class CoroutineAsMaybeTest extends ColdSourceContractTest<Maybe<Integer>> {

    @Override
    Maybe<Integer> sourceOn(EventLoop target, Coroutine<@Nullable Integer> body) {
        return rxMaybe(target, body);
    }

    @Override
    Maybe<Integer> sourceOnCurrentLoop(Coroutine<@Nullable Integer> body) {
        return rxMaybe(body);
    }

    @Override
    String factory() {
        return "rxMaybe";
    }

    @Override
    void subscribeInTask(Maybe<Integer> source, Promise<Integer> outcome) {
        source.subscribe(outcome::trySucceed, outcome::tryFail, () -> outcome.trySucceed(0));
    }

    @Override
    BaseTestConsumer<?, ?> test(Maybe<Integer> source) {
        return source.test();
    }

    @Override
    Maybe<Integer> observed(Maybe<Integer> source, Runnable hook) {
        return source.doOnEvent((value, error) -> hook.run());
    }

    @Test
    void emptyIsDistinctFromAValue() {
        TestObserver<String> empty = rxMaybe(loop, () -> (String) null).defaultIfEmpty("empty").test();
        TestObserver<String> value = rxMaybe(loop, () -> "value").defaultIfEmpty("empty").test();

        awaitDone(empty);
        awaitDone(value);
        empty.assertResult("empty");
        value.assertResult("value");
    }
}
