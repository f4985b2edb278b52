package dev.reactiveawait;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A value per task, like asyncio's {@code contextvars.ContextVar}: a child task starts with a copy
 * of its parent's values (taken at {@code createTask}), and what a child sets never reaches its
 * parent. Use it for request ids, tracing spans, security principals — anything a
 * {@code ThreadLocal} would carry in thread-per-request code (task threads inherit no
 * {@code ThreadLocal}s).
 *
 * <dl>
 * <dt><b>Thread:</b></dt>
 * <dd>Read and written from inside a task, and from work the task runs with
 *     {@link Async#toThread} or {@link Async#runInExecutor} (on a copy of the task's values, so what
 *     that work sets stays there); elsewhere (a callback, a plain thread) {@link #get()} returns the
 *     initial value and {@link #set} throws.</dd>
 * </dl>
 * {@snippet :
 * static final TaskLocal<String> REQUEST_ID = TaskLocal.withInitial("requestId", () -> "none");
 *
 * REQUEST_ID.set("r-42");
 * Task<String> child = createTask(REQUEST_ID::get); // "r-42": copied at createTask
 * }
 *
 * @param <T> the type of the value
 * @since 0.1
 */
public final class TaskLocal<T extends @Nullable Object> {
    private final String name;
    private final Supplier<? extends T> initial;

    private TaskLocal(String name, Supplier<? extends T> initial) {
        this.name = Objects.requireNonNull(name, "name");
        this.initial = Objects.requireNonNull(initial, "initial");
    }

    /**
     * A task-local whose value is {@code null} until set.
     *
     * @param name a name for diagnostics
     * @param <T> the type of the value
     * @return the task-local
     */
    public static <T extends @Nullable Object> TaskLocal<@Nullable T> named(String name) {
        return new TaskLocal<>(name, () -> null);
    }

    /**
     * A task-local whose value is {@code initial.get()} until set.
     *
     * @param name a name for diagnostics
     * @param initial the value of tasks that never set it
     * @param <T> the type of the value
     * @return the task-local
     */
    public static <T extends @Nullable Object> TaskLocal<T> withInitial(String name, Supplier<? extends T> initial) {
        return new TaskLocal<>(name, initial);
    }

    /**
     * The current task's value.
     *
     * @return the value set in this task or inherited from its creator, else the initial value
     */
    @SuppressWarnings("unchecked")
    public T get() {
        Task<?> task = Async.currentTask();
        Object @Nullable [] locals = task != null ? task.locals : CarriedLocals.get();
        if (locals != null) {
            for (int i = 0; i < locals.length; i += 2) {
                if (locals[i] == this) {
                    return (T) locals[i + 1];
                }
            }
        }
        return initial.get();
    }

    /**
     * Sets the current task's value; tasks it creates afterwards start with it.
     *
     * @param value the value
     * @throws IllegalStateException if not called inside a task (or work it runs on another thread)
     */
    public void set(T value) {
        Task<?> task = Async.currentTask();
        if (task != null) {
            task.locals = with(task.locals, value);
            return;
        }
        Object @Nullable [] carried = CarriedLocals.get();
        if (carried == null) {
            throw new IllegalStateException("TaskLocal " + name + ".set() outside a task: values belong to tasks");
        }
        CarriedLocals.set(with(carried, value)); // toThread work: its own copy, never the task's
    }

    /** {@code locals} with this local set to {@code value}: a copy, as arrays are shared with children. */
    private Object[] with(Object[] locals, T value) {
        for (int i = 0; i < locals.length; i += 2) {
            if (locals[i] == this) {
                Object[] copy = locals.clone();
                copy[i + 1] = value;
                return copy;
            }
        }
        Object[] grown = Arrays.copyOf(locals, locals.length + 2);
        grown[locals.length] = this;
        grown[locals.length + 1] = value;
        return grown;
    }

    @Override
    public String toString() {
        return "TaskLocal[" + name + "]";
    }
}
