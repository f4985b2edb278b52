package dev.reactiveawait;

/**
 * A callback scheduled at a deadline with {@link EventLoop#callLater} or {@link EventLoop#callAt}.
 * Timers fire in (deadline, scheduling order) order.
 * {@snippet :
 * TimerHandle h = currentLoop().callLater(Duration.ofSeconds(5), () -> System.out.println("5 s"));
 * long due = h.when(); // on the loop's clock, in nanoseconds
 * }
 *
 * @since 0.1
 */
public final class TimerHandle extends Handle {
    final long when;
    private final TimerQueue queue;
    /** Whether the handle is still in its queue's heap; loop-only. */
    boolean queued = true;

    TimerHandle(long when, Object callback, TimerQueue queue) {
        super(callback);
        this.when = when;
        this.queue = queue;
    }

    /**
     * When the callback is due.
     *
     * @return the deadline on the loop's clock, in nanoseconds
     */
    public long when() {
        return when;
    }

    @Override
    public void cancel() {
        if (!cancelled) {
            cancelled = true;
            if (queued) {
                queue.cancelled(this);
            }
        }
    }

    @Override
    public String toString() {
        if (callback instanceof Task<?>) {
            return String.format(java.util.Locale.ROOT, "sleep[%suntil=%.3f s]", cancelled ? "cancelled, " : "", when / 1e9);
        }
        return (cancelled ? "TimerHandle[cancelled, when=" : "TimerHandle[when=") + when + ", " + callback + "]";
    }
}
