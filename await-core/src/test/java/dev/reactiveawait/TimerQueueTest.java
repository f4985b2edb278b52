package dev.reactiveawait;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The timer heap against a sorted list, with cancellations, equal deadlines and purges. */
class TimerQueueTest {
    private record Entry(long when, long order, TimerHandle handle) {}

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void firesInDeadlineThenSchedulingOrderWhateverIsCancelled(long seed) {
        Random random = new Random(seed);
        TimerQueue queue = new TimerQueue();
        List<Entry> model = new ArrayList<>();
        long order = 0;
        long now = 0;
        for (int step = 0; step < 5_000; step++) {
            int op = random.nextInt(10);
            if (op < 5) {
                long when = now + random.nextInt(50); // many equal deadlines
                model.add(new Entry(when, order++, queue.schedule(when, (Runnable) () -> {})));
            } else if (op < 8 && !model.isEmpty()) {
                Entry victim = model.remove(random.nextInt(model.size()));
                victim.handle().cancel();
            } else {
                now += random.nextInt(20);
                model.sort(Comparator.comparingLong(Entry::when).thenComparingLong(Entry::order));
                TimerHandle due;
                while ((due = queue.pollDue(now)) != null) {
                    Entry expected = model.remove(0);
                    assertThat(due).as("seed %d step %d", seed, step).isSameAs(expected.handle());
                    assertThat(due.when()).isLessThanOrEqualTo(now);
                    assertThat(due.queued).isFalse();
                }
                long at = now;
                assertThat(model).as("seed %d step %d: nothing due is left", seed, step)
                        .allMatch(e -> e.when() > at);
            }
            assertThat(queue.size()).as("seed %d step %d", seed, step).isEqualTo(model.size());
        }
    }

    @Test
    void aMajorityOfCancelledTimersIsPurgedAndTheRestKeepsItsOrder() {
        TimerQueue queue = new TimerQueue();
        List<TimerHandle> kept = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            TimerHandle h = queue.schedule(1_000 - i % 10, (Runnable) () -> {});
            if (i % 4 == 0) {
                kept.add(h);
            } else {
                h.cancel();
            }
        }
        assertThat(queue.size()).isEqualTo(250);
        kept.sort(Comparator.comparingLong(TimerHandle::when)); // stable: scheduling order among equals
        List<TimerHandle> fired = new ArrayList<>();
        TimerHandle due;
        while ((due = queue.pollDue(Long.MAX_VALUE)) != null) {
            fired.add(due);
        }
        assertThat(fired).containsExactlyElementsOf(kept);
        assertThat(queue.isEmpty()).isTrue();
    }
}
