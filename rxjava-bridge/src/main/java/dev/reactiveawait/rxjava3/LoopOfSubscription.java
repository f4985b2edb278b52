package dev.reactiveawait.rxjava3;

import dev.reactiveawait.EventLoop;
import dev.reactiveawait.internal.CoreAccess;
import org.jspecify.annotations.Nullable;

/**
 * Where an {@code rxSingle}/.../{@code rxFlowable} subscription starts its task: the loop given at
 * assembly, else the loop the subscriber runs on. Never a hidden global pool. (The Reactor bridge
 * has its own copy of these 40 lines; the bridges do not depend on each other.)
 */
final class LoopOfSubscription {
    private LoopOfSubscription() {}

    /**
     * The loop to start the task on, or {@code null} when none was given and the subscribing
     * thread runs no loop.
     */
    static @Nullable EventLoop resolve(@Nullable EventLoop given) {
        return given != null ? given : CoreAccess.currentLoopOrNull();
    }

    /** The error of a subscription from a plain thread to a source built without a loop. */
    static IllegalStateException noLoop(String factory) {
        return new IllegalStateException(factory + "(body) was subscribed on thread \"" + Thread.currentThread().getName()
                + "\", which runs no event loop, so the body has nowhere to run; subscribe inside a task, "
                + "or name the loop: RxTasks." + factory + "(loop, body)");
    }

    /**
     * Runs {@code start} on {@code loop}: at once when the caller is on it, else through its inbox
     * (task creation is loop-only).
     *
     * @throws IllegalStateException if the loop is closed
     */
    static void execute(EventLoop loop, Runnable start) {
        if (loop.inLoop()) {
            start.run();
        } else {
            loop.callSoonThreadsafe(start);
        }
    }
}
