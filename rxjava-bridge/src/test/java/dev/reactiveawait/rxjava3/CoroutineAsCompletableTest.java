package dev.reactiveawait.rxjava3;

import static dev.reactiveawait.rxjava3.RxTasks.rxCompletable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reactiveawait.Async;
import dev.reactiveawait.Coroutine;
import dev.reactiveawait.EventLoop;
import dev.reactiveawait.Promise;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.observers.BaseTestConsumer;
import io.reactivex.rxjava3.observers.TestObserver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class CoroutineAsCompletableTest extends ColdSourceContractTest<Completable> {

    @Override
    Completable sourceOn(EventLoop target, Coroutine<@Nullable Integer> body) {
        return rxCompletable(target, body::call);
    }

    @Override
    Completable sourceOnCurrentLoop(Coroutine<@Nullable Integer> body) {
        return rxCompletable(body::call);
    }

    @Override
    String factory() {
        return "rxCompletable";
    }

    @Override
    void subscribeInTask(Completable source, Promise<Integer> outcome) {
        source.subscribe(() -> outcome.trySucceed(0), outcome::tryFail);
    }

    @Override
    BaseTestConsumer<?, ?> test(Completable source) {
        return source.test();
    }

    @Override
    Completable observed(Completable source, Runnable hook) {
        return source.doOnEvent(error -> hook.run());
    }

    @Override
    List<Integer> itemsFor(int value) {
        return List.of();
    }

    @Test
    void itCompletesOnceTheBodyHasRun() {
        AtomicBoolean ran = new AtomicBoolean();
        TestObserver<Void> observer = rxCompletable(loop, () -> {
            Async.sleep(Duration.ofMillis(5));
            ran.set(true);
        }).test();

        awaitDone(observer);
        observer.assertComplete();
        assertThat(ran).isTrue();
    }
}
