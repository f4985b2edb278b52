package dev.reactiveawait.sync;

/**
 * A {@link Queue} that gives out the most recently added item first (asyncio's
 * {@code LifoQueue}): a stack with {@code put}/{@code get}, back-pressure, {@code join} and
 * {@code shutdown}.
 * {@snippet :
 * LifoQueue<Integer> stack = new LifoQueue<>();
 * stack.put(1);
 * stack.put(2);
 * int top = stack.get(); // 2
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
public final class LifoQueue<T> extends Queue<T> {

    /** Creates an unbounded LIFO queue. */
    public LifoQueue() {
        this(0);
    }

    /**
     * Creates a LIFO queue that holds at most {@code maxsize} items.
     *
     * @param maxsize the capacity; 0 or less means unbounded
     */
    public LifoQueue(int maxsize) {
        super(maxsize, QueueStorage.lifo());
    }
}
