package dev.reactiveawait.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reactiveawait.VirtualClock;
import dev.reactiveawait.test.AsyncTest;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The tutorial's programs under {@code @AsyncTest} (issue 6, "Proof"): each test body is the main
 * task of a virtual-clock loop, calls the program's coroutine directly and asserts what it printed
 * and how many virtual seconds it took (10 jobs: 9 s; sequential 3 s; concurrent 2 s).
 */
class TutorialAsyncTest {
    private static final LocalTime TUTORIAL_START = LocalTime.of(17, 13, 52);

    private final List<String> lines = new ArrayList<>();
    private final Console console = new Console(lines::add, TUTORIAL_START);

    @AsyncTest
    void tenJobsGatheredTakeNineVirtualSeconds(VirtualClock clock) {
        TenJobs.main(console);

        assertThat(lines).containsExactly("[0, 332833500, 2664667000, 8995500500, 21325334000, 41654167500, "
                + "71982001000, 114308834500, 170634668000, 242959501500]");
        assertThat(clock.nanoTime()).isEqualTo(Duration.ofSeconds(9).toNanos());
    }

    @AsyncTest
    void sequentialAwaitsTakeThreeVirtualSeconds(VirtualClock clock) {
        SayAfter.sequential(console);

        assertThat(lines).containsExactly("started at 17:13:52", "hello", "world", "finished at 17:13:55");
        assertThat(clock.nanoTime()).isEqualTo(Duration.ofSeconds(3).toNanos());
    }

    @AsyncTest
    void concurrentTasksTakeTwoVirtualSeconds(VirtualClock clock) {
        SayAfter.concurrent(console);

        assertThat(lines).containsExactly("started at 17:13:52", "hello", "world", "finished at 17:13:54");
        assertThat(clock.nanoTime()).isEqualTo(Duration.ofSeconds(2).toNanos());
    }
}
