package dev.reactiveawait.testkit;

import dev.reactiveawait.EventLoop;
import org.reactivestreams.tck.PublisherVerification;
import org.reactivestreams.tck.TestEnvironment;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;

/**
 * The Reactive Streams TCK for publishers made on a loop: one loop on a thread of its own for the
 * class, the library's {@link ErrorHook} watched (an error that reaches it fails the class, as
 * TestNG has no JUnit extension), and the TCK's waits set for a 2-core machine ({@link TckTiming}).
 *
 * @param <T> the item type
 */
public abstract class LoopPublisherVerification<T> extends PublisherVerification<T> {
    private final ErrorHook hook;
    private final String loopName;
    private HookedErrors hookedErrors;
    private LoopThread loopThread;

    /**
     * For the bridges' TCK classes.
     *
     * @param hook the library's hook for undeliverable errors, watched during the class
     * @param loopName the name of the loop's thread
     */
    protected LoopPublisherVerification(ErrorHook hook, String loopName) {
        super(new TestEnvironment(TckTiming.TIMEOUT_MILLIS, TckTiming.NO_SIGNALS_MILLIS), TckTiming.GC_MILLIS);
        this.hook = hook;
        this.loopName = loopName;
    }

    /** Watches the hook and starts the loop. */
    @BeforeClass
    public final void startLoop() {
        hookedErrors = HookedErrors.watch(hook);
        loopThread = new LoopThread(loopName);
    }

    /** Stops the loop, then fails the class if an error reached the hook. */
    @AfterClass
    public final void stopLoop() {
        loopThread.close();
        hookedErrors.checkNoneAndStop();
    }

    /**
     * The loop's thread, for calls that must run on the loop ({@link LoopThread#onLoop}).
     *
     * @return the loop's thread
     */
    protected final LoopThread loopThread() {
        return loopThread;
    }

    /**
     * The running loop the publishers are made on.
     *
     * @return the loop
     */
    protected final EventLoop loop() {
        return loopThread.loop();
    }
}
