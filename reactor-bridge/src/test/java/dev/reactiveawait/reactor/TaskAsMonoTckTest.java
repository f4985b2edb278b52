package dev.reactiveawait.reactor;

import dev.reactiveawait.Async;
import dev.reactiveawait.Task;
import dev.reactiveawait.testkit.HookedErrors;
import dev.reactiveawait.testkit.LoopThread;
import dev.reactiveawait.testkit.TckTiming;
import java.io.IOException;
import java.time.Duration;
import org.reactivestreams.Publisher;
import org.reactivestreams.tck.PublisherVerification;
import org.reactivestreams.tck.TestEnvironment;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;

/**
 * {@link ReactorTasks#toMono(Task)} against the Reactive Streams TCK, for tasks still running when
 * subscribed.
 *
 * <p>Skipped, by the TCK itself: the {@code untested_*} rules, and every rule whose test needs more
 * than one element (a Mono has at most one). Rules 3.6, 3.9, 3.12 and 3.13 are checked for it by
 * {@code PublisherContractTest} ({@code CoroutineAsMonoTest}, {@code TaskAsMonoTest}).
 */
public class TaskAsMonoTckTest extends PublisherVerification<Long> {
    private LoopThread loopThread;
    private HookedErrors droppedErrors;

    public TaskAsMonoTckTest() {
        super(new TestEnvironment(TckTiming.TIMEOUT_MILLIS, TckTiming.NO_SIGNALS_MILLIS), TckTiming.GC_MILLIS);
    }

    @BeforeClass
    public void startLoop() {
        droppedErrors = DroppedErrors.watch();
        loopThread = new LoopThread("task-tck-loop");
    }

    @AfterClass
    public void stopLoop() {
        loopThread.close();
        droppedErrors.checkNoneAndStop();
    }

    @Override
    public Publisher<Long> createPublisher(long elements) {
        Task<Long> task = loopThread.onLoop(() -> loopThread.loop().createTask(() -> {
            Async.sleep(Duration.ofMillis(5)); // still running when the TCK subscribes
            return elements == 0 ? null : 42L;
        }));
        return BareSubscriber.bare(ReactorTasks.toMono(task));
    }

    @Override
    public Publisher<Long> createFailedPublisher() {
        Task<Long> task = loopThread.onLoop(() -> loopThread.loop().createTask(() -> {
            throw new IOException("the task failed");
        }));
        return BareSubscriber.bare(ReactorTasks.toMono(task));
    }

    @Override
    public long maxElementsFromPublisher() {
        return 1;
    }
}
