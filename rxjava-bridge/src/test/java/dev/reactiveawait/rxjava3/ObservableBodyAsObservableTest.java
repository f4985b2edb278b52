package dev.reactiveawait.rxjava3;

import static dev.reactiveawait.rxjava3.RxTasks.rxObservable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reactiveawait.Async;
import dev.reactiveawait.CancelledException;
import dev.reactiveawait.Coroutine;
import dev.reactiveawait.EventLoop;
import dev.reactiveawait.Promise;
import dev.reactiveawait.internal.CoreAccess;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Observer;
import io.reactivex.rxjava3.disposables.Disposable;
import io.reactivex.rxjava3.observers.BaseTestConsumer;
import io.reactivex.rxjava3.observers.TestObserver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ObservableBodyAsObservableTest extends ColdSourceContractTest<Observable<Integer>> {

    @Override
    Observable<Integer> sourceOn(EventLoop target, Coroutine<@Nullable Integer> body) {
        return rxObservable(target, emitting(body));
    }

    @Override
    Observable<Integer> sourceOnCurrentLoop(Coroutine<@Nullable Integer> body) {
        return rxObservable(emitting(body));
    }

    private static ObservableBody<Integer> emitting(Coroutine<@Nullable Integer> body) {
        return emitter -> {
            Integer value = body.call();
            if (value != null) {
                emitter.emit(value);
            }
        };
    }

    @Override
    String factory() {
        return "rxObservable";
    }

    @Override
    void subscribeInTask(Observable<Integer> source, Promise<Integer> outcome) {
        source.subscribe(outcome::trySucceed, outcome::tryFail, () -> outcome.trySucceed(0));
    }

    @Override
    BaseTestConsumer<?, ?> test(Observable<Integer> source) {
        return source.test();
    }

    @Override
    Observable<Integer> observed(Observable<Integer> source, Runnable hook) {
        return source.doOnEach(signal -> hook.run());
    }

    @Test
    void emitNeverWaitsForTheObserver() {
        // no backpressure: the body emits everything in one step, without any await
        List<Integer> trace = new CopyOnWriteArrayList<>();
        TestObserver<Integer> observer = rxObservable(loop, (RxObservableEmitter<Integer> emitter) -> {
            for (int i = 0; i < 1_000; i++) {
                emitter.emit(i);
            }
            trace.add(-1);
        }).doOnNext(trace::add).test();

        awaitDone(observer);
        observer.assertComplete().assertValueCount(1_000);
        assertThat(trace).hasSize(1_001).endsWith(-1);
    }

    @Test
    void onNextRunsOnTheBodysTaskAndCompletionOnTheLoop() {
        List<String> where = new CopyOnWriteArrayList<>();
        TestObserver<Integer> observer = rxObservable(loop, (RxObservableEmitter<Integer> emitter) -> {
            emitter.emit(1);
            Async.sleep(Duration.ofMillis(1));
            emitter.emit(2);
        })
                .doOnNext(x -> where.add("onNext in task=" + (Async.currentTask() != null)))
                .doOnComplete(() -> where.add("onComplete on loop=" + CoreAccess.isLoopThread(Thread.currentThread())))
                .test();

        awaitDone(observer);
        observer.assertResult(1, 2);
        assertThat(where).containsExactly("onNext in task=true", "onNext in task=true", "onComplete on loop=true");
    }

    @Test
    void disposingMakesTheNextEmitThrowAndTheFinallyRun() {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        CountDownLatch finallyRan = new CountDownLatch(1);
        AtomicReference<Disposable> upstream = new AtomicReference<>();
        AtomicInteger received = new AtomicInteger();
        rxObservable(loop, (RxObservableEmitter<Integer> emitter) -> {
            try {
                for (int i = 0; ; i++) {
                    emitter.emit(i); // the observer disposes inside the first onNext
                }
            } catch (CancelledException e) {
                thrown.set(e);
                throw e;
            } finally {
                finallyRan.countDown();
            }
        }).subscribe(new Observer<Integer>() {
            @Override
            public void onSubscribe(Disposable d) {
                upstream.set(d);
            }

            @Override
            public void onNext(Integer item) {
                received.incrementAndGet();
                upstream.get().dispose();
            }

            @Override
            public void onError(Throwable e) {
                throw new AssertionError(e);
            }

            @Override
            public void onComplete() {
                throw new AssertionError("completed");
            }
        });

        await(finallyRan);
        assertThat(received).hasValue(1);
        assertThat(thrown.get()).isInstanceOf(CancelledException.class).hasMessageContaining("disposed");
    }

    @Test
    void emitNullThrowsNullPointerExceptionInTheBody() {
        TestObserver<String> observer = rxObservable(loop, (RxObservableEmitter<String> emitter) -> {
            try {
                emitter.emit(null);
            } catch (NullPointerException e) {
                emitter.emit(e.getMessage());
            }
        }).test();

        awaitDone(observer);
        observer.assertComplete().assertValue(message -> message.contains("RxJava forbids null items"));
    }

    @Test
    void emitFromAnotherTaskIsRefused() {
        TestObserver<String> observer = rxObservable(loop, (RxObservableEmitter<String> emitter) -> {
            try {
                Async.await(Async.createTask(() -> {
                    emitter.emit("from a child");
                    return null;
                }));
            } catch (IllegalStateException e) {
                emitter.emit(e.getMessage());
            }
        }).test();

        awaitDone(observer);
        observer.assertComplete().assertValue(message -> message.contains("not the rxObservable body's own task"));
    }

    @Test
    void anObserverThatThrowsCountsAsDisposedAndItsErrorGoesToRxJavaPlugins() throws InterruptedException {
        IllegalStateException broken = new IllegalStateException("observer bug");
        List<String> signals = new CopyOnWriteArrayList<>();
        CountDownLatch ended = new CountDownLatch(1);
        rxObservable(loop, (RxObservableEmitter<Integer> emitter) -> {
            try {
                emitter.emit(1);
            } finally {
                ended.countDown();
            }
        }).subscribe(new Observer<Integer>() {
            @Override
            public void onSubscribe(Disposable d) {}

            @Override
            public void onNext(Integer item) {
                signals.add("onNext(" + item + ")");
                throw broken;
            }

            @Override
            public void onError(Throwable e) {
                signals.add("onError");
            }

            @Override
            public void onComplete() {
                signals.add("onComplete");
            }
        });

        await(ended);
        drainLoop(); // the ended task's signals, if any, have been sent
        assertThat(signals).containsExactly("onNext(1)");
        assertThat(takeErrors()).containsExactly(broken);
    }
}
