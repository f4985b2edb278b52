package dev.reactiveawait.rxjava3;

import static dev.reactiveawait.rxjava3.RxTasks.rxCompletable;
import static dev.reactiveawait.rxjava3.RxTasks.toCompletable;

import dev.reactiveawait.Async;
import dev.reactiveawait.Task;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.observers.BaseTestConsumer;
import java.util.List;
import org.jspecify.annotations.Nullable;

class TaskAsCompletableTest extends HotSourceContractTest<Completable> {

    @Override
    Completable sourceOfTask(Task<@Nullable Integer> task) {
        return toCompletable(task);
    }

    @Override
    Completable coldWrapperOf(Task<@Nullable Integer> task) {
        return rxCompletable(loop, () -> Async.await(task));
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
}
