package dev.reactiveawait.rxjava3;

import dev.reactiveawait.testkit.LoopPublisherVerification;
import java.io.IOException;
import org.reactivestreams.Publisher;

/**
 * {@link RxTasks#rxFlowable(dev.reactiveawait.EventLoop, FlowableBody)} against the Reactive
 * Streams TCK, subscribed to as a {@link BareSubscriber} so that the TCK checks our subscription
 * itself rather than RxJava's StrictSubscriber wrapper: every required, optional and stochastic
 * rule runs; only the {@code untested_*} ones skip (the TCK has no test for them). It is the only
 * Flowable the bridge creates; the Singles, Maybes, Completables and Observables are not
 * Reactive Streams publishers (their contract is tested in the {@code *Test} classes).
 */
public class FlowableBodyAsFlowableTckTest extends LoopPublisherVerification<Long> {
    public FlowableBodyAsFlowableTckTest() {
        super(PluginErrors.HOOK, "flowable-tck-loop");
    }

    @Override
    public Publisher<Long> createPublisher(long elements) {
        return BareSubscriber.bare(RxTasks.rxFlowable(loop(), emitter -> {
            for (long i = 0; i < elements; i++) {
                emitter.emit(i);
            }
        }));
    }

    @Override
    public Publisher<Long> createFailedPublisher() {
        return BareSubscriber.bare(RxTasks.rxFlowable(loop(), emitter -> {
            throw new IOException("the body failed");
        }));
    }
}
