package dev.reactiveawait;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * asyncio's {@code wait} ({@code _wait}), step for step: one waiter promise released by the first
 * completion that satisfies {@link ReturnWhen}, or by the timeout; never raises on timeout and
 * never cancels anything. Loop-only, run by the waiting task itself.
 */
final class Wait {
    private Wait() {}

    static <A extends Awaitable<?>> WaitResult<A> wait(
            Task<?> me, Collection<A> awaitables, ReturnWhen returnWhen, @Nullable Duration timeout) {
        Objects.requireNonNull(returnWhen, "returnWhen");
        EventLoop loop = me.loop;
        LinkedHashSet<A> fs = new LinkedHashSet<>(awaitables); // awaitables compare by identity
        if (fs.isEmpty()) {
            throw new IllegalArgumentException("wait() needs at least one awaitable: the collection is empty");
        }
        for (A f : fs) {
            if (((AbstractAwaitable<?>) Objects.requireNonNull(f, "awaitable")).loop != loop) {
                throw ((AbstractAwaitable<?>) f).loop.foreignUse("wait", f, loop);
            }
        }
        Promise<@Nullable Void> waiter = new Promise<>(loop, null);
        TimerHandle timer = timeout == null ? null : loop.callLater(timeout, () -> waiter.trySucceed(null));
        int[] counter = {fs.size()};
        Consumer<Awaitable<?>> onCompletion = f -> {
            counter[0]--;
            if (counter[0] <= 0
                    || returnWhen == ReturnWhen.FIRST_COMPLETED
                    || (returnWhen == ReturnWhen.FIRST_EXCEPTION && !f.isCancelled() && f.exception() != null)) {
                if (timer != null) {
                    timer.cancel();
                }
                waiter.trySucceed(null);
            }
        };
        for (A f : fs) {
            ((AbstractAwaitable<?>) f).addCallback(onCompletion);
        }
        try {
            loop.await(me, waiter);
        } finally {
            if (timer != null) {
                timer.cancel();
            }
            for (A f : fs) {
                ((AbstractAwaitable<?>) f).removeCallback(onCompletion);
            }
        }
        List<A> done = new ArrayList<>();
        List<A> pending = new ArrayList<>();
        for (A f : fs) {
            (f.isDone() ? done : pending).add(f);
        }
        return new WaitResult<>(new LinkedHashSet<>(done), new LinkedHashSet<>(pending));
    }
}
