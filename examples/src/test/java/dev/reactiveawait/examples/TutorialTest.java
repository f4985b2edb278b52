package dev.reactiveawait.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reactiveawait.Async;
import dev.reactiveawait.LoopClock;
import dev.reactiveawait.VirtualClock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The tutorial's programs print what CPython prints (expected lines copied from the tutorial or
 * from running its Python under CPython 3.11) and take the same time, on a virtual clock.
 */
@Timeout(10)
class TutorialTest {
    private static final LocalTime TUTORIAL_START = LocalTime.of(17, 13, 52);

    private final List<String> lines = new ArrayList<>();
    private final VirtualClock clock = LoopClock.virtual();

    private void run(Consumer<Console> program) {
        Console console = new Console(lines::add, TUTORIAL_START);
        Async.run(clock, () -> program.accept(console));
    }

    @Test
    void tenJobsGatheredPrintResultsInOrderAfterNineSeconds() {
        run(TenJobs::main);

        assertThat(lines).containsExactly("[0, 332833500, 2664667000, 8995500500, 21325334000, 41654167500, "
                + "71982001000, 114308834500, 170634668000, 242959501500]");
        assertThat(clock.nanoTime()).isEqualTo(Duration.ofSeconds(9).toNanos());
    }

    @Test
    void tasksStartInCreationOrderAndTheSleeperEndsLast() {
        run(TaskOrdering::main);

        assertThat(lines).containsExactly("main start", "main middle", "T1 start", "T3 start", "T3 end",
                "T2 start", "T2 end", "T1 end", "main end");
        assertThat(clock.nanoTime()).isEqualTo(Duration.ofSeconds(2).toNanos());
    }

    @Test
    void sequentialAwaitsTakeThreeSeconds() {
        run(SayAfter::sequential);

        assertThat(lines).containsExactly("started at 17:13:52", "hello", "world", "finished at 17:13:55");
    }

    @Test
    void concurrentTasksTakeTwoSeconds() {
        run(SayAfter::concurrent);

        assertThat(lines).containsExactly("started at 17:13:52", "hello", "world", "finished at 17:13:54");
    }

    @Test
    void thePizzaMaterializesInTheBoxWhileWeChat() {
        run(PizzaBox::main);

        assertThat(lines).containsExactly(
                "ordered; got a box at 17:13:52",
                "lift the lid at 17:14:02: not yet",
                "hungry at 17:14:07, keeping the lid open",
                "pizza at 17:14:09");
    }
}
