package dev.reactiveawait;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The loop's tasks that are not done, in creation order: an intrusive doubly linked list through
 * {@link Task#prevPending}/{@link Task#nextPending}, so adding and removing a task allocates
 * nothing (a {@code LinkedHashSet} entry cost 40 B and two hash operations per task). Loop-only.
 */
final class PendingTasks {
    private @Nullable Task<?> head;
    private @Nullable Task<?> tail;
    private int size;

    void add(Task<?> task) {
        task.prevPending = tail;
        if (tail == null) {
            head = task;
        } else {
            tail.nextPending = task;
        }
        tail = task;
        size++;
    }

    void remove(Task<?> task) {
        Task<?> prev = task.prevPending;
        Task<?> next = task.nextPending;
        if (prev == null) {
            if (head != task) {
                return; // not in the list
            }
            head = next;
        } else {
            prev.nextPending = next;
        }
        if (next == null) {
            tail = prev;
        } else {
            next.prevPending = prev;
        }
        task.prevPending = null;
        task.nextPending = null;
        size--;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    List<Task<?>> snapshot() {
        List<Task<?>> all = new ArrayList<>(size);
        for (Task<?> t = head; t != null; t = t.nextPending) {
            all.add(t);
        }
        return all;
    }
}
