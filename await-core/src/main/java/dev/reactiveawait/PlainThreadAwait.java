package dev.reactiveawait;

import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;

/**
 * {@code await} on a plain thread (not any loop's): the thread blocks until the awaitable is
 * done. The registration is posted to the loop, which releases the thread directly when the
 * awaitable completes (not through its ready queue, which a stopping loop may leave unprocessed).
 */
final class PlainThreadAwait {
    private PlainThreadAwait() {}

    /** A plain thread (not any loop's) blocks until {@code awaitable} is done. */
    static <T extends @Nullable Object> T block(AbstractAwaitable<T> awaitable) {
        if (!awaitable.isDone()) {
            EventLoop loop = awaitable.loop;
            if (loop.isClosed()) {
                throw new IllegalStateException("await(" + awaitable + ") on a plain thread: its loop is closed, "
                        + "so it will never complete");
            }
            CountDownLatch done = new CountDownLatch(1);
            loop.post(() -> awaitable.addCallback(done));
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                CancelledException c = new CancelledException("interrupted while blocked in await(" + awaitable + ")");
                c.initCause(e);
                throw c;
            }
        }
        return awaitable.awaitResult();
    }
}
