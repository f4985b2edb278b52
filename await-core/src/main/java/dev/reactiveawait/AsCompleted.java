package dev.reactiveawait;

import dev.reactiveawait.internal.Sneaky;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * asyncio 3.11's {@code as_completed}, as a one-shot {@link Iterable}: like the Python generator,
 * it registers its callbacks and starts the timeout when iteration begins; each {@code next()} is
 * {@code _wait_for_one}: it suspends until a completion is queued, then returns it (the original
 * awaitable, as 3.13 does) or, after the timeout, throws {@link TimeoutException}. Loop-only.
 */
final class AsCompleted<A extends Awaitable<?>> implements Iterable<A>, Iterator<A> {
    /** Queued by the timeout for each awaitable it gave up on (asyncio's {@code None}). */
    private static final Object TIMED_OUT = new Object();

    private final EventLoop loop;
    private final LinkedHashSet<A> todo;
    private final @Nullable Duration timeout;
    private final Consumer<Awaitable<?>> onCompletion = this::onCompletion;
    // Loop-only, like everything here.
    private final ArrayDeque<Object> done = new ArrayDeque<>();
    private boolean started;
    private int remaining;
    private @Nullable TimerHandle timer;
    private @Nullable Promise<@Nullable Void> getter;

    AsCompleted(EventLoop loop, Iterable<A> awaitables, @Nullable Duration timeout) {
        this.loop = loop;
        this.todo = new LinkedHashSet<>();
        for (A a : awaitables) {
            if (((AbstractAwaitable<?>) Objects.requireNonNull(a, "awaitable")).loop != loop) {
                throw ((AbstractAwaitable<?>) a).loop.foreignUse("asCompleted", a, loop);
            }
            todo.add(a);
        }
        this.timeout = timeout;
    }

    @Override
    public Iterator<A> iterator() {
        loop.checkThread("asCompleted");
        if (started) {
            throw new IllegalStateException("asCompleted(...) can be iterated once: call it again for a new pass");
        }
        started = true;
        for (A f : todo) {
            ((AbstractAwaitable<?>) f).addCallback(onCompletion);
        }
        if (!todo.isEmpty() && timeout != null) {
            timer = loop.callLater(timeout, this::onTimeout);
        }
        remaining = todo.size();
        return this;
    }

    private void onTimeout() {
        for (A f : todo) {
            ((AbstractAwaitable<?>) f).removeCallback(onCompletion);
            put(TIMED_OUT);
        }
        todo.clear();
    }

    private void onCompletion(Awaitable<?> f) {
        if (todo.isEmpty()) {
            return; // the timeout was here first
        }
        todo.remove(f);
        put(f);
        TimerHandle t = timer;
        if (todo.isEmpty() && t != null) {
            t.cancel();
        }
    }

    private void put(Object item) {
        done.add(item);
        Promise<@Nullable Void> g = getter;
        if (g != null) {
            getter = null;
            g.trySucceed(null);
        }
    }

    @Override
    public boolean hasNext() {
        return remaining > 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public A next() {
        if (remaining == 0) {
            throw new NoSuchElementException("asCompleted: every awaitable was returned already");
        }
        Task<?> me = Async.requireTask(EventLoop.ofCurrentThread(), "asCompleted(...).next");
        remaining--;
        while (done.isEmpty()) {
            Promise<@Nullable Void> g = new Promise<>(loop, null);
            getter = g;
            try {
                loop.await(me, g);
            } finally {
                if (getter == g) {
                    getter = null;
                }
            }
        }
        Object f = done.poll();
        if (f == TIMED_OUT) {
            throw Sneaky.raise(new TimeoutException("asCompleted: the timeout of " + timeout + " expired"));
        }
        return (A) f;
    }
}
