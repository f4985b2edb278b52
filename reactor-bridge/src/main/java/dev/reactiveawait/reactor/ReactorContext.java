package dev.reactiveawait.reactor;
import dev.reactiveawait.TaskLocal;
import reactor.util.context.Context;
import reactor.util.context.ContextView;
/** The Reactor Context of the current task: set from the subscriber's context in mono/flux bodies, written into publishers the task awaits. */
final class ReactorContext {
    static final TaskLocal<ContextView> CONTEXT = TaskLocal.withInitial("reactor.Context", Context::empty);
    private ReactorContext() {}
    static ContextView current() { return CONTEXT.get(); }
}
