package dev.reactiveawait;

/**
 * A callback scheduled with {@link EventLoop#callSoon(Runnable)}; cancel it to skip it.
 *
 * <dl>
 * <dt><b>Thread:</b></dt>
 * <dd>The callback runs on the loop, between task steps; use the handle from the loop only.</dd>
 * </dl>
 * {@snippet :
 * Handle h = currentLoop().callSoon(() -> System.out.println("later"));
 * h.cancel(); // "later" is never printed
 * }
 *
 * @since 0.1
 */
public sealed class Handle permits TimerHandle {
    /** A {@link Runnable}, or the {@link Task} a {@code sleep} timer wakes (no closure, no promise). */
    final Object callback;
    /** Written and read by the loop's baton holder. */
    boolean cancelled;

    Handle(Object callback) {
        this.callback = callback;
    }

    /** Loop: runs the callback, unless cancelled. */
    final void fire() {
        if (!cancelled) {
            if (callback instanceof Task<?> sleeper) {
                sleeper.wakeFromSleep();
            } else {
                ((Runnable) callback).run();
            }
        }
    }

    /** Cancels the callback: if it has not run yet, it never will. Cancelling twice is harmless. */
    public void cancel() {
        cancelled = true;
    }

    /**
     * Whether {@link #cancel()} was called.
     *
     * @return {@code true} once cancelled
     */
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public String toString() {
        return (cancelled ? "Handle[cancelled, " : "Handle[") + callback + "]";
    }
}
