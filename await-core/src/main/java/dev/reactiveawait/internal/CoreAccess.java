package dev.reactiveawait.internal;

import dev.reactiveawait.EventLoop;
import dev.reactiveawait.Promise;
import java.lang.invoke.MethodHandles;
import org.jspecify.annotations.Nullable;

/**
 * What the bridges may do that users may not (the JDK's "shared secrets" pattern): the core
 * package installs the one implementation when {@link EventLoop} initializes, and the bridges call
 * the static methods here.
 */
public abstract class CoreAccess {
    private static @Nullable CoreAccess instance;

    /** For the core package's implementation only. */
    protected CoreAccess() {}

    /**
     * Installs the implementation; called once by the core.
     *
     * @param access the implementation
     */
    public static synchronized void install(CoreAccess access) {
        if (instance != null) {
            throw new IllegalStateException("CoreAccess is installed by the core only");
        }
        instance = access;
    }

    private static CoreAccess get() {
        CoreAccess a = instance;
        if (a == null) {
            try {
                MethodHandles.lookup().ensureInitialized(EventLoop.class);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            a = java.util.Objects.requireNonNull(instance, "the core did not install CoreAccess");
        }
        return a;
    }

    /**
     * A promise that another thread will complete (a Reactor or RxJava signal). Until it is done,
     * a loop on a virtual clock waits for it instead of jumping to its next timer; if it is
     * cancelled (typically because the task awaiting it was), {@code onCancel} runs at once, on
     * the cancelling thread. Call on the loop.
     *
     * @param loop the loop whose task will await it
     * @param onCancel what cancels the foreign work (a subscription, a disposable)
     * @param <T> the result type
     * @return the pending promise
     */
    public static <T extends @Nullable Object> Promise<T> foreignPromise(EventLoop loop, Runnable onCancel) {
        return get().newForeignPromise(loop, onCancel);
    }

    /**
     * Whether {@code thread} runs a loop's task or callback right now, for the host libraries'
     * non-blocking-thread predicates ({@code Mono.block()} must fail fast there).
     *
     * @param thread the thread to test
     * @return {@code true} if it holds the baton of a running loop
     */
    public static boolean isLoopThread(Thread thread) {
        return get().holdsLoop(thread);
    }

    /**
     * The loop whose baton the calling thread holds, or {@code null}.
     *
     * @return the loop, or {@code null} on a plain thread
     */
    public static @Nullable EventLoop currentLoopOrNull() {
        return get().loopOfCurrentThread();
    }

    /**
     * Test support: how a loop on a virtual clock treats foreign waits, and where its unretrieved
     * task exceptions go. Call before the loop runs.
     *
     * @param loop the loop
     * @param jumpAfterNanos real nanoseconds the idle loop waits for foreign work before it jumps
     *     to its next timer anyway ({@code 0}: at once; {@code -1}, the default: a pending foreign
     *     wait holds the clock still)
     * @param stallNanos real nanoseconds the loop may idle with foreign waits and no timer before
     *     {@code onStall} runs (once per idle period, on the loop)
     * @param onStall the stall report, or {@code null}
     * @param unretrievedSink receives each task exception nobody retrieved when the loop closes
     *     (message, exception) instead of the log, or {@code null}
     * @throws IllegalStateException if the loop runs
     */
    public static void configureVirtualTime(EventLoop loop, long jumpAfterNanos, long stallNanos,
            @Nullable Runnable onStall, java.util.function.@Nullable BiConsumer<String, Throwable> unretrievedSink) {
        get().configureLoop(loop, jumpAfterNanos, stallNanos, onStall, unretrievedSink);
    }

    /**
     * Test support (await-test's {@code TestLoop}): when {@code loop} has work next. Call on the
     * loop, from one of its tasks.
     *
     * @param loop the loop
     * @return {@code Long.MIN_VALUE} if a step or callback is ready (or posted from another thread),
     *     else the deadline of its earliest timer on the {@link EventLoop#time()} scale, else
     *     {@code Long.MAX_VALUE}
     */
    public static long nextWorkAt(EventLoop loop) {
        return get().workAt(loop);
    }

    /**
     * Implementation of {@link #nextWorkAt}.
     *
     * @param loop the loop
     * @return see {@link #nextWorkAt}
     */
    protected abstract long workAt(EventLoop loop);

    /**
     * Implementation of {@link #configureVirtualTime}.
     *
     * @param loop the loop
     * @param jumpAfterNanos see {@link #configureVirtualTime}
     * @param stallNanos see {@link #configureVirtualTime}
     * @param onStall see {@link #configureVirtualTime}
     * @param unretrievedSink see {@link #configureVirtualTime}
     */
    protected abstract void configureLoop(EventLoop loop, long jumpAfterNanos, long stallNanos,
            @Nullable Runnable onStall, java.util.function.@Nullable BiConsumer<String, Throwable> unretrievedSink);

    /**
     * Implementation of {@link #foreignPromise}.
     *
     * @param loop the loop
     * @param onCancel run when cancelled
     * @param <T> the result type
     * @return the promise
     */
    protected abstract <T extends @Nullable Object> Promise<T> newForeignPromise(EventLoop loop, Runnable onCancel);

    /**
     * Implementation of {@link #isLoopThread}.
     *
     * @param thread the thread
     * @return whether it holds a running loop's baton
     */
    protected abstract boolean holdsLoop(Thread thread);

    /**
     * Implementation of {@link #currentLoopOrNull}.
     *
     * @return the loop or {@code null}
     */
    protected abstract @Nullable EventLoop loopOfCurrentThread();
}
