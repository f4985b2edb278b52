package dev.reactiveawait;

import org.jspecify.annotations.Nullable;

/**
 * The task-local values that a thread outside the loop carries while it runs work for a task
 * ({@link Async#toThread}): asyncio's {@code contextvars.copy_context().run(...)}. {@link TaskLocal}
 * reads them when no task runs on the calling thread; a value set there changes the carried copy
 * only, never the task's.
 */
final class CarriedLocals {
    /** Written and read by the worker thread itself. */
    private static final ThreadLocal<Object @Nullable []> CARRIED = new ThreadLocal<>();

    private CarriedLocals() {}

    /** The calling thread's carried values, or {@code null} if it carries none. */
    static Object @Nullable [] get() {
        return CARRIED.get();
    }

    /** Replaces the calling thread's carried values (a {@link TaskLocal#set} on a worker). */
    static void set(Object[] locals) {
        CARRIED.set(locals);
    }

    /** Starts carrying {@code locals}; returns what the thread carried before, for {@link #restore}. */
    static Object @Nullable [] enter(Object[] locals) {
        Object[] previous = CARRIED.get();
        CARRIED.set(locals);
        return previous;
    }

    /** Puts back what {@link #enter} returned. */
    static void restore(Object @Nullable [] previous) {
        if (previous == null) {
            CARRIED.remove();
        } else {
            CARRIED.set(previous);
        }
    }
}
