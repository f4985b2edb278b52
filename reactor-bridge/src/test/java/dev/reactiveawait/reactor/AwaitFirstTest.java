package dev.reactiveawait.reactor;

import static dev.reactiveawait.Async.createTask;
import static dev.reactiveawait.Async.run;
import static dev.reactiveawait.Async.sleep;
import static dev.reactiveawait.reactor.ReactorAwait.awaitFirst;
import static dev.reactiveawait.reactor.ReactorAwait.awaitFirstOptional;
import static dev.reactiveawait.reactor.ReactorAwait.awaitFirstOrDefault;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reactiveawait.Async;
import dev.reactiveawait.CancelledException;
import dev.reactiveawait.LoopClock;
import dev.reactiveawait.Task;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.publisher.TestPublisher;

@Timeout(10)
class AwaitFirstTest {
    @RegisterExtension
    final DroppedSignals drops = new DroppedSignals();

    @Test
    void requestsExactlyOneAndCancelsAfterTheFirstItem() {
        List<Long> requests = new CopyOnWriteArrayList<>();
        AtomicInteger cancels = new AtomicInteger();
        Flux<Integer> source = Flux.range(1, 100).hide()
                .doOnRequest(requests::add)
                .doOnCancel(cancels::incrementAndGet);
        int first = run(LoopClock.virtual(), () -> awaitFirst(source));
        assertThat(first).isEqualTo(1);
        assertThat(requests).containsExactly(1L);
        assertThat(cancels).hasValue(1);
    }

    @Test
    void returnsAtTheFirstItemWithoutWaitingForCompletion() {
        TestPublisher<String> source = TestPublisher.create();
        run(LoopClock.virtual(), () -> {
            Task<String> waiter = createTask(() -> awaitFirst(source));
            sleep(Duration.ZERO);
            source.assertMaxRequested(1);
            source.next("first");
            assertThat(Async.await(waiter)).isEqualTo("first");
        });
        source.assertCancelled();
    }

    @Test
    void emptySequenceIsNoSuchElementWithAClearMessage() {
        run(LoopClock.virtual(), () -> {
            assertThatThrownBy(() -> awaitFirst(Flux.empty().hide()))
                    .isInstanceOf(NoSuchElementException.class)
                    .hasMessageContaining("awaitFirst(")
                    .hasMessageContaining("completed without emitting any item")
                    .hasMessageContaining("awaitFirstOptional");
            assertThatThrownBy(() -> awaitFirst(Flux.empty())).isInstanceOf(NoSuchElementException.class);
        });
    }

    @Test
    void defaultAndOptionalVariantsAnswerEmpty() {
        run(LoopClock.virtual(), () -> {
            assertThat(awaitFirstOrDefault(Flux.<String>empty().hide(), "default")).isEqualTo("default");
            assertThat(awaitFirstOrDefault(Flux.just("a", "b"), "default")).isEqualTo("a");
            assertThat(awaitFirstOptional(Flux.<String>empty().hide())).isEmpty();
            assertThat(awaitFirstOptional(Flux.just("a", "b").hide())).contains("a");
            assertThat(awaitFirstOptional(Flux.just("only"))).contains("only");
        });
    }

    @Test
    void errorIsThrownUnchanged() {
        IOException io = new IOException("down");
        run(LoopClock.virtual(), () -> {
            assertThatThrownBy(() -> awaitFirst(Flux.error(io))).isSameAs(io);
            assertThatThrownBy(() -> awaitFirstOrDefault(Flux.<String>error(io), "d")).isSameAs(io);
        });
    }

    @Test
    void itemFromAnotherThreadResumesTheTask() {
        run(LoopClock.virtual(), () -> {
            long first = awaitFirst(Flux.interval(Duration.ofMillis(5)).publishOn(Schedulers.parallel()));
            assertThat(first).isZero();
        });
    }

    @Test
    void aMonoIsAwaitedToItsCompletionAndNeverCancelled() {
        TestPublisher<String> source = TestPublisher.create();
        AtomicInteger cancels = new AtomicInteger();
        run(LoopClock.virtual(), () -> {
            Task<String> waiter = createTask(() -> awaitFirst(Mono.fromDirect(source).doOnCancel(cancels::incrementAndGet)));
            sleep(Duration.ZERO);
            source.next("row");
            sleep(Duration.ZERO);
            assertThat(waiter.isDone()).isFalse();
            source.complete();
            assertThat(Async.await(waiter)).isEqualTo("row");
        });
        assertThat(cancels).hasValue(0);
    }

    @Test
    void itemsSentDespiteTheCancellationGoToOnNextDropped() {
        TestPublisher<String> source = TestPublisher.createNoncompliant(
                TestPublisher.Violation.DEFER_CANCELLATION, TestPublisher.Violation.REQUEST_OVERFLOW);
        run(LoopClock.virtual(), () -> {
            Task<String> waiter = createTask(() -> awaitFirst(source));
            sleep(Duration.ZERO);
            source.next("first", "second", "third");
            assertThat(Async.await(waiter)).isEqualTo("first");
        });
        assertThat(drops.takeItems()).containsExactly("second", "third");
    }

    @Test
    void cancellingTheTaskCancelsTheSubscription() {
        TestPublisher<String> source = TestPublisher.create();
        run(LoopClock.virtual(), () -> {
            Task<String> waiter = createTask(() -> awaitFirstOptional(source).orElse("none"));
            sleep(Duration.ZERO);
            waiter.cancel();
            source.assertCancelled();
            assertThatThrownBy(() -> Async.await(waiter)).isInstanceOf(CancelledException.class);
        });
    }
}
