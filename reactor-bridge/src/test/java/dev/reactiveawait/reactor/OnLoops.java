package dev.reactiveawait.reactor;

import dev.reactiveawait.EventLoop;
import dev.reactiveawait.internal.CoreAccess;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records, per sequence (a key), the values a scheduler delivered and the loop each ran on, and
 * counts two deliveries overlapping on one loop (which a loop must never allow) and deliveries
 * that ran on no loop at all.
 */
final class OnLoops {
    private final Map<EventLoop, AtomicInteger> inside = new ConcurrentHashMap<>();
    private final Map<Object, List<EventLoop>> loops = new ConcurrentHashMap<>();
    private final Map<Object, List<Integer>> values = new ConcurrentHashMap<>();
    final AtomicInteger overlaps = new AtomicInteger();
    final AtomicInteger offLoop = new AtomicInteger();

    void record(Object key, int value) {
        EventLoop loop = CoreAccess.currentLoopOrNull();
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

    /** The distinct loops the sequence {@code key} ran on. */
    Set<EventLoop> loopsOf(Object key) {
        Set<EventLoop> distinct = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        distinct.addAll(loops.getOrDefault(key, List.of()));
        return distinct;
    }

    /** The values of the sequence {@code key}, in delivery order. */
    List<Integer> valuesOf(Object key) {
        return List.copyOf(values.getOrDefault(key, List.of()));
    }

    /** Every loop that ran anything. */
    Set<EventLoop> allLoops() {
        return Set.copyOf(inside.keySet());
    }

    static List<Integer> range(int from, int to) {
        List<Integer> r = new ArrayList<>();
        for (int i = from; i < to; i++) {
            r.add(i);
        }
        return r;
    }
}
