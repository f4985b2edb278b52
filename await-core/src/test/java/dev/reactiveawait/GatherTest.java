package dev.reactiveawait;

import static dev.reactiveawait.Async.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code gather} and {@code gatherSettled} beyond the orderings of {@link CPythonTraceTest}: bad
 * input, the empty and duplicate cases, and the {@link Outcome}s of {@code gatherSettled}.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GatherTest {

    @Test
    void gatheringAnAwaitableOfAnotherLoopThrows() {
        try (EventLoop other = EventLoop.create(LoopClock.virtual())) {
            Promise<Integer> foreign = Promise.create(other);
            run(LoopClock.virtual(), () -> {
                Promise<Integer> local = Promise.create();
                assertThatThrownBy(() -> gather(local, foreign))
                        .isExactlyInstanceOf(WrongThreadException.class)
                        .hasMessageContaining("another event loop");
                assertThatThrownBy(() -> gatherSettled(List.of(local, foreign)))
                        .isExactlyInstanceOf(WrongThreadException.class)
                        .hasMessageContaining("another event loop");
            });
        }
    }

    @Test
    void anEmptyGatherIsAnEmptyListAtOnce() {
        run(LoopClock.virtual(), () -> {
            Awaitable<List<Object>> none = gather();
            assertThat(none.isDone()).isTrue();
            assertThat(await(none)).isEmpty();
            assertThat(await(gather(List.<Awaitable<Integer>>of()))).isEmpty();
            assertThat(await(gatherSettled())).isEmpty();
        });
    }

    @Test
    void aDuplicateIsAwaitedOnceAndListedAtEachOfItsPositions() {
        AtomicInteger runs = new AtomicInteger();
        List<Integer> results = run(LoopClock.virtual(), () -> {
            Task<Integer> seven = createTask(() -> {
                runs.incrementAndGet();
                sleep(Duration.ofSeconds(1));
                return 7;
            });
            Promise<Integer> eight = Promise.create();
            currentLoop().callLater(Duration.ofSeconds(2), () -> eight.succeed(8));
            return await(gather(seven, eight, seven));
        });
        assertThat(results).containsExactly(7, 8, 7);
        assertThat(runs).hasValue(1);
    }

    @Test
    void gatherSettledReportsAValueAFailureAndACancellationAsOutcomes() {
        IOException boom = new IOException("boom");
        List<Outcome<String>> outcomes = run(LoopClock.virtual(), () -> {
            Task<String> ok = createTask(() -> "fine");
            Task<String> failing = createTask(() -> {
                throw boom;
            });
            Task<String> cancelled = createTask(() -> {
                sleep(Duration.ofHours(1));
                return "never";
            });
            currentLoop().callLater(Duration.ofSeconds(1), () -> cancelled.cancel("enough"));
            return await(gatherSettled(ok, failing, cancelled));
        });
        assertThat(outcomes).hasSize(3);
        assertThat(outcomes.get(0)).isEqualTo(new Outcome.Success<>("fine"));
        assertThat(outcomes.get(1)).isInstanceOfSatisfying(Outcome.Failure.class,
                f -> assertThat(f.error()).isSameAs(boom));
        assertThat(outcomes.get(2)).isInstanceOfSatisfying(Outcome.Failure.class,
                f -> assertThat(f.error()).isExactlyInstanceOf(CancelledException.class).hasMessage("enough"));
    }

    @Test
    void aFailedDuplicateIsReportedAtEachOfItsPositionsAsTheSameException() {
        IOException boom = new IOException("boom");
        List<Outcome<String>> outcomes = run(LoopClock.virtual(), () -> {
            Task<String> failing = createTask(() -> {
                throw boom;
            });
            return await(gatherSettled(failing, failing));
        });
        assertThat(outcomes).hasSize(2).allSatisfy(o -> assertThat(o).isInstanceOfSatisfying(Outcome.Failure.class,
                f -> assertThat(f.error()).isSameAs(boom)));
    }
}
