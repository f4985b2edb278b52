package dev.reactiveawait.reactor;

import dev.reactiveawait.testkit.LoopPublisherVerification;
import java.io.IOException;
import org.reactivestreams.Publisher;

/**
 * {@link ReactorTasks#flux(dev.reactiveawait.EventLoop, FluxBody)} against the Reactive Streams TCK:
 * every required, optional and stochastic rule runs; only the {@code untested_*} ones skip (the TCK
 * has no test for them).
 */
public class FluxBodyAsFluxTckTest extends LoopPublisherVerification<Long> {
    public FluxBodyAsFluxTckTest() {
        super(DroppedErrors.HOOK, "flux-tck-loop");
    }

    @Override
    public Publisher<Long> createPublisher(long elements) {
        return BareSubscriber.bare(ReactorTasks.flux(loop(), emitter -> {
            for (long i = 0; i < elements; i++) {
                emitter.emit(i);
            }
        }));
    }

    @Override
    public Publisher<Long> createFailedPublisher() {
        return BareSubscriber.bare(ReactorTasks.flux(loop(), emitter -> {
            throw new IOException("the body failed");
        }));
    }
}
