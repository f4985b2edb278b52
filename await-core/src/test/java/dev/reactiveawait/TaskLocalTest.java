package dev.reactiveawait;

import static dev.reactiveawait.Async.await;
import static dev.reactiveawait.Async.createTask;
import static dev.reactiveawait.Async.currentLoop;
import static dev.reactiveawait.Async.run;
import static dev.reactiveawait.Async.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Task-local values behave like asyncio's contextvars: copied at createTask, never leaking back. */
@Timeout(10)
class TaskLocalTest {
    private static final TaskLocal<String> REQUEST = TaskLocal.withInitial("request", () -> "none");

    @Test
    void aChildStartsWithItsParentsValueAtCreation() {
        List<String> seen = run(LoopClock.virtual(), () -> {
            REQUEST.set("r-1");
            Task<String> child = createTask(REQUEST::get);
            REQUEST.set("r-2"); // after createTask: the child keeps r-1
            return List.of(await(child), REQUEST.get());
        });

        assertThat(seen).containsExactly("r-1", "r-2");
    }

    @Test
    void whatAChildSetsNeverReachesItsParentOrSiblings() {
        List<String> seen = run(LoopClock.virtual(), () -> {
            REQUEST.set("parent");
            Task<String> a = createTask(() -> {
                REQUEST.set("a");
                sleep(Duration.ofSeconds(1));
                return REQUEST.get();
            });
            Task<String> b = createTask(() -> {
                sleep(Duration.ofSeconds(2));
                return REQUEST.get();
            });
            List<String> out = new ArrayList<>();
            out.add(await(a));
            out.add(await(b));
            out.add(REQUEST.get());
            return out;
        });

        assertThat(seen).containsExactly("a", "parent", "parent");
    }

    @Test
    void outsideATaskGetReturnsTheInitialValueAndSetIsRefused() {
        assertThat(REQUEST.get()).isEqualTo("none");
        assertThatIllegalStateException().isThrownBy(() -> REQUEST.set("x")).withMessageContaining("outside a task");

        List<String> inCallback = new ArrayList<>();
        run(LoopClock.virtual(), () -> {
            REQUEST.set("task value");
            Promise<Void> ran = Promise.create();
            currentLoop().callSoon(() -> {
                inCallback.add(REQUEST.get());
                ran.trySucceed(null);
            });
            await(ran);
        });
        assertThat(inCallback).containsExactly("none");
    }

    @Test
    void aLocalNamedWithoutInitialIsNullUntilSet() {
        TaskLocal<Integer> n = TaskLocal.named("n");
        Integer[] seen = run(LoopClock.virtual(), () -> {
            Integer before = n.get();
            n.set(7);
            return new Integer[] {before, n.get()};
        });

        assertThat(seen).containsExactly(null, 7);
    }
}
