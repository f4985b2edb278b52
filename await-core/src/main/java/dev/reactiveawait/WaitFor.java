package dev.reactiveawait;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * asyncio 3.11's {@code wait_for} and its helper {@code _cancel_and_wait}, step for step (the same
 * promises and callbacks, so the same number of trips through the ready queue). Loop-only, run by
 * the awaiting task itself.
 */
final class WaitFor {
    private WaitFor() {}

    static <T extends @Nullable Object> T waitFor(Task<?> me, AbstractAwaitable<T> fut, @Nullable Duration timeout)
            throws TimeoutException {
        EventLoop loop = me.loop;
        if (fut.loop != loop) {
            throw fut.loop.foreignUse("waitFor", fut, loop);
        }
        if (timeout == null) {
            return loop.await(me, fut);
        }
        if (timeout.isZero() || timeout.isNegative()) {
            if (fut.isDone()) {
                return fut.result();
            }
            cancelAndWait(me, fut);
            return resultOrTimeout(fut, timeout);
        }
        Promise<@Nullable Void> waiter = new Promise<>(loop, null);
        TimerHandle timer = loop.callLater(timeout, () -> waiter.trySucceed(null));
        Consumer<Awaitable<T>> release = done -> waiter.trySucceed(null);
        fut.addCallback(release);
        try {
            try {
                loop.await(me, waiter);
            } catch (CancelledException e) {
                if (fut.isDone()) {
                    return fut.result();
                }
                fut.removeCallback(release);
                cancelAndWait(me, fut); // the inner never outlives waitFor (bpo-32751)
                throw e;
            }
            if (fut.isDone()) {
                return fut.result();
            }
            fut.removeCallback(release);
            cancelAndWait(me, fut);
            return resultOrTimeout(fut, timeout); // the inner may have refused to die (bpo-40607)
        } finally {
            timer.cancel();
        }
    }

    private static <T extends @Nullable Object> T resultOrTimeout(AbstractAwaitable<T> fut, Duration timeout)
            throws TimeoutException {
        try {
            return fut.result();
        } catch (CancelledException e) {
            TimeoutException t = new TimeoutException("waitFor: " + fut + " did not complete within " + timeout);
            t.initCause(e);
            throw t;
        }
    }

    /** Cancels {@code fut} and waits until it is done, without awaiting it directly (so that the wait itself stays cancellable). */
    static void cancelAndWait(Task<?> me, AbstractAwaitable<?> fut) {
        Promise<@Nullable Void> waiter = new Promise<>(me.loop, null);
        Consumer<Object> release = done -> waiter.trySucceed(null);
        fut.addCallback(release);
        try {
            fut.cancel();
            me.loop.await(me, waiter);
        } finally {
            fut.removeCallback(release);
        }
    }
}
