package dev.reactiveawait.reactor;

import dev.reactiveawait.TaskLocal;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * The current task's Reactor {@link Context}: the subscriber context of every sequence the task
 * awaits, and the context a {@code mono}/{@code flux} body sees (set there from its subscriber's).
 * A task-local, so a child task starts with its parent's context.
 */
final class ReactorContext {
    /** The task's context; {@link Context#empty()} until set, and outside tasks. */
    static final TaskLocal<ContextView> CONTEXT = TaskLocal.withInitial("reactor.Context", Context::empty);

    private ReactorContext() {}

    /** The current task's context ({@link Context#empty()} outside a task). */
    static ContextView current() {
        return CONTEXT.get();
    }
}
