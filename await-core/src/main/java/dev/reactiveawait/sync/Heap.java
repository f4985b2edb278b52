package dev.reactiveawait.sync;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A binary min-heap with exactly the sift steps of Python's {@code heapq}
 * ({@code heappush}: append and sift towards the root; {@code heappop}: move the last item to the
 * root, sink it to a leaf along the smaller children, then sift it back up). Items that compare
 * equal therefore come out in the same order as from CPython's {@code PriorityQueue}, which
 * {@link java.util.PriorityQueue}'s different sift-down does not guarantee. Only
 * {@code compare(a, b) < 0} is ever asked, as heapq only uses {@code <}.
 *
 * @param <T> the item type
 */
final class Heap<T> implements QueueStorage<T> {
    private final ArrayList<T> heap = new ArrayList<>();
    private final Comparator<? super T> order;
    /** Natural order: every item must be {@link Comparable}, checked on the way in. */
    private final boolean natural;

    Heap(Comparator<? super T> order) {
        this(order, false);
    }

    private Heap(Comparator<? super T> order, boolean natural) {
        this.order = order;
        this.natural = natural;
    }

    /** A heap in the items' natural order ({@link Comparable}). */
    @SuppressWarnings("unchecked")
    static <T> Heap<T> natural() {
        return new Heap<>((a, b) -> ((Comparable<Object>) a).compareTo(b), true);
    }

    private boolean less(T a, T b) {
        return order.compare(a, b) < 0;
    }

    @Override
    public void add(T item) {
        if (natural && !(item instanceof Comparable)) {
            throw new ClassCastException(item.getClass().getName() + " is not Comparable: a PriorityQueue without "
                    + "a Comparator orders its items by their natural order; give it a Comparator");
        }
        heap.add(item);
        siftTowardsRoot(0, heap.size() - 1);
    }

    @Override
    public T remove() {
        T last = heap.remove(heap.size() - 1);
        if (heap.isEmpty()) {
            return last;
        }
        T top = heap.get(0);
        heap.set(0, last);
        siftToLeafAndBack(0);
        return top;
    }

    /** heapq's {@code _siftdown}: moves the item at {@code pos} up while it is less than its parent. */
    private void siftTowardsRoot(int start, int pos) {
        T item = heap.get(pos);
        while (pos > start) {
            int parentPos = (pos - 1) >> 1;
            T parent = heap.get(parentPos);
            if (!less(item, parent)) {
                break;
            }
            heap.set(pos, parent);
            pos = parentPos;
        }
        heap.set(pos, item);
    }

    /** heapq's {@code _siftup}: moves the smaller child up until a leaf is free, then sifts the item back. */
    private void siftToLeafAndBack(int pos) {
        int end = heap.size();
        int start = pos;
        T item = heap.get(pos);
        int child = 2 * pos + 1;
        while (child < end) {
            int right = child + 1;
            if (right < end && !less(heap.get(child), heap.get(right))) {
                child = right;
            }
            heap.set(pos, heap.get(child));
            pos = child;
            child = 2 * pos + 1;
        }
        heap.set(pos, item);
        siftTowardsRoot(start, pos);
    }

    @Override
    public int size() {
        return heap.size();
    }

    @Override
    public List<T> snapshot() {
        return List.copyOf(heap);
    }
}
