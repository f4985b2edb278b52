package dev.reactiveawait;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Checks the order of steps in an interleaving, like kotlinx.coroutines' {@code TestBase.expect}:
 * each {@link #step(int)} must carry the next number, starting at 1. A wrong step throws an
 * {@link AssertionError} where it happens, and is also remembered, so that a step taken inside a
 * loop callback (whose exceptions the loop only logs) still fails the test at {@link #finish(int)}.
 */
final class Expect {
    private final AtomicInteger last = new AtomicInteger();
    private final AtomicReference<AssertionError> firstError = new AtomicReference<>();

    /** Records step {@code index}; fails unless it directly follows the previous one. */
    void step(int index) {
        int actual = last.incrementAndGet();
        if (actual != index) {
            AssertionError e = new AssertionError("expected step " + index + ", but this is step " + actual);
            firstError.compareAndSet(null, e);
            throw e;
        }
    }

    /** Records the last step {@code index} and fails if any step went wrong on any thread. */
    void finish(int index) {
        AssertionError earlier = firstError.get();
        if (earlier != null) {
            throw new AssertionError("a step went wrong earlier", earlier);
        }
        step(index);
    }
}
