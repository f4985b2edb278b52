package dev.reactiveawait.rxjava3;

import static dev.reactiveawait.rxjava3.RxTasks.rxSingle;
import static dev.reactiveawait.rxjava3.RxTasks.toSingle;

import dev.reactiveawait.Async;
import dev.reactiveawait.Task;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.observers.BaseTestConsumer;
import io.reactivex.rxjava3.observers.TestObserver;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class TaskAsSingleTest extends HotSourceContractTest<Single<Integer>> {

    @Override
    Single<Integer> sourceOfTask(Task<@Nullable Integer> task) {
        return toSingle(task);
    }

    @Override
    Single<Integer> coldWrapperOf(Task<@Nullable Integer> task) {
        return rxSingle(loop, () -> Async.await(task));
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
        return "use toMaybe(task)";
    }

    @Test
    void everyObserverGetsTheOutcomeOfTheOneTask() {
        AtomicInteger runs = new AtomicInteger();
        Single<Integer> shared = toSingle(taskOf(() -> {
            Async.sleep(Duration.ofMillis(20));
            return runs.incrementAndGet();
        }));

        TestObserver<Integer> zipped = Single.zip(shared, shared, Integer::sum).test();
        awaitDone(zipped);
        zipped.assertResult(2);
        TestObserver<Integer> late = shared.test(); // the task is done
        late.assertResult(1);
    }
}
