package dev.reactiveawait.reactor;

import static dev.reactiveawait.Async.createTask;
import static dev.reactiveawait.Async.run;
import static dev.reactiveawait.Async.sleep;
import static dev.reactiveawait.reactor.ReactorAwait.awaitSingle;
import static dev.reactiveawait.reactor.ReactorAwait.awaitSingleOptional;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reactiveawait.Async;
import dev.reactiveawait.CancelledException;
import dev.reactiveawait.LoopClock;
import dev.reactiveawait.Task;
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
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Schedulers;
import reactor.test.publisher.TestPublisher;
import reactor.util.context.Context;

@Timeout(10)
class AwaitSingleTest {
    @RegisterExtension
    final DroppedSignals drops = new DroppedSignals();

    @Test
    void returnsTheOnlyItemAtCompletion() {
        TestPublisher<String> source = TestPublisher.create();
        run(LoopClock.virtual(), () -> {
            Task<String> waiter = createTask(() -> awaitSingle(source));
            sleep(Duration.ZERO);
            source.assertMinRequested(Long.MAX_VALUE);
            source.next("only");
            sleep(Duration.ZERO);
            assertThat(waiter.isDone()).as("a second item could still come").isFalse();
            source.complete();
            assertThat(Async.await(waiter)).isEqualTo("only");
        });
        source.assertNotCancelled();
    }

    @Test
    void secondItemFailsFastAndCancelsTheSource() {
        TestPublisher<String> source = TestPublisher.create();
        run(LoopClock.virtual(), () -> {
            Task<String> waiter = createTask(() -> awaitSingle(source));
            sleep(Duration.ZERO);
            source.next("one", "two"); // and never completes
            assertThatThrownBy(() -> Async.await(waiter))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("awaitSingle(")
                    .hasMessageContaining("emitted more than one item");
        });
        source.assertCancelled();
    }

    @Test
    void secondItemOfASynchronousSourceStopsIt() {
        List<Integer> emitted = new CopyOnWriteArrayList<>();
        run(LoopClock.virtual(), () -> {
            assertThatThrownBy(() -> awaitSingle(Flux.range(1, 1000).hide().doOnNext(emitted::add)))
                    .isInstanceOf(IllegalArgumentException.class);
        });
        assertThat(emitted).containsExactly(1, 2);
    }

    @Test
    void bothItemsOfATooLongSequenceGoToTheDiscardHook() {
        List<Object> discarded = new CopyOnWriteArrayList<>();
        run(LoopClock.virtual(), () -> ReactorAwait.withContext(Operators.enableOnDiscard(Context.empty(), discarded::add),
                () -> assertThatThrownBy(() -> awaitSingle(Flux.just("a", "b", "c"))).isInstanceOf(IllegalArgumentException.class)));
        assertThat(discarded).containsExactly("a", "b");
    }

    @Test
    void emptyIsNoSuchElement() {
        run(LoopClock.virtual(), () -> {
            assertThatThrownBy(() -> awaitSingle(Flux.empty().hide()))
                    .isInstanceOf(NoSuchElementException.class)
                    .hasMessageContaining("awaitSingleOptional");
            assertThatThrownBy(() -> awaitSingle(Mono.empty())).isInstanceOf(NoSuchElementException.class);
        });
    }

    @Test
    void optionalVariantAnswersEmptyButStillRejectsTooMany() {
        run(LoopClock.virtual(), () -> {
            assertThat(awaitSingleOptional(Flux.<String>empty().hide())).isEmpty();
            assertThat(awaitSingleOptional(Flux.just("x").hide())).contains("x");
            assertThat(awaitSingleOptional(Mono.just("y"))).contains("y");
            assertThatThrownBy(() -> awaitSingleOptional(Flux.just("a", "b")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("emitted more than one item");
        });
    }

    @Test
    void errorIsThrownUnchanged() {
        IllegalStateException boom = new IllegalStateException("boom");
        run(LoopClock.virtual(), () -> {
            assertThatThrownBy(() -> awaitSingle(Flux.just("a").concatWith(Flux.error(boom)))).isSameAs(boom);
            assertThatThrownBy(() -> awaitSingleOptional(Flux.error(boom))).isSameAs(boom);
        });
    }

    @Test
    void itemFromAnotherThreadResumesTheTask() {
        run(LoopClock.virtual(), () -> {
            String v = awaitSingle(Flux.just("x").delayElements(Duration.ofMillis(5)).publishOn(Schedulers.parallel()));
            assertThat(v).isEqualTo("x");
        });
    }

    @Test
    void cancellingTheTaskCancelsTheSubscription() {
        AtomicInteger cancels = new AtomicInteger();
        run(LoopClock.virtual(), () -> {
            Task<String> waiter = createTask(() -> awaitSingle(Flux.<String>never().doOnCancel(cancels::incrementAndGet)));
            sleep(Duration.ZERO);
            waiter.cancel();
            assertThat(cancels).hasValue(1);
            assertThatThrownBy(() -> Async.await(waiter)).isInstanceOf(CancelledException.class);
        });
    }
}
