package dev.reactiveawait.internal;

import dev.reactiveawait.EventLoop;
import org.jspecify.annotations.Nullable;

/**
 * Where a subscription to a publisher built from a task's body ({@code mono}, {@code flux},
 * {@code rxSingle}, ..., {@code rxFlowable}) starts its task: the loop given at assembly, else the
 * loop the subscriber runs on. Never a hidden global pool.
 *
 * <p>Not API: exported to the bridges only.
 */
public final class LoopOfSubscription {
    private LoopOfSubscription() {}

    /**
     * The loop to start the task on.
     *
     * @param given the loop named at assembly, or {@code null}
     * @return {@code given}, else the subscribing thread's loop, else {@code null} (a plain thread)
     */
    public static @Nullable EventLoop resolve(@Nullable EventLoop given) {
        return given != null ? given : CoreAccess.currentLoopOrNull();
    }

    /**
     * The error of a subscription from a plain thread to a publisher built without a loop.
     *
     * @param facade the bridge's facade, e.g. {@code "ReactorTasks"}
     * @param factory its factory method, e.g. {@code "flux"}
     * @return the error, naming both fixes
     */
    public static IllegalStateException noLoop(String facade, String factory) {
        return new IllegalStateException(factory + "(body) was subscribed on thread \"" + Thread.currentThread().getName()
                + "\", which runs no event loop, so the body has nowhere to run; subscribe inside a task, "
                + "or name the loop: " + facade + "." + factory + "(loop, body)");
    }

    /**
     * Runs {@code start} on {@code loop}: at once when the caller is on it, else through its inbox
     * (task creation is loop-only).
     *
     * @param loop the loop
     * @param start what creates the task
     * @throws IllegalStateException if the loop is closed
     */
    public static void execute(EventLoop loop, Runnable start) {
        if (loop.inLoop()) {
            start.run();
        } else {
            loop.callSoonThreadsafe(start);
        }
    }
}
