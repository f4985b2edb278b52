package dev.reactiveawait;

import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The loops inside {@code runUntilComplete}/{@code runForever}, so that any code can ask "which
 * loop does this thread run?" (the static {@code Async} facade, {@code await} on a plain thread,
 * the misuse checks). Copy-on-write: a lookup is a volatile read and a scan of a few loops; a run
 * entering or leaving copies the array under a lock.
 */
final class RunningLoops {
    private static volatile EventLoop[] running = new EventLoop[0];
    private static final ReentrantLock LOCK = new ReentrantLock();

    private RunningLoops() {}

    /** The running loop whose baton {@code thread} holds, or {@code null}. */
    static @Nullable EventLoop heldBy(Thread thread) {
        for (EventLoop loop : running) {
            if (loop.holder == thread) {
                return loop;
            }
        }
        return null;
    }

    /** {@code loop} starts a run. */
    static void add(EventLoop loop) {
        LOCK.lock();
        try {
            EventLoop[] old = running;
            EventLoop[] grown = Arrays.copyOf(old, old.length + 1);
            grown[old.length] = loop;
            running = grown;
        } finally {
            LOCK.unlock();
        }
    }

    /** {@code loop}'s run ends. */
    static void remove(EventLoop loop) {
        LOCK.lock();
        try {
            running = Arrays.stream(running).filter(l -> l != loop).toArray(EventLoop[]::new);
        } finally {
            LOCK.unlock();
        }
    }
}
