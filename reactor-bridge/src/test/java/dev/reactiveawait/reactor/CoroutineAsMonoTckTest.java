package dev.reactiveawait.reactor;

import dev.reactiveawait.Async;
import dev.reactiveawait.testkit.LoopPublisherVerification;
import java.io.IOException;
import java.time.Duration;
import org.reactivestreams.Publisher;

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
public class CoroutineAsMonoTckTest extends LoopPublisherVerification<Long> {
    public CoroutineAsMonoTckTest() {
        super(DroppedErrors.HOOK, "mono-tck-loop");
    }

    @Override
    public Publisher<Long> createPublisher(long elements) {
        if (elements == 0) {
            return BareSubscriber.bare(ReactorTasks.mono(loop(), () -> null));
        }
        // the value comes after a suspension, so requests race with it as in real use
        return BareSubscriber.bare(ReactorTasks.mono(loop(), () -> {
            Async.sleep(Duration.ZERO);
            return 42L;
        }));
    }

    @Override
    public Publisher<Long> createFailedPublisher() {
        return BareSubscriber.bare(ReactorTasks.mono(loop(), () -> {
            throw new IOException("the body failed");
        }));
    }

    @Override
    public long maxElementsFromPublisher() {
        return 1;
    }
}
