package dev.reactiveawait.rxjava3;

import static dev.reactiveawait.Async.createTask;
import static dev.reactiveawait.Async.run;
import static dev.reactiveawait.Async.sleep;
import static dev.reactiveawait.rxjava3.RxAwait.awaitLast;
import static dev.reactiveawait.rxjava3.RxAwait.awaitLastOptional;
import static dev.reactiveawait.rxjava3.RxAwait.awaitList;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reactiveawait.Async;
import dev.reactiveawait.CancelledException;
import dev.reactiveawait.LoopClock;
import dev.reactiveawait.Task;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.processors.PublishProcessor;
import io.reactivex.rxjava3.schedulers.Schedulers;
import io.reactivex.rxjava3.subjects.PublishSubject;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

// SEPARATE_THREAD: a loop that hangs ignores the interrupt of a same-thread timeout (it would hang the build)
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AwaitLastAndListTest {
    @RegisterExtension
    final RxPluginErrors errors = new RxPluginErrors();

    @Test
    void lastItemAtCompletionRequestingEverything() {
        List<Long> requests = new CopyOnWriteArrayList<>();
        AtomicInteger cancels = new AtomicInteger();
        run(LoopClock.virtual(), () -> {
            assertThat(awaitLast(Flowable.range(1, 10).hide().doOnRequest(requests::add).doOnCancel(cancels::incrementAndGet)))
                    .isEqualTo(10);
            assertThat(awaitLast(Observable.range(1, 5).hide())).isEqualTo(5);
            assertThat(awaitLast(Flowable.just("only"))).isEqualTo("only");
            assertThat(awaitLast(Observable.just("only"))).isEqualTo("only");
        });
        assertThat(requests).containsExactly(Long.MAX_VALUE);
        assertThat(cancels).hasValue(0);
    }

    @Test
    void lastOfEmptyIsNoSuchElementOrEmptyOptional() {
        run(LoopClock.virtual(), () -> {
            assertThatThrownBy(() -> awaitLast(Flowable.empty().hide()))
                    .isInstanceOf(NoSuchElementException.class)
                    .hasMessageContaining("awaitLast(")
                    .hasMessageContaining("awaitLastOptional");
            assertThatThrownBy(() -> awaitLast(Observable.empty())).isInstanceOf(NoSuchElementException.class);
            assertThat(awaitLastOptional(Flowable.empty().hide())).isEmpty();
            assertThat(awaitLastOptional(Observable.empty().hide())).isEmpty();
            assertThat(awaitLastOptional(Flowable.just(1, 2, 3))).contains(3);
            assertThat(awaitLastOptional(Observable.just(1, 2, 3))).contains(3);
        });
    }

    @Test
    void listOfAllItemsInOrder() {
        run(LoopClock.virtual(), () -> {
            assertThat(awaitList(Flowable.range(0, 1000).observeOn(Schedulers.computation()))).hasSize(1000).isSorted();
            assertThat(awaitList(Observable.range(0, 1000).observeOn(Schedulers.io()))).hasSize(1000).isSorted();
            assertThat(awaitList(Flowable.just("a"))).containsExactly("a");
            assertThat(awaitList(Observable.just("a"))).containsExactly("a");
            List<String> mutable = awaitList(Flowable.<String>empty());
            assertThat(mutable).isEmpty();
            mutable.add("mutable");
            assertThat(awaitList(Observable.<String>empty().hide())).isEmpty();
        });
    }

    @Test
    void errorIsThrownUnchangedAfterTheItems() {
        IOException io = new IOException("half way");
        run(LoopClock.virtual(), () -> {
            assertThatThrownBy(() -> awaitList(Flowable.just(1, 2).concatWith(Flowable.error(io)))).isSameAs(io);
            assertThatThrownBy(() -> awaitLast(Observable.just(1, 2).concatWith(Observable.error(io)))).isSameAs(io);
        });
    }

    @Test
    void cancellingTheTaskCancelsTheSubscription() {
        PublishProcessor<Integer> processor = PublishProcessor.create();
        PublishSubject<Integer> subject = PublishSubject.create();
        run(LoopClock.virtual(), () -> {
            Task<List<Integer>> f = createTask(() -> awaitList(processor));
            Task<Integer> o = createTask(() -> awaitLast(subject));
            sleep(Duration.ZERO);
            processor.onNext(1);
            subject.onNext(1);
            f.cancel();
            o.cancel();
            assertThat(processor.hasSubscribers() || subject.hasObservers()).isFalse();
            assertThatThrownBy(() -> Async.await(f)).isInstanceOf(CancelledException.class);
            assertThatThrownBy(() -> Async.await(o)).isInstanceOf(CancelledException.class);
        });
    }
}
