package dev.reactiveawait.testkit;

import dev.reactiveawait.Async;
import dev.reactiveawait.EventLoop;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Records, per sequence (a key), the values a scheduler delivered and the loop each ran on, and
 * counts two deliveries overlapping on one loop (which a loop must never allow) and deliveries
 * that ran on no loop at all.
 */
public final class OnLoops {
    private final Map<EventLoop, AtomicInteger> inside = new ConcurrentHashMap<>();
    private final Map<Object, List<EventLoop>> loops = new ConcurrentHashMap<>();
    private final Map<Object, List<Integer>> values = new ConcurrentHashMap<>();
    /** Deliveries that overlapped another on the same loop. */
    public final AtomicInteger overlaps = new AtomicInteger();
    /** Deliveries that ran on no loop. */
    public final AtomicInteger offLoop = new AtomicInteger();

    /** Records nothing yet. */
    public OnLoops() {}

    /**
     * Records that {@code value} of the sequence {@code key} is being delivered here and now.
     *
     * @param key the sequence
     * @param value the value delivered
     */
    public void record(Object key, int value) {
        EventLoop loop = currentLoopOrNull();
        if (loop == null) {
            offLoop.incrementAndGet();
            return;
        }
        AtomicInteger in = inside.computeIfAbsent(loop, l -> new AtomicInteger());
        if (in.getAndIncrement() != 0) {
            overlaps.incrementAndGet();
        }
        for (int i = 0; i < 50; i++) {
            Thread.onSpinWait(); // widen the window in which an overlap would show
        }
        loops.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>())).add(loop);
        values.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>())).add(value);
        in.decrementAndGet();
    }

    /**
     * The distinct loops the sequence {@code key} ran on.
     *
     * @param key the sequence
     * @return the loops
     */
    public Set<EventLoop> loopsOf(Object key) {
        Set<EventLoop> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        distinct.addAll(loops.getOrDefault(key, List.of()));
        return distinct;
    }

    /**
     * The values of the sequence {@code key}, in delivery order.
     *
     * @param key the sequence
     * @return the values
     */
    public List<Integer> valuesOf(Object key) {
        return List.copyOf(values.getOrDefault(key, List.of()));
    }

    /**
     * Every loop that ran anything.
     *
     * @return the loops
     */
    public Set<EventLoop> allLoops() {
        return Set.copyOf(inside.keySet());
    }

    /**
     * The integers from {@code from} (inclusive) to {@code to} (exclusive), in order: what a
     * sequence of that range must deliver.
     *
     * @param from the first value
     * @param to the value after the last
     * @return the list
     */
    public static List<Integer> range(int from, int to) {
        List<Integer> r = new ArrayList<>();
        for (int i = from; i < to; i++) {
            r.add(i);
        }
        return r;
    }

    /** The loop running the calling code, by the public API only (this module reads no internals). */
    private static @Nullable EventLoop currentLoopOrNull() {
        try {
            return Async.currentLoop();
        } catch (IllegalStateException offLoop) {
            return null;
        }
    }
}
