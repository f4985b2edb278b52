package dev.reactiveawait.reactor;

import static dev.reactiveawait.Async.createTask;
import static dev.reactiveawait.Async.run;
import static dev.reactiveawait.Async.sleep;
import static dev.reactiveawait.reactor.ReactorAwait.awaitLast;
import static dev.reactiveawait.reactor.ReactorAwait.awaitLastOptional;
import static dev.reactiveawait.reactor.ReactorAwait.awaitList;
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
class AwaitLastAndListTest {
    @RegisterExtension
    final DroppedSignals drops = new DroppedSignals();

    @Test
    void awaitLastReturnsTheLastItemAtCompletion() {
        run(LoopClock.virtual(), () -> {
            assertThat(awaitLast(Flux.range(1, 10).hide())).isEqualTo(10);
            assertThat(awaitLast(Flux.just("only"))).isEqualTo("only");
            assertThat(awaitLast(Mono.just("m").hide())).isEqualTo("m");
        });
    }

    @Test
    void awaitLastOfAnEmptySequenceIsNoSuchElementAndOptionalIsEmpty() {
        run(LoopClock.virtual(), () -> {
            assertThatThrownBy(() -> awaitLast(Flux.empty().hide()))
                    .isInstanceOf(NoSuchElementException.class)
                    .hasMessageContaining("awaitLast(")
                    .hasMessageContaining("awaitLastOptional");
            assertThat(awaitLastOptional(Flux.<String>empty().hide())).isEmpty();
            assertThat(awaitLastOptional(Flux.just("a", "b").hide())).contains("b");
        });
    }

    @Test
    void awaitLastDiscardsTheItemsItReplaces() {
        List<Object> discarded = new CopyOnWriteArrayList<>();
        run(LoopClock.virtual(), () -> ReactorAwait.withContext(Operators.enableOnDiscard(Context.empty(), discarded::add),
                () -> assertThat(awaitLast(Flux.just("a", "b", "c"))).isEqualTo("c")));
        assertThat(discarded).containsExactly("a", "b");
    }

    @Test
    void awaitLastWaitsForCompletionAcrossThreads() {
        run(LoopClock.virtual(), () -> {
            long last = awaitLast(Flux.interval(Duration.ofMillis(1)).take(5).publishOn(Schedulers.parallel()));
            assertThat(last).isEqualTo(4);
        });
    }

    @Test
    void awaitLastErrorIsThrownUnchangedAfterItems() {
        IllegalStateException boom = new IllegalStateException("boom");
        run(LoopClock.virtual(), () -> assertThatThrownBy(() -> awaitLast(Flux.just(1, 2).concatWith(Flux.error(boom))))
                .isSameAs(boom));
    }

    @Test
    void awaitListReturnsAllItemsInOrder() {
        run(LoopClock.virtual(), () -> {
            assertThat(awaitList(Flux.range(0, 1000).hide())).hasSize(1000).startsWith(0, 1, 2).endsWith(999);
            assertThat(awaitList(Flux.range(0, 10_000).publishOn(Schedulers.parallel())))
                    .hasSize(10_000).isSorted();
            assertThat(awaitList(Flux.just("x"))).containsExactly("x");
            assertThat(awaitList(Mono.just("m").hide())).containsExactly("m");
        });
    }

    @Test
    void awaitListOfAnEmptySequenceIsAnEmptyMutableList() {
        run(LoopClock.virtual(), () -> {
            List<String> none = awaitList(Flux.<String>empty().hide());
            assertThat(none).isEmpty();
            none.add("mine");
            assertThat(awaitList(Flux.<String>empty())).isEmpty();
        });
    }

    @Test
    void awaitListErrorIsThrownUnchanged() {
        IllegalStateException boom = new IllegalStateException("boom");
        run(LoopClock.virtual(), () -> assertThatThrownBy(() -> awaitList(Flux.just(1).concatWith(Flux.error(boom))))
                .isSameAs(boom));
    }

    @Test
    void cancellingTheTaskCancelsTheSubscriptionAndLateItemsAreDiscarded() {
        TestPublisher<String> source = TestPublisher.createNoncompliant(TestPublisher.Violation.DEFER_CANCELLATION);
        List<Object> discarded = new CopyOnWriteArrayList<>();
        AtomicInteger cancels = new AtomicInteger();
        run(LoopClock.virtual(), () -> ReactorAwait.withContext(Operators.enableOnDiscard(Context.empty(), discarded::add), () -> {
            Task<List<String>> waiter = createTask(() -> awaitList(source.flux().doOnCancel(cancels::incrementAndGet)));
            sleep(Duration.ZERO);
            source.next("a", "b");
            waiter.cancel();
            assertThat(cancels).hasValue(1);
            assertThatThrownBy(() -> Async.await(waiter)).isInstanceOf(CancelledException.class);
            source.next("late");
        }));
        assertThat(discarded).containsExactly("a", "b");
        assertThat(drops.takeItems()).containsExactly("late");
    }
}
