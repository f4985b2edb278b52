package dev.reactiveawait.testkit;

import static dev.reactiveawait.Async.allTasks;
import static dev.reactiveawait.Async.await;
import static dev.reactiveawait.Async.createTask;
import static dev.reactiveawait.Async.currentTask;
import static dev.reactiveawait.Async.run;
import static dev.reactiveawait.Async.sleep;
import static dev.reactiveawait.Async.timeout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reactiveawait.LoopClock;
import dev.reactiveawait.Task;
import dev.reactiveawait.VoidCoroutine;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Runs one cell of a bridge's fault matrix (an await or an iteration of a
 * {@link MisbehavingPublisher}) in the three places the matrices try, and checks what every cell
 * must do there whatever its outcome: the loop is not hung and no task is left behind, the plain
 * thread is not left blocked, a timeout ends a cell that never ends. What the cell returned, threw
 * and left in the library's hooks is the caller's to check against its table.
 */
public final class FaultCell {
    private FaultCell() {}

    /**
     * Runs {@code cell} as a task on a virtual-clock loop while another task takes three rounds; a
     * {@code pending} cell is cancelled once the other is done.
     *
     * @param cell the await or iteration
     * @param pending whether the cell waits until cancelled
     * @return what awaiting the cell's task threw, or {@code null}
     */
    public static @Nullable Throwable inATask(VoidCoroutine cell, boolean pending) {
        AtomicReference<@Nullable Throwable> thrown = new AtomicReference<>();
        run(LoopClock.virtual(), () -> {
            Task<Void> task = createTask(cell);
            Task<Integer> other = createTask(() -> {
                int rounds = 0;
                for (; rounds < 3; rounds++) {
                    sleep(Duration.ZERO);
                }
                return rounds;
            });
            assertThat(await(other)).as("another task ran meanwhile").isEqualTo(3);
            if (pending) {
                assertThat(task.isDone()).as("still waiting").isFalse();
                task.cancel();
            }
            try {
                await(task);
            } catch (Throwable e) {
                thrown.set(e);
            }
            assertThat(task.isDone()).isTrue();
            assertThat(allTasks()).as("no task left behind").containsExactly(currentTask());
        });
        return thrown.get();
    }

    /**
     * Runs {@code cell} on a platform thread of its own, where an await blocks; a {@code pending}
     * cell is interrupted (how a plain thread cancels a blocking call) once the thread blocks.
     *
     * @param name the thread's name
     * @param cell the await or iteration
     * @param pending whether the cell waits until cancelled
     * @return what the cell threw, or {@code null}
     * @throws InterruptedException if interrupted while joining the thread
     */
    public static @Nullable Throwable onAPlainThread(String name, VoidCoroutine cell, boolean pending)
            throws InterruptedException {
        AtomicReference<@Nullable Throwable> thrown = new AtomicReference<>();
        Thread plain = Thread.ofPlatform().name(name).start(() -> {
            try {
                cell.run();
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        if (pending) {
            awaitParked(plain);
            plain.interrupt();
        }
        plain.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(plain.isAlive()).as("the plain thread is still blocked").isFalse();
        return thrown.get();
    }

    /**
     * Runs {@code cell}, which never ends, under a 30 s timeout on an autojumping virtual clock:
     * it must end with a {@link TimeoutException} and leave no task behind.
     *
     * @param cell the await or iteration
     */
    public static void underATimeout(VoidCoroutine cell) {
        run(LoopClock.virtual().autojump(Duration.ZERO), () -> {
            assertThatThrownBy(() -> timeout(Duration.ofSeconds(30), cell)).isInstanceOf(TimeoutException.class);
            assertThat(allTasks()).containsExactly(currentTask());
        });
    }

    /**
     * Checks what a cell threw against its table: nothing, or an exception of type {@code error}
     * whose message contains {@code messagePart} (any message if it is empty).
     *
     * @param thrown what the cell threw, or {@code null}
     * @param error the expected type, or {@code null} for none
     * @param messagePart a part of the expected message, or empty
     */
    public static void assertThrown(@Nullable Throwable thrown, @Nullable Class<? extends Throwable> error, String messagePart) {
        if (error == null) {
            assertThat(thrown).as("exception").isNull();
        } else {
            assertThat(thrown).as("exception").isInstanceOf(error);
            if (!messagePart.isEmpty()) {
                assertThat(thrown).hasMessageContaining(messagePart);
            }
        }
    }

    /**
     * Checks what the source saw once the cell ended: the items the cell got, the null item thrown
     * back at it (rule 2.13), how many times each subscription was cancelled, and no request on the
     * second or late one. For {@link MisbehavingPublisher.Fault#NO_ON_SUBSCRIBE} it first sends the
     * onSubscribe that never came, which must be cancelled at once.
     *
     * @param source the source of the cell
     * @param seen the items the cell got
     * @param items the items it should have got
     * @param cancels how many times the first subscription should have been cancelled
     * @param extraCancels how many times the second or late one should have been
     */
    public static void assertSourceLeftClean(MisbehavingPublisher source, List<String> seen, List<String> items,
            int cancels, int extraCancels) {
        if (source.fault == MisbehavingPublisher.Fault.NO_ON_SUBSCRIBE) {
            source.subscribeLate(); // after the await ended: this subscription must be cancelled at once
        }
        assertThat(seen).as("items").containsExactlyElementsOf(items);
        if (source.fault == MisbehavingPublisher.Fault.NULL_ON_NEXT) {
            assertThat(source.thrownBack).as("rule 2.13: thrown back to the source").hasSize(1);
            assertThat(source.thrownBack.get(0)).isInstanceOf(NullPointerException.class).hasMessageContaining("rule 2.13");
        }
        assertThat(source.upstream.cancels).as("cancellations of the subscription").hasValue(cancels);
        assertThat(source.extra.cancels).as("cancellations of the second or late subscription").hasValue(extraCancels);
        assertThat(source.extra.requests).as("requests on the second or late subscription").isEmpty();
    }

    /** Waits (at most 10 s) until the thread parks, blocked in the await. */
    private static void awaitParked(Thread thread) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(thread.getState()).as("the plain thread blocks").isEqualTo(Thread.State.WAITING);
    }
}
