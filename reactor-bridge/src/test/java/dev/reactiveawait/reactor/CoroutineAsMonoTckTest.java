package dev.reactiveawait.reactor;

import dev.reactiveawait.Async;
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
 * {@link ReactorTasks#mono(dev.reactiveawait.EventLoop, dev.reactiveawait.Coroutine)} against the
 * Reactive Streams TCK, subscribed to as a {@link BareSubscriber} so that the TCK checks our
 * subscription itself rather than Reactor's StrictSubscriber wrapper.
 *
 * <p>Skipped, by the TCK itself: the {@code untested_*} rules (the TCK has no test for them), and
 * every rule whose test needs more than one element ("required elements nr: N is higher than
 * supported by given producer: 1"), since a Mono has at most one ({@link #maxElementsFromPublisher()}).
 * Those rules that still apply to a Mono (3.6, 3.9, 3.12, 3.13) are checked for it by
 * {@code PublisherContractTest} ({@code CoroutineAsMonoTest}, {@code TaskAsMonoTest}).
 */
public class CoroutineAsMonoTckTest extends PublisherVerification<Long> {
    private LoopThread loopThread;
    private HookedErrors droppedErrors;

    public CoroutineAsMonoTckTest() {
        super(new TestEnvironment(TckTiming.TIMEOUT_MILLIS, TckTiming.NO_SIGNALS_MILLIS), TckTiming.GC_MILLIS);
    }

    @BeforeClass
    public void startLoop() {
        droppedErrors = DroppedErrors.watch();
        loopThread = new LoopThread("mono-tck-loop");
    }

    @AfterClass
    public void stopLoop() {
        loopThread.close();
        droppedErrors.checkNoneAndStop();
    }

    @Override
    public Publisher<Long> createPublisher(long elements) {
        if (elements == 0) {
            return BareSubscriber.bare(ReactorTasks.mono(loopThread.loop(), () -> null));
        }
        // the value comes after a suspension, so requests race with it as in real use
        return BareSubscriber.bare(ReactorTasks.mono(loopThread.loop(), () -> {
            Async.sleep(Duration.ZERO);
            return 42L;
        }));
    }

    @Override
    public Publisher<Long> createFailedPublisher() {
        return BareSubscriber.bare(ReactorTasks.mono(loopThread.loop(), () -> {
            throw new IOException("the body failed");
        }));
    }

    @Override
    public long maxElementsFromPublisher() {
        return 1;
    }
}
