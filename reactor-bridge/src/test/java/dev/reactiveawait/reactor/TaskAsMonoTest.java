package dev.reactiveawait.reactor;

import static dev.reactiveawait.reactor.ReactorTasks.mono;
import static dev.reactiveawait.reactor.ReactorTasks.toMono;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reactiveawait.Async;
import dev.reactiveawait.CancelledException;
import dev.reactiveawait.Coroutine;
import dev.reactiveawait.Task;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class TaskAsMonoTest extends PublisherContractTest {

    @Override
    Publisher<Integer> publisherOf(Coroutine<@Nullable Integer> body) {
        return toMono(taskOf(body));
    }

    @Override
    boolean cold() {
        return false;
    }

    private <T> Task<T> taskOf(Coroutine<T> body) {
        return loopThread.onLoop(() -> loop.createTask(body));
    }

    @Test
    void everySubscriberGetsTheOutcomeOfTheOneTask() {
        AtomicInteger runs = new AtomicInteger();
        Mono<Integer> shared = toMono(taskOf(() -> {
            Async.sleep(Duration.ofMillis(20));
            return runs.incrementAndGet();
        }));

        StepVerifier.create(Mono.zip(shared, shared)).expectNextMatches(t -> t.getT1() == 1 && t.getT2() == 1).verifyComplete();
        StepVerifier.create(shared).expectNext(1).verifyComplete(); // late: the task is done
        assertThat(runs).hasValue(1);
    }

    @Test
    void cancellingASubscriptionLeavesTheTaskRunning() {
        CountDownLatch started = new CountDownLatch(1);
        Task<String> task = taskOf(() -> {
            started.countDown();
            Async.sleep(Duration.ofMillis(100));
            return "done";
        });

        StepVerifier.create(toMono(task)).then(() -> CoroutineAsMonoTest.await(started)).thenCancel().verify();

        StepVerifier.create(toMono(task)).expectNext("done").verifyComplete();
        assertThat(task.isCancelled()).isFalse();
    }

    @Test
    void aDoneTaskIsSignalledOnTheSubscribingThread() {
        Task<String> task = taskOf(() -> "ready");
        StepVerifier.create(toMono(task)).expectNext("ready").verifyComplete(); // now it is done

        Thread[] thread = new Thread[1];
        StepVerifier.create(toMono(task).doOnNext(x -> thread[0] = Thread.currentThread()))
                .expectNext("ready")
                .verifyComplete();
        assertThat(thread[0]).isSameAs(Thread.currentThread());
    }

    @Test
    void aCancelledTaskFailsTheMonoWithCancelledException() {
        Task<String> task = taskOf(() -> {
            Async.sleep(Duration.ofHours(1));
            return "never";
        });
        Mono<String> mono = toMono(task);

        StepVerifier.create(mono)
                .then(() -> task.cancel("no longer needed"))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(CancelledException.class).hasMessage("no longer needed"))
                .verify();
    }

    @Test
    void wrappedColdTheCancelReachesTheTask() throws InterruptedException {
        // the recipe in toMono's Javadoc: mono(loop, () -> await(task)) owns the task
        Task<String> task = taskOf(() -> {
            Async.sleep(Duration.ofHours(1));
            return "never";
        });
        CountDownLatch awaiting = new CountDownLatch(1);

        StepVerifier.create(mono(loop, () -> {
                    awaiting.countDown(); // the task holds the loop until it suspends in await, so the cancel comes after
                    return Async.await(task);
                }))
                .then(() -> CoroutineAsMonoTest.await(awaiting))
                .thenCancel()
                .verify();

        eventually(task::isDone, done -> done);
        assertThat(task.isCancelled()).isTrue();
    }
}
