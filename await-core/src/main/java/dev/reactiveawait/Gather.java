package dev.reactiveawait;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * asyncio's {@code gather}: one promise for many children, results in argument order.
 *
 * <p>Without {@code settled}, the first child to fail (or be cancelled) fails the gather at once
 * while the others keep running; with it, every outcome is collected. Cancelling the gather
 * cancels the children that are not done; the gather then ends with a {@link CancelledException}
 * once they have finished. Loop-only.
 */
final class Gather<R extends @Nullable Object> implements Consumer<Awaitable<?>>, CancelHook {
    private final List<AbstractAwaitable<?>> children;
    private final boolean settled;
    private final int distinct;
    private int finished;
    private boolean cancelRequested;
    private final Promise<List<R>> outer;

    private Gather(EventLoop loop, List<AbstractAwaitable<?>> children, int distinct, boolean settled) {
        this.children = children;
        this.distinct = distinct;
        this.settled = settled;
        this.outer = new Promise<>(loop, this); // the hook also tells a task dump "gather of N"
    }

    /**
     * Gathers {@code awaitables}; with {@code settled} the list holds {@link Outcome}s, else values.
     */
    static <R extends @Nullable Object> Promise<List<R>> of(
            EventLoop loop, List<? extends Awaitable<?>> awaitables, boolean settled) {
        List<AbstractAwaitable<?>> children = new ArrayList<>(awaitables.size());
        for (Awaitable<?> a : awaitables) {
            AbstractAwaitable<?> child = (AbstractAwaitable<?>) java.util.Objects.requireNonNull(a, "awaitable");
            if (child.loop != loop) {
                throw child.loop.foreignUse("gather", child, loop);
            }
            children.add(child);
        }
        List<AbstractAwaitable<?>> unique = distinctInOrder(children);
        Gather<R> gather = new Gather<>(loop, children, unique.size(), settled);
        if (children.isEmpty()) {
            gather.outer.trySucceed(List.of());
        }
        for (AbstractAwaitable<?> child : unique) {
            child.addCallback(gather);
        }
        return gather.outer;
    }

    private static List<AbstractAwaitable<?>> distinctInOrder(List<AbstractAwaitable<?>> children) {
        IdentityHashMap<AbstractAwaitable<?>, Boolean> added = new IdentityHashMap<>(children.size());
        List<AbstractAwaitable<?>> result = new ArrayList<>(children.size());
        for (AbstractAwaitable<?> c : children) {
            if (added.put(c, Boolean.TRUE) == null) {
                result.add(c);
            }
        }
        return result;
    }

    /** How many awaitables were gathered (duplicates counted), for a task dump. */
    int size() {
        return children.size();
    }

    /** The outer promise's cancel hook. */
    @Override
    public boolean cancel(@Nullable String message) {
        return cancelChildren(message);
    }

    private boolean cancelChildren(@Nullable String message) {
        boolean any = false;
        for (AbstractAwaitable<?> child : children) {
            if (child.cancel(message)) {
                any = true;
            }
        }
        if (any) {
            cancelRequested = true;
        }
        return any;
    }

    /** A child is done (a done-callback, on the loop). */
    @Override
    public void accept(Awaitable<?> done) {
        AbstractAwaitable<?> child = (AbstractAwaitable<?>) done;
        finished++;
        if (outer.isDone()) {
            if (!child.isCancelled()) {
                child.exception(); // the gather already failed: mark this one retrieved
            }
            return;
        }
        if (!settled) {
            if (child.isCancelled()) {
                outer.tryFail(new CancelledException(child.cancelMessage()));
                return;
            }
            Throwable e = child.exception();
            if (e != null) {
                outer.tryFail(e);
                return;
            }
        }
        if (finished == distinct) {
            List<Object> results = new ArrayList<>(children.size());
            for (AbstractAwaitable<?> c : children) {
                results.add(settled ? outcome(c) : c.result());
            }
            if (cancelRequested) {
                outer.tryFail(new CancelledException(child.cancelMessage()));
            } else {
                @SuppressWarnings("unchecked")
                List<R> typed = (List<R>) Collections.unmodifiableList(results);
                outer.trySucceed(typed);
            }
        }
    }

    private static Outcome<?> outcome(AbstractAwaitable<?> c) {
        if (c.isCancelled()) {
            return new Outcome.Failure<>(new CancelledException(c.cancelMessage()));
        }
        Throwable e = c.exception();
        return e != null ? new Outcome.Failure<>(e) : new Outcome.Success<>(c.result());
    }
}
