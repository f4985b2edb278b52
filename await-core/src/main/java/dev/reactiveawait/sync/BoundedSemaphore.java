package dev.reactiveawait.sync;

/**
 * A {@link Semaphore} whose {@link #release()} refuses to go above the initial value (asyncio's
 * {@code BoundedSemaphore}): a release without a matching acquire is a bug, and fails loudly
 * instead of letting one task too many in later.
 * {@snippet :
 * BoundedSemaphore slots = new BoundedSemaphore(2);
 * slots.release(); // IllegalStateException: BoundedSemaphore released too many times
 * }
 *
 * <dl>
 * <dt><b>Thread:</b></dt>
 * <dd>As {@link Semaphore}: bound to the first loop that uses it.</dd>
 * <dt><b>Cancellation:</b></dt>
 * <dd>As {@link Semaphore}: a cancelled waiter takes no permit.</dd>
 * </dl>
 *
 * @since 0.1
 */
public final class BoundedSemaphore extends Semaphore {
    private final int boundValue;

    /** Creates a bounded semaphore with one permit. */
    public BoundedSemaphore() {
        this(1);
    }

    /**
     * Creates a bounded semaphore with {@code value} permits, which is also its upper bound.
     *
     * @param value the initial and largest number of permits
     * @throws IllegalArgumentException if {@code value} is negative
     */
    public BoundedSemaphore(int value) {
        super(value);
        this.boundValue = value;
    }

    /**
     * Gives a permit back and wakes the first waiting task.
     *
     * @throws IllegalStateException if every permit is already free (more releases than acquires)
     * @throws WrongThreadException if called from another loop, or from a foreign thread while the
     *     loop runs
     */
    @Override
    public void release() {
        bound.check(this, "release");
        if (value >= boundValue) {
            throw new IllegalStateException("BoundedSemaphore released too many times (" + boundValue
                    + " permits are free already: each release() must match an acquire())");
        }
        super.release();
    }
}
