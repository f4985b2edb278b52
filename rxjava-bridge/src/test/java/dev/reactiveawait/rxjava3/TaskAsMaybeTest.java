package dev.reactiveawait.rxjava3;

import static dev.reactiveawait.rxjava3.RxTasks.rxMaybe;
import static dev.reactiveawait.rxjava3.RxTasks.toMaybe;

import dev.reactiveawait.Async;
import dev.reactiveawait.Task;
import io.reactivex.rxjava3.core.Maybe;
import io.reactivex.rxjava3.observers.BaseTestConsumer;
import org.jspecify.annotations.Nullable;

class TaskAsMaybeTest extends HotSourceContractTest<Maybe<Integer>> {

    @Override
    Maybe<Integer> sourceOfTask(Task<@Nullable Integer> task) {
        return toMaybe(task);
    }

    @Override
    Maybe<Integer> coldWrapperOf(Task<@Nullable Integer> task) {
        return rxMaybe(loop, () -> Async.await(task));
    }

    @Override
    BaseTestConsumer<?, ?> test(Maybe<Integer> source) {
        return source.test();
    }

    @Override
    Maybe<Integer> observed(Maybe<Integer> source, Runnable hook) {
        return source.doOnEvent((value, error) -> hook.run());
    }
}
