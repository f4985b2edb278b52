package dev.reactiveawait;

import static dev.reactiveawait.Async.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link Task}: its state rules, cancellation (asyncio 3.11's {@code cancelling}/{@code uncancel}
 * included, and from other threads) and names. The orderings are in {@link CPythonTraceTest}; here
 * are the exact exceptions and the cases CPython cannot express.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TaskTest {

    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void resultAndExceptionOfAPendingTaskThrowInvalidStateExceptionNamingTheTask() {
        run(LoopClock.virtual(), () -> {
            Task<Integer> t = createTask("slow", () -> 1);
            assertThatThrownBy(t::result)
                    .isExactlyInstanceOf(InvalidStateException.class)
                    .hasMessageContaining("Result is not set")
                    .hasMessageContaining("slow");
            assertThatThrownBy(t::exception)
                    .isExactlyInstanceOf(InvalidStateException.class)
                    .hasMessageContaining("Exception is not set")
                    .hasMessageContaining("slow");
            assertThat(await(t)).isEqualTo(1);
            assertThat(t.result()).isEqualTo(1);
            assertThat(t.exception()).isNull();
        });
    }

    @Test
    void cancelBeforeTheFirstStepNeverRunsTheBody() {
        AtomicBoolean bodyRan = new AtomicBoolean();
        AtomicBoolean finallyRan = new AtomicBoolean();
        AtomicReference<Task<Integer>> task = new AtomicReference<>();
        Throwable thrown = run(LoopClock.virtual(), () -> {
            Task<Integer> t = createTask(() -> {
                try {
                    bodyRan.set(true);
                    return 1;
                } finally {
                    finallyRan.set(true);
                }
            });
            task.set(t);
            assertThat(t.cancel("too early")).isTrue();
            return catchThrowable(() -> await(t));
        });
        assertThat(thrown).isExactlyInstanceOf(CancelledException.class).hasMessage("too early");
        Task<Integer> t = task.get();
        assertThat(bodyRan).isFalse();
        assertThat(finallyRan).isFalse();
        assertThat(t.isDone()).isTrue();
        assertThat(t.isCancelled()).isTrue();
        assertThat(t.cancel()).as("cancel of a done task").isFalse();
        assertThatThrownBy(t::result).isExactlyInstanceOf(CancelledException.class).hasMessage("too early");
        assertThatThrownBy(t::exception).isExactlyInstanceOf(CancelledException.class).hasMessage("too early");
    }

    @Test
    void aTaskThatCatchesItsCancellationAndReturnsAValueEndsDone() {
        AtomicReference<Task<String>> task = new AtomicReference<>();
        String result = run(LoopClock.virtual(), () -> {
            Task<String> t = createTask(() -> {
                try {
                    sleep(HOUR);
                    return "slept";
                } catch (CancelledException e) {
                    return "recovered from " + e.getMessage();
                }
            });
            task.set(t);
            sleep(Duration.ZERO); // t now sleeps
            assertThat(t.cancel("stop")).isTrue();
            return await(t);
        });
        assertThat(result).isEqualTo("recovered from stop");
        assertThat(task.get().isCancelled()).isFalse();
        assertThat(task.get().result()).isEqualTo("recovered from stop");
    }

    @Test
    void cancellingCountsRequestsAndUncancelTakesThemBackDownToZero() {
        List<Integer> seenInside = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<Task<String>> task = new AtomicReference<>();
        String result = run(LoopClock.virtual(), () -> {
            Task<String> t = createTask(() -> {
                try {
                    sleep(HOUR);
                    return "slept";
                } catch (CancelledException e) {
                    Task<?> me = Objects.requireNonNull(currentTask());
                    seenInside.add(me.cancelling());
                    seenInside.add(me.uncancel());
                    seenInside.add(me.uncancel());
                    seenInside.add(me.uncancel()); // nothing left to take back
                    return "kept going";
                }
            });
            task.set(t);
            sleep(Duration.ZERO);
            assertThat(t.cancelling()).isZero();
            t.cancel();
            t.cancel();
            assertThat(t.cancelling()).isEqualTo(2);
            return await(t);
        });
        assertThat(result).isEqualTo("kept going");
        assertThat(seenInside).containsExactly(2, 1, 0, 0);
        assertThat(task.get().cancelling()).isZero();
        assertThat(task.get().isCancelled()).isFalse();
    }

    @Test
    void cancelFromAForeignThreadIsForwardedToTheLoopAndDelivered() {
        AtomicInteger finallies = new AtomicInteger();
        AtomicReference<Promise<Void>> awaited = new AtomicReference<>();
        Throwable thrown = run(() -> { // real clock: the loop idles until the canceller posts
            Promise<Void> never = Promise.create();
            awaited.set(never);
            Task<Void> worker = createTask("worker", () -> {
                try {
                    await(never);
                } finally {
                    finallies.incrementAndGet();
                }
            });
            sleep(Duration.ZERO); // worker now awaits `never`
            Threads.start("canceller", () -> worker.cancel("from outside"));
            return catchThrowable(() -> await(worker));
        });
        assertThat(thrown).isExactlyInstanceOf(CancelledException.class).hasMessage("from outside");
        assertThat(finallies).hasValue(1);
        assertThat(awaited.get().isCancelled()).as("cancelling a task cancels what it awaits").isTrue();
    }

    /**
     * {@code cancel()} returns whether the task was still pending. From a foreign thread the request
     * is posted to the loop, which may cancel the task before the call returns: it must still say
     * {@code true}. Repeated, because the loop has to win a race for the mistake to show.
     */
    @Test
    void cancelFromAForeignThreadReturnsTrueForAPendingTaskEvenIfTheLoopFinishesItFirst() {
        List<Boolean> returned = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 30; i++) {
            run(() -> {
                Promise<Void> never = Promise.create();
                Task<Void> worker = createTask(() -> {
                    await(never);
                });
                sleep(Duration.ZERO); // worker now awaits `never`
                CompletableFuture<Boolean> cancel = new CompletableFuture<>();
                Threads.start("canceller", () -> cancel.complete(worker.cancel()));
                assertThat(catchThrowable(() -> await(worker))).isExactlyInstanceOf(CancelledException.class);
                returned.add(await(cancel));
            });
        }
        assertThat(returned).hasSize(30).containsOnly(true);
    }

    @Test
    void namesAreGivenOrTaskNAndCanBeChanged() {
        run(LoopClock.virtual(), () -> {
            Task<Void> named = createTask("worker", () -> {});
            assertThat(named.name()).isEqualTo("worker");
            named.setName("renamed");
            assertThat(named.name()).isEqualTo("renamed");
            assertThat(named.toString()).contains("renamed");
            assertThatThrownBy(() -> named.setName(null)).isInstanceOf(NullPointerException.class);
            assertThat(named.name()).isEqualTo("renamed");
            await(named);
        });
    }

    @Test
    void defaultNamesAreNumberedInCreationOrderWhicheverIsAskedFirst() {
        run(LoopClock.virtual(), () -> {
            Task<Void> first = createTask(() -> {});
            Task<Void> second = createTask(() -> {});
            String secondName = second.name(); // asked first
            String firstName = first.name();
            assertThat(firstName).matches("Task-\\d+");
            assertThat(secondName).matches("Task-\\d+");
            long n1 = Long.parseLong(firstName.substring("Task-".length()));
            long n2 = Long.parseLong(secondName.substring("Task-".length()));
            assertThat(n2).isGreaterThan(n1);
            await(gather(first, second));
        });
    }

    @Test
    void aTaskSaysWhatItWaitsFor() {
        List<String> seen = run(LoopClock.virtual(), () -> {
            Promise<String> never = Promise.create();
            Task<Void> sleeper = createTask("sleeper", () -> sleep(Duration.ofHours(1)));
            Task<String> awaiter = createTask("awaiter", () -> await(never));
            sleep(Duration.ZERO);
            List<String> strings = List.of(sleeper.toString(), awaiter.toString());
            sleeper.cancel();
            awaiter.cancel();
            return strings;
        });
        assertThat(seen).containsExactly("Task[sleeper, PENDING, waiting on sleep]",
                "Task[awaiter, PENDING, waiting on Promise]");
    }
}
