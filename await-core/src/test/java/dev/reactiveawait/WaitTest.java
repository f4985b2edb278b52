package dev.reactiveawait;

import static dev.reactiveawait.Async.asCompleted;
import static dev.reactiveawait.Async.await;
import static dev.reactiveawait.Async.createTask;
import static dev.reactiveawait.Async.currentLoop;
import static dev.reactiveawait.Async.run;
import static dev.reactiveawait.Async.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code Async.wait} and {@code asCompleted} beyond the CPython traces. */
@Timeout(10)
class WaitTest {

    private static Duration seconds(long n) {
        return Duration.ofSeconds(n);
    }

    private static Task<Integer> after(long s, int value) {
        return createTask(() -> {
            sleep(seconds(s));
            return value;
        });
    }

    @Test
    void bothSetsKeepTheArgumentOrderCountDuplicatesOnceAndAreUnmodifiable() {
        run(LoopClock.virtual(), () -> {
            Task<Integer> c = after(3, 3);
            Task<Integer> a = after(1, 1);
            Task<Integer> b = after(2, 2);
            Task<Integer> d = after(4, 4);
            WaitResult<Task<Integer>> r = Async.wait(List.of(d, b, a, c, b), ReturnWhen.ALL_COMPLETED, Duration.ofMillis(2500));
            assertThat(r.done()).containsExactly(b, a);
            assertThat(r.pending()).containsExactly(d, c);
            assertThatThrownBy(() -> r.done().clear()).isInstanceOf(UnsupportedOperationException.class);
            await(d);
        });
    }

    @Test
    void promisesWorkLikeTasks() {
        run(LoopClock.virtual(), () -> {
            Promise<String> p = Promise.create();
            currentLoop().callLater(seconds(1), () -> p.succeed("filled"));
            WaitResult<Promise<String>> r = Async.wait(List.of(p), ReturnWhen.FIRST_COMPLETED, null);
            assertThat(r.done()).containsExactly(p);
        });
    }

    @Test
    void cancellingTheWaitingTaskLeavesTheAwaitablesAlone() {
        run(LoopClock.virtual(), () -> {
            Task<Integer> slow = after(5, 5);
            Task<WaitResult<Task<Integer>>> waiter =
                    createTask(() -> Async.wait(List.of(slow), ReturnWhen.ALL_COMPLETED, null));
            sleep(seconds(1));
            waiter.cancel();
            assertThatThrownBy(() -> await(waiter)).isInstanceOf(CancelledException.class);
            assertThat(slow.isCancelled()).isFalse();
            assertThat(await(slow)).isEqualTo(5);
        });
    }

    @Test
    void waitRefusesAnAwaitableOfAnotherLoopAndNeedsATask() {
        try (EventLoop other = EventLoop.create(LoopClock.virtual())) {
            Promise<String> foreign = Promise.create(other);
            run(LoopClock.virtual(), () -> {
                assertThatThrownBy(() -> Async.wait(List.of(foreign), ReturnWhen.ALL_COMPLETED, null))
                        .isInstanceOf(WrongThreadException.class).hasMessageContaining("another event loop");
            });
            assertThatThrownBy(() -> Async.wait(List.of(foreign), ReturnWhen.ALL_COMPLETED, null))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("outside any event loop");
        }
    }

    // ---------------------------------------------------------------- asCompleted

    @Test
    void asCompletedOfNothingYieldsNothingAndIteratesOnce() {
        run(LoopClock.virtual(), () -> {
            Iterable<Task<Integer>> none = asCompleted(List.of(), seconds(1));
            assertThat(none.iterator().hasNext()).isFalse();
            assertThatThrownBy(none::iterator).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("iterated once");
        });
    }

    @Test
    void asCompletedCountsDuplicatesOnceAndEndsWithNoSuchElement() {
        run(LoopClock.virtual(), () -> {
            Task<Integer> a = after(2, 2);
            Task<Integer> b = after(1, 1);
            List<Integer> seen = new ArrayList<>();
            Iterator<Task<Integer>> it = asCompleted(List.of(a, b, a), null).iterator();
            while (it.hasNext()) {
                seen.add(it.next().result());
            }
            assertThat(seen).containsExactly(1, 2);
            assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
        });
    }

    @Test
    void cancellingTheIteratingTaskThrowsFromNextAndLeavesTheAwaitablesAlone() {
        run(LoopClock.virtual(), () -> {
            Task<Integer> slow = after(5, 5);
            Task<Integer> consumer = createTask(() -> asCompleted(List.of(slow), null).iterator().next().result());
            sleep(seconds(1));
            consumer.cancel();
            assertThatThrownBy(() -> await(consumer)).isInstanceOf(CancelledException.class);
            assertThat(await(slow)).isEqualTo(5);
        });
    }

    @Test
    void nextOutsideATaskIsRefused() {
        run(LoopClock.virtual(), () -> {
            Task<Integer> a = after(1, 1);
            Iterator<Task<Integer>> it = asCompleted(List.of(a), null).iterator();
            Promise<Throwable> thrown = Promise.create();
            currentLoop().callSoon(() -> {
                try {
                    it.next();
                } catch (Throwable e) {
                    thrown.trySucceed(e);
                }
            });
            assertThat(await(thrown)).isInstanceOf(IllegalStateException.class).hasMessageContaining("outside a task");
            assertThat(it.next().result()).isEqualTo(1);
        });
    }
}
