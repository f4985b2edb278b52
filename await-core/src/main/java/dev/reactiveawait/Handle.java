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
    final Runnable callback;
    /** Written and read by the loop's baton holder. */
    boolean cancelled;

    Handle(Runnable callback) {
        this.callback = callback;
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
