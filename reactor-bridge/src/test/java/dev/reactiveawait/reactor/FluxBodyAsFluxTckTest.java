package dev.reactiveawait.reactor;

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
 * {@link ReactorTasks#flux(dev.reactiveawait.EventLoop, FluxBody)} against the Reactive Streams TCK:
 * every required, optional and stochastic rule runs; only the {@code untested_*} ones skip (the TCK
 * has no test for them).
 */
public class FluxBodyAsFluxTckTest extends PublisherVerification<Long> {
    private LoopThread loopThread;
    private HookedErrors droppedErrors;

    public FluxBodyAsFluxTckTest() {
        super(new TestEnvironment(TckTiming.TIMEOUT_MILLIS, TckTiming.NO_SIGNALS_MILLIS), TckTiming.GC_MILLIS);
    }

    @BeforeClass
    public void startLoop() {
        droppedErrors = DroppedErrors.watch();
        loopThread = new LoopThread("flux-tck-loop");
    }

    @AfterClass
    public void stopLoop() {
        loopThread.close();
        droppedErrors.checkNoneAndStop();
    }

    @Override
    public Publisher<Long> createPublisher(long elements) {
        return BareSubscriber.bare(ReactorTasks.flux(loopThread.loop(), emitter -> {
            for (long i = 0; i < elements; i++) {
                emitter.emit(i);
            }
        }));
    }

    @Override
    public Publisher<Long> createFailedPublisher() {
        return BareSubscriber.bare(ReactorTasks.flux(loopThread.loop(), emitter -> {
            throw new IOException("the body failed");
        }));
    }
}
