package dev.reactiveawait;

/**
 * The time source of an {@link EventLoop}: the system's monotonic clock, or a
 * {@linkplain VirtualClock virtual clock} that jumps to the next timer whenever the loop has
 * nothing else to do.
 *
 * <p>Every timer of a loop ({@code sleep}, {@code callLater}, timeouts) reads this clock; nothing
 * in the library reads {@link System#nanoTime()} directly.
 * {@snippet :
 * Async.run(LoopClock.virtual(), () -> {
 *     sleep(Duration.ofDays(1)); // returns at once in wall-clock terms
 * });
 * }
 *
 * @since 0.1
 */
public sealed interface LoopClock permits SystemClock, VirtualClock {

    /**
     * The current time of this clock.
     *
     * @return nanoseconds since an arbitrary origin (for a virtual clock: since its creation, at 0)
     */
    long nanoTime();

    /**
     * The system's monotonic clock.
     *
     * @return a clock reading {@link System#nanoTime()}
     */
    static LoopClock system() {
        return new SystemClock();
    }

    /**
     * A new virtual clock at time 0, for one loop.
     *
     * @return a clock that only moves when its loop jumps it to the next timer
     */
    static VirtualClock virtual() {
        return new VirtualClock();
    }
}
