package dev.reactiveawait;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.PriorityQueue;
import org.jspecify.annotations.Nullable;

/**
 * The loop's timers, a binary heap ordered by (deadline, sequence). Cancelled timers stay in the
 * heap and are skipped when they surface, unless they become the majority (then the heap is
 * rebuilt), as asyncio does. Loop-only: read and written by the loop's baton holder.
 */
final class TimerQueue {
    private static final Comparator<TimerHandle> ORDER = (a, b) ->
            a.when != b.when ? Long.compare(a.when, b.when) : Long.compare(a.sequence, b.sequence);
    private static final int MIN_CANCELLED_TO_PURGE = 100;

    private final PriorityQueue<TimerHandle> heap = new PriorityQueue<>(ORDER);
    private long nextSequence;
    private int cancelledCount;

    /** Schedules a Runnable, or the wakeup of a sleeping {@link Task}. */
    TimerHandle schedule(long when, Object callback) {
        TimerHandle handle = new TimerHandle(when, nextSequence++, callback, this);
        heap.add(handle);
        return handle;
    }

    /** Called once per timer by {@link TimerHandle#cancel()}. */
    void cancelled(TimerHandle handle) {
        if (++cancelledCount > MIN_CANCELLED_TO_PURGE && cancelledCount * 2 > heap.size()) {
            ArrayList<TimerHandle> live = new ArrayList<>(heap.size() - cancelledCount);
            for (TimerHandle t : heap) {
                if (t.cancelled) {
                    t.queued = false;
                } else {
                    live.add(t);
                }
            }
            heap.clear();
            heap.addAll(live);
            cancelledCount = 0;
        }
    }

    /** The earliest live timer, or {@code null}; drops cancelled timers found on top. */
    @Nullable TimerHandle peek() {
        TimerHandle top;
        while ((top = heap.peek()) != null && top.cancelled) {
            heap.poll().queued = false;
            cancelledCount--;
        }
        return top;
    }

    /** Removes and returns the earliest live timer if it is due at {@code now}, else {@code null}. */
    @Nullable TimerHandle pollDue(long now) {
        TimerHandle top = peek();
        if (top == null || top.when > now) {
            return null;
        }
        TimerHandle due = heap.poll();
        due.queued = false;
        return due;
    }

    boolean isEmpty() {
        return peek() == null;
    }

    int size() {
        return heap.size() - cancelledCount;
    }
}
