package dev.reactiveawait.sync;

import java.util.Comparator;
import java.util.Objects;

/**
 * A {@link Queue} that gives out its smallest item first (asyncio's {@code PriorityQueue}), by
 * natural order or by a {@link Comparator}. Items that compare equal come out in the order
 * CPython's {@code heapq} gives them (the same sift steps), which is not insertion order: add a
 * sequence number to the key where ties must be FIFO.
 * {@snippet :
 * record Job(int priority, String name) {}
 * PriorityQueue<Job> jobs = new PriorityQueue<>(Comparator.comparingInt(Job::priority));
 * jobs.put(new Job(2, "later"));
 * jobs.put(new Job(1, "first"));
 * Job next = jobs.get(); // first
 * }
 *
 * <dl>
 * <dt><b>Thread:</b></dt>
 * <dd>As {@link Queue}: bound to the first loop that uses it.</dd>
 * <dt><b>Cancellation:</b></dt>
 * <dd>As {@link Queue}: a cancelled {@code put} or {@code get} neither adds nor takes an item.</dd>
 * </dl>
 *
 * @param <T> the item type
 * @since 0.1
 */
public final class PriorityQueue<T> extends Queue<T> {

    /**
     * Creates an unbounded queue of {@link Comparable} items, smallest first.
     *
     * @see #PriorityQueue(int, Comparator)
     */
    public PriorityQueue() {
        this(0);
    }

    /**
     * Creates a queue of {@link Comparable} items, smallest first, holding at most {@code maxsize}.
     * Adding an item that is not {@code Comparable} throws {@link ClassCastException}.
     *
     * @param maxsize the capacity; 0 or less means unbounded
     */
    public PriorityQueue(int maxsize) {
        super(maxsize, Heap.natural());
    }

    /**
     * Creates an unbounded queue ordered by {@code comparator}, smallest first.
     *
     * @param comparator the order
     */
    public PriorityQueue(Comparator<? super T> comparator) {
        this(0, comparator);
    }

    /**
     * Creates a queue ordered by {@code comparator}, smallest first, holding at most
     * {@code maxsize} items.
     *
     * @param maxsize the capacity; 0 or less means unbounded
     * @param comparator the order
     */
    public PriorityQueue(int maxsize, Comparator<? super T> comparator) {
        super(maxsize, new Heap<>(Objects.requireNonNull(comparator, "comparator")));
    }
}
