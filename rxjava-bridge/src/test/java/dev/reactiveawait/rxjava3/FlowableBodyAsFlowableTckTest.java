package dev.reactiveawait.rxjava3;

import dev.reactiveawait.testkit.HookedErrors;
import dev.reactiveawait.testkit.LoopThread;
import dev.reactiveawait.testkit.TckTiming;
import java.io.IOException;
import org.reactivestreams.Publisher;
import org.reactivestreams.tck.PublisherVerification;
import org.reactivestreams.tck.TestEnvironment;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;

/**
 * {@link RxTasks#rxFlowable(dev.reactiveawait.EventLoop, FlowableBody)} against the Reactive
 * Streams TCK, subscribed to as a {@link BareSubscriber} so that the TCK checks our subscription
 * itself rather than RxJava's StrictSubscriber wrapper: every required, optional and stochastic
 * rule runs; only the {@code untested_*} ones skip (the TCK has no test for them). It is the only
 * Flowable the bridge creates; the Singles, Maybes, Completables and Observables are not
 * Reactive Streams publishers (their contract is tested in the {@code *Test} classes).
 */
public class FlowableBodyAsFlowableTckTest extends PublisherVerification<Long> {
    private LoopThread loopThread;
    private HookedErrors pluginErrors;

    public FlowableBodyAsFlowableTckTest() {
        super(new TestEnvironment(TckTiming.TIMEOUT_MILLIS, TckTiming.NO_SIGNALS_MILLIS), TckTiming.GC_MILLIS);
    }

    @BeforeClass
    public void startLoop() {
        pluginErrors = PluginErrors.watch();
        loopThread = new LoopThread("flowable-tck-loop");
    }

    @AfterClass
    public void stopLoop() {
        loopThread.close();
        pluginErrors.checkNoneAndStop();
    }

    @Override
    public Publisher<Long> createPublisher(long elements) {
        return BareSubscriber.bare(RxTasks.rxFlowable(loopThread.loop(), emitter -> {
            for (long i = 0; i < elements; i++) {
                emitter.emit(i);
            }
        }));
    }

    @Override
    public Publisher<Long> createFailedPublisher() {
        return BareSubscriber.bare(RxTasks.rxFlowable(loopThread.loop(), emitter -> {
            throw new IOException("the body failed");
        }));
    }
}
