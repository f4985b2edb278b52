package dev.reactiveawait.sync;

import dev.reactiveawait.Async;
import dev.reactiveawait.EventLoop;
import dev.reactiveawait.internal.CoreAccess;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * asyncio's {@code _LoopBoundMixin}, made strict: a primitive belongs to the first loop that uses
 * it, and every call must come from that loop. asyncio binds only when a waiter is created and
 * checks nothing else; here every method checks (a foreign thread calling {@code Event.set()}
 * corrupts state silently in asyncio), which costs one volatile read and one field comparison
 * on the fast path.
 *
 * <p>Calls that never wait may also come from a plain thread while no loop runs the primitive
 * (unbound, or its loop not running): setup code, like {@code EventLoop}'s own loop-only methods.
 */
final class LoopBound {
    private static final VarHandle LOOP;

    static {
        try {
            LOOP = MethodHandles.lookup().findVarHandle(LoopBound.class, "loop", EventLoop.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** CAS'd once from {@code null} by the first loop thread that uses the primitive; read anywhere. */
    private volatile @Nullable EventLoop loop;

    /** Checks a call that never waits; binds the primitive on its first use from a loop. */
    void check(Object primitive, String method) {
        EventLoop l = loop;
        if (l == null || !l.inLoop()) {
            slowCheck(primitive, method, false);
        }
    }

    /**
     * Checks a call that may wait: it must run in a task of the primitive's loop (binding it on
     * first use). Returns that loop.
     */
    EventLoop checkTask(Object primitive, String method) {
        EventLoop l = loop;
        if (l == null || !l.inLoop()) {
            l = Objects.requireNonNull(slowCheck(primitive, method, true));
        }
        if (Async.currentTask() == null) {
            throw new IllegalStateException(what(primitive, method) + " called in a callback of the event loop, "
                    + "outside any task: it may have to wait, which only a task can do; create a task with "
                    + "createTask(...) and call it there");
        }
        return l;
    }

    /** The loop the primitive is bound to, or {@code null} before its first use on a loop. */
    @Nullable EventLoop loop() {
        return loop;
    }

    private @Nullable EventLoop slowCheck(Object primitive, String method, boolean mayWait) {
        EventLoop current = CoreAccess.currentLoopOrNull();
        EventLoop l = loop;
        if (current == null) {
            String thread = Thread.currentThread().getName();
            if (mayWait) {
                throw new WrongThreadException(what(primitive, method) + " called from thread \"" + thread
                        + "\", which runs no event loop: it may have to wait, which only a task can do; call it "
                        + "inside a task (Async.run(...) starts a loop, EventLoop.submit(...) hands work to a running one)");
            }
            if (l == null || !l.isRunning()) {
                return l; // setup code: nobody runs the primitive now
            }
            throw new WrongThreadException(what(primitive, method) + " called from thread \"" + thread
                    + "\", which is not the thread of its event loop: the primitives are not thread-safe; "
                    + "hand the call to the loop with callSoonThreadsafe(...) or submit(...)");
        }
        if (l == null) {
            if (LOOP.compareAndSet(this, (EventLoop) null, current)) {
                return current;
            }
            l = Objects.requireNonNull(loop);
        }
        if (l != current) {
            throw new WrongThreadException(what(primitive, method) + " called from a task or callback of another "
                    + "event loop than the one it is bound to (" + l + "): a primitive belongs to the first loop "
                    + "that uses it; create one per loop");
        }
        return l;
    }

    private static String what(Object primitive, String method) {
        return primitive.getClass().getSimpleName() + "." + method + "()";
    }
}
