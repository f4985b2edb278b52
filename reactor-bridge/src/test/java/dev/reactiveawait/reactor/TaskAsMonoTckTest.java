package dev.reactiveawait.reactor;

import dev.reactiveawait.Async;
import dev.reactiveawait.Task;
import dev.reactiveawait.testkit.LoopPublisherVerification;
import java.io.IOException;
import java.time.Duration;
import org.reactivestreams.Publisher;

/**
 * {@link ReactorTasks#toMono(Task)} against the Reactive Streams TCK, for tasks still running when
 * subscribed.
 *
 * <p>Skipped, by the TCK itself: the {@code untested_*} rules, and every rule whose test needs more
 * than one element (a Mono has at most one). Rules 3.6, 3.9, 3.12 and 3.13 are checked for it by
 * {@code PublisherContractTest} ({@code CoroutineAsMonoTest}, {@code TaskAsMonoTest}).
 */
public class TaskAsMonoTckTest extends LoopPublisherVerification<Long> {
    public TaskAsMonoTckTest() {
        super(DroppedErrors.HOOK, "task-tck-loop");
    }

    @Override
    public Publisher<Long> createPublisher(long elements) {
        Task<Long> task = loopThread().onLoop(() -> loop().createTask(() -> {
            Async.sleep(Duration.ofMillis(5)); // still running when the TCK subscribes
            return elements == 0 ? null : 42L;
        }));
        return BareSubscriber.bare(ReactorTasks.toMono(task));
    }

    @Override
    public Publisher<Long> createFailedPublisher() {
        Task<Long> task = loopThread().onLoop(() -> loop().createTask(() -> {
            throw new IOException("the task failed");
        }));
        return BareSubscriber.bare(ReactorTasks.toMono(task));
    }

    @Override
    public long maxElementsFromPublisher() {
        return 1;
    }
}
