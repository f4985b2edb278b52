package dev.reactiveawait;

import dev.reactiveawait.internal.CoreAccess;
import org.jspecify.annotations.Nullable;

/** The core's side of {@link CoreAccess}, installed by {@link EventLoop}'s static initializer. */
final class CoreAccessImpl extends CoreAccess {
    @Override
    protected <T extends @Nullable Object> Promise<T> newForeignPromise(EventLoop loop, Runnable onCancel) {
        return Promise.foreign(loop, onCancel);
    }

    @Override
    protected boolean holdsLoop(Thread thread) {
        return EventLoop.ofThread(thread) != null;
    }

    @Override
    protected @Nullable EventLoop loopOfCurrentThread() {
        return EventLoop.ofCurrentThread();
    }

    @Override
    protected long workAt(EventLoop loop) {
        loop.checkThread("nextWorkAt");
        return loop.nextWorkAt();
    }

    @Override
    protected void configureLoop(EventLoop loop, long jumpAfterNanos, long stallNanos, @Nullable Runnable onStall,
            java.util.function.@Nullable BiConsumer<String, Throwable> unretrievedSink) {
        loop.configureVirtualTime(jumpAfterNanos, stallNanos, onStall, unretrievedSink);
    }
}
