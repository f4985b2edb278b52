package dev.reactiveawait;

import java.lang.System.Logger.Level;

/**
 * One loop of a {@link LoopGroup} and the platform thread that runs it: {@code runForever()} until
 * the group asks it to stop, then {@code close()} on the same thread (leftover tasks cancelled and
 * awaited, as {@code asyncio.run} does).
 *
 * <p>A {@link EventLoop#stop()} that does not come from the group (user code stopping a loop it
 * does not own) only ends one {@code runForever()}: the driver runs the loop again, so the loop
 * keeps serving until the group closes.
 */
final class LoopDriver implements Runnable {
    private static final System.Logger LOG = System.getLogger("dev.reactiveawait");

    final EventLoop loop;
    final Thread thread;
    private final Runnable onEnd;
    /** Written on the loop by the group's stop callback; read by the driver thread when {@code runForever} returns. */
    private volatile boolean stopRequested;

    LoopDriver(EventLoop loop, String threadName, Runnable onEnd) {
        this.loop = loop;
        this.onEnd = onEnd;
        this.thread = Thread.ofPlatform().name(threadName).unstarted(this);
    }

    /**
     * Any thread: asks the loop to stop after its current iteration. The request travels through
     * the inbox, behind everything posted before it, so work submitted earlier becomes tasks that
     * the close then cancels, instead of being left behind in the inbox.
     */
    void requestStop() {
        try {
            loop.callSoonThreadsafe(() -> {
                stopRequested = true;
                loop.stop();
            });
        } catch (IllegalStateException closed) {
            // the loop failed and its driver closed it already: nothing left to stop
        }
    }

    @Override
    public void run() {
        try {
            do {
                loop.runForever();
            } while (!stopRequested);
        } catch (Throwable e) {
            LOG.log(Level.ERROR, "event loop on thread \"" + thread.getName() + "\" failed; closing it", e);
        } finally {
            try {
                loop.close();
            } catch (Throwable e) {
                LOG.log(Level.ERROR, "closing the event loop on thread \"" + thread.getName() + "\" failed", e);
            } finally {
                onEnd.run();
            }
        }
    }
}
