package dev.reactiveawait.sync;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a {@link Queue} keeps its items, and in which order it gives them out: asyncio's
 * overridable {@code _init}/{@code _put}/{@code _get} trio. Loop-only, like the queue.
 *
 * @param <T> the item type
 */
interface QueueStorage<T> {
    void add(T item);

    /** Removes and returns the next item; only called when {@link #size()} is positive. */
    T remove();

    int size();

    /** The items in storage order, for {@code toString}. */
    List<T> snapshot();

    /** First in, first out: {@code collections.deque} with {@code append}/{@code popleft}. */
    static <T> QueueStorage<T> fifo() {
        return new QueueStorage<>() {
            private final ArrayDeque<T> items = new ArrayDeque<>();

            @Override
            public void add(T item) {
                items.addLast(item);
            }

            @Override
            public T remove() {
                return Objects.requireNonNull(items.pollFirst());
            }

            @Override
            public int size() {
                return items.size();
            }

            @Override
            public List<T> snapshot() {
                return List.copyOf(items);
            }
        };
    }

    /** Last in, first out: a list with {@code append}/{@code pop}. */
    static <T> QueueStorage<T> lifo() {
        return new QueueStorage<>() {
            private final ArrayList<T> items = new ArrayList<>();

            @Override
            public void add(T item) {
                items.add(item);
            }

            @Override
            public T remove() {
                return items.remove(items.size() - 1);
            }

            @Override
            public int size() {
                return items.size();
            }

            @Override
            public List<T> snapshot() {
                return List.copyOf(items);
            }
        };
    }
}
