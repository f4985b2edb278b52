package dev.reactiveawait;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The loop's timers, a binary heap ordered by (deadline, sequence). Cancelled timers stay in the
 * heap and are skipped when they surface, unless they become the majority (then the heap is
 * rebuilt), as asyncio does. Loop-only: read and written by the loop's baton holder.
 *
 * <p>The keys live in primitive arrays beside the handles, so sifting through a heap of 100,000
 * sleeping tasks compares longs in two arrays instead of chasing a pointer per comparison.
 */
final class TimerQueue {
    private static final int MIN_CANCELLED_TO_PURGE = 100;

    private TimerHandle[] handles = new TimerHandle[16];
    private long[] whens = new long[16];
    private long[] sequences = new long[16];
    private int size;
    private long nextSequence;
    private int cancelledCount;

    /** Schedules a Runnable, or the wakeup of a sleeping {@link Task}. */
    TimerHandle schedule(long when, Object callback) {
        TimerHandle handle = new TimerHandle(when, callback, this);
        if (size == handles.length) {
            int grown = size * 2;
            handles = Arrays.copyOf(handles, grown);
            whens = Arrays.copyOf(whens, grown);
            sequences = Arrays.copyOf(sequences, grown);
        }
        siftUp(size++, handle, when, nextSequence++);
        return handle;
    }

    /** Called once per timer by {@link TimerHandle#cancel()}. */
    void cancelled(TimerHandle handle) {
        if (++cancelledCount > MIN_CANCELLED_TO_PURGE && cancelledCount * 2 > size) {
            purge();
        }
    }

    /** The earliest live timer, or {@code null}; drops cancelled timers found on top. */
    @Nullable TimerHandle peek() {
        while (size > 0) {
            TimerHandle top = handles[0];
            if (!top.cancelled) {
                return top;
            }
            removeTop().queued = false;
            cancelledCount--;
        }
        return null;
    }

    /** Removes and returns the earliest live timer if it is due at {@code now}, else {@code null}. */
    @Nullable TimerHandle pollDue(long now) {
        TimerHandle top = peek();
        if (top == null || top.when > now) {
            return null;
        }
        removeTop().queued = false;
        return top;
    }

    boolean isEmpty() {
        return peek() == null;
    }

    int size() {
        return size - cancelledCount;
    }

    private TimerHandle removeTop() {
        TimerHandle top = handles[0];
        int last = --size;
        TimerHandle moved = handles[last];
        handles[last] = null;
        if (last > 0) {
            siftDown(0, moved, whens[last], sequences[last]);
        }
        return top;
    }

    /** Drops every cancelled timer and restores the heap property bottom-up. */
    private void purge() {
        int live = 0;
        for (int i = 0; i < size; i++) {
            TimerHandle t = handles[i];
            if (t.cancelled) {
                t.queued = false;
            } else {
                handles[live] = t;
                whens[live] = whens[i];
                sequences[live] = sequences[i];
                live++;
            }
        }
        Arrays.fill(handles, live, size, null);
        size = live;
        cancelledCount = 0;
        for (int i = (size >>> 1) - 1; i >= 0; i--) {
            siftDown(i, handles[i], whens[i], sequences[i]);
        }
    }

    private static boolean before(long when, long seq, long otherWhen, long otherSeq) {
        return when < otherWhen || (when == otherWhen && seq < otherSeq);
    }

    private void siftUp(int index, TimerHandle handle, long when, long seq) {
        int i = index;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(when, seq, whens[parent], sequences[parent])) {
                break;
            }
            put(i, handles[parent], whens[parent], sequences[parent]);
            i = parent;
        }
        put(i, handle, when, seq);
    }

    private void siftDown(int index, TimerHandle handle, long when, long seq) {
        int i = index;
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && before(whens[right], sequences[right], whens[child], sequences[child])) {
                child = right;
            }
            if (!before(whens[child], sequences[child], when, seq)) {
                break;
            }
            put(i, handles[child], whens[child], sequences[child]);
            i = child;
        }
        put(i, handle, when, seq);
    }

    private void put(int i, TimerHandle handle, long when, long seq) {
        handles[i] = handle;
        whens[i] = when;
        sequences[i] = seq;
    }
}
