package dev.reactiveawait;

import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * asyncio's {@code shield}: an outer promise that mirrors the inner awaitable's outcome, so that
 * cancelling the outer (typically because the task awaiting it was cancelled) leaves the inner
 * running. Loop-only.
 */
final class Shield {
    private Shield() {}

    static <T extends @Nullable Object> Awaitable<T> shield(AbstractAwaitable<T> inner) {
        if (inner.isDone()) {
            return inner;
        }
        Promise<T> outer = new Promise<>(inner.loop, null);
        Consumer<Awaitable<T>> innerDone = done -> {
            if (outer.isCancelled()) {
                if (!done.isCancelled()) {
                    done.exception(); // nobody will await the inner through us: mark it retrieved
                }
                return;
            }
            if (done.isCancelled()) {
                outer.cancel();
                return;
            }
            Throwable e = done.exception();
            if (e != null) {
                outer.tryFail(e);
            } else {
                outer.trySucceed(done.result());
            }
        };
        inner.addCallback(innerDone);
        outer.addCallback((Consumer<Awaitable<T>>) done -> {
            if (!inner.isDone()) {
                inner.removeCallback(innerDone);
            }
        });
        return outer;
    }
}
