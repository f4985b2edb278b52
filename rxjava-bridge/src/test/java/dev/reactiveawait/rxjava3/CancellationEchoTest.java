package dev.reactiveawait.rxjava3;

import static dev.reactiveawait.Async.createTask;
import static dev.reactiveawait.Async.run;
import static dev.reactiveawait.Async.sleep;
import static dev.reactiveawait.rxjava3.RxAwait.await;
import static dev.reactiveawait.rxjava3.RxAwait.awaitFirst;
import static dev.reactiveawait.rxjava3.RxAwait.awaitSingle;
import static dev.reactiveawait.rxjava3.RxAwait.iterate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reactiveawait.Async;
import dev.reactiveawait.CancelledException;
import dev.reactiveawait.LoopClock;
import dev.reactiveawait.Task;
import dev.reactiveawait.rxjava3.RawSources.RawFlowable;
import dev.reactiveawait.rxjava3.RawSources.RawObservable;
import dev.reactiveawait.rxjava3.RawSources.RawSingle;
import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Our own cancellation never surfaces as an {@code UndeliverableException}: after the bridge
 * disposed a source, the first {@link CancelledException}, {@link CancellationException} or
 * {@link InterruptedException} it answers with is dropped; any other late error, or a second one,
 * reaches {@code RxJavaPlugins.onError}.
 */
// SEPARATE_THREAD: a loop that hangs ignores the interrupt of a same-thread timeout (it would hang the build)
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CancellationEchoTest {
    @RegisterExtension
    final RxPluginErrors errors = new RxPluginErrors();

    /** Awaits {@code source} in a task, cancels the task, then lets the source answer with {@code echo}. */
    private static RawSingle<String> cancelThenAnswer(Throwable... answers) {
        RawSingle<String> source = new RawSingle<>();
        run(LoopClock.virtual(), () -> {
            Task<String> waiter = createTask(() -> await(source));
            sleep(Duration.ZERO);
            waiter.cancel();
            assertThatThrownBy(() -> Async.await(waiter)).isInstanceOf(CancelledException.class);
            for (Throwable answer : answers) {
                source.observer.onError(answer);
            }
        });
        assertThat(source.disposals()).isEqualTo(1);
        return source;
    }

    @Test
    void cancellationExceptionsAnsweringOurDisposalAreDropped() {
        cancelThenAnswer(new CancelledException("the producing task was cancelled"));
        cancelThenAnswer(new CancellationException("a Kotlin coroutine or a Future was cancelled"));
        cancelThenAnswer(new InterruptedException("a blocking call was interrupted by dispose()"));
        assertThat(errors.take()).isEmpty();
    }

    @Test
    void anyOtherErrorAfterOurDisposalGoesToRxJavaPlugins() {
        IOException io = new IOException("connection reset");
        cancelThenAnswer(io);
        assertThat(errors.take()).containsExactly(io);
    }

    @Test
    void onlyTheFirstEchoIsDropped() {
        CancellationException second = new CancellationException("second");
        cancelThenAnswer(new CancellationException("first"), second);
        assertThat(errors.take()).containsExactly(second);
    }

    @Test
    void aCancellationErrorAfterATerminalSignalIsNotOursAndIsReported() {
        RawSingle<String> source = new RawSingle<>();
        CancellationException stray = new CancellationException("after onSuccess");
        run(LoopClock.virtual(), () -> {
            Task<String> waiter = createTask(() -> await(source));
            sleep(Duration.ZERO);
            source.observer.onSuccess("value");
            source.observer.onError(stray); // the source broke its contract; we never disposed it
            assertThat(Async.await(waiter)).isEqualTo("value");
        });
        assertThat(source.disposals()).isZero();
        assertThat(errors.take()).containsExactly(stray);
    }

    @Test
    void aCancellationErrorThatNobodyReadsBecauseTheTaskWasCancelledIsDropped() {
        RawSingle<String> source = new RawSingle<>();
        run(LoopClock.virtual(), () -> {
            Task<String> waiter = createTask(() -> await(source));
            sleep(Duration.ZERO);
            source.observer.onError(new CancelledException("cancelled with its producer"));
            waiter.cancel(); // before the waiter ran: the error is not delivered, and not reported
            assertThatThrownBy(() -> Async.await(waiter)).isInstanceOf(CancelledException.class);
        });
        assertThat(errors.take()).isEmpty();
    }

    @Test
    void echoOfTheCancellationAfterTheFirstItemIsDropped() {
        RawFlowable<String> flowable = new RawFlowable<>();
        RawObservable<String> observable = new RawObservable<>();
        run(LoopClock.virtual(), () -> {
            Task<String> f = createTask(() -> awaitFirst(flowable));
            Task<String> o = createTask(() -> awaitFirst(observable));
            sleep(Duration.ZERO);
            flowable.next("first").subscriber.onError(new CancellationException("cancelled"));
            observable.next("first").observer.onError(new InterruptedException("interrupted"));
            assertThat(Async.await(f)).isEqualTo("first");
            assertThat(Async.await(o)).isEqualTo("first");
        });
        assertThat(flowable.cancels).hasValue(1);
        assertThat(observable.disposals()).isEqualTo(1);
    }

    @Test
    void echoOfTheCancellationAtASecondItemIsDropped() {
        RawFlowable<String> flowable = new RawFlowable<>();
        run(LoopClock.virtual(), () -> {
            Task<String> f = createTask(() -> awaitSingle(flowable));
            sleep(Duration.ZERO);
            flowable.next("one", "two").subscriber.onError(new CancellationException("cancelled"));
            assertThatThrownBy(() -> Async.await(f)).isInstanceOf(IllegalArgumentException.class);
        });
        assertThat(flowable.cancels).hasValue(1);
    }

    @Test
    void echoOfAClosedIterationIsDroppedOtherErrorsAreReported() {
        RawFlowable<String> flowable = new RawFlowable<>();
        RawObservable<String> observable = new RawObservable<>();
        IOException io = new IOException("late");
        run(LoopClock.virtual(), () -> {
            try (var it = iterate(flowable)) {
                Iterator<String> items = it.iterator();
                flowable.next("a");
                assertThat(items.next()).isEqualTo("a");
            }
            flowable.subscriber.onError(new CancelledException("echo"));
            flowable.subscriber.onError(io);
            try (var it = iterate(observable, 4)) {
                Iterator<String> items = it.iterator();
                observable.next("a");
                assertThat(items.next()).isEqualTo("a");
            }
            observable.observer.onError(new InterruptedException("echo"));
        });
        assertThat(flowable.cancels).hasValue(1);
        assertThat(observable.disposals()).isEqualTo(1);
        assertThat(errors.take()).isEqualTo(List.of(io));
    }
}
