package dev.reactiveawait;

import java.util.List;
import java.util.Objects;

/**
 * A snapshot of every pending task of an {@link EventLoop}: its name, its state, where it is
 * suspended (the stack of its own code, without the library's frames) and the chain of what it
 * awaits. {@link #toString()} formats it like Python 3.14's {@code asyncio} call graph.
 * {@snippet :
 * TaskDump dump = loop.dump();      // on the loop, or while it is not running
 * System.err.println(dump);         // one block per pending task
 * for (TaskDump.TaskInfo t : dump.tasks()) {
 *     System.err.println(t.name() + " awaits " + t.awaiting());
 * }
 * }
 *
 * @param tasks the pending tasks, in creation order
 * @since 0.2
 */
public record TaskDump(List<TaskInfo> tasks) {

    /**
     * Copies the list: a dump never changes.
     *
     * @param tasks the pending tasks, in creation order
     */
    public TaskDump {
        tasks = List.copyOf(Objects.requireNonNull(tasks, "tasks"));
    }

    /**
     * One pending task in a {@link TaskDump}.
     * {@snippet :
     * TaskDump.TaskInfo t = loop.dump().tasks().get(0);
     * StackTraceElement where = t.stack().get(0); // the innermost frame of the task's own code
     * }
     *
     * @param name the task's name
     * @param state {@code PENDING} or {@code RUNNING}, as in {@link Task}'s state table
     * @param stack where the task is suspended, innermost frame first, without the library's own
     *     frames; empty if the task has not started yet
     * @param awaiting what it awaits, outermost first: task names ({@code task 'child'}), then
     *     the promise the last task waits on ({@code gather of 3}, {@code Promise[pending]}), or
     *     {@code cycle: a → b → a} when the chain comes back to a task already in it; empty if
     *     the task awaits nothing
     * @since 0.2
     */
    public record TaskInfo(String name, String state, List<StackTraceElement> stack, List<String> awaiting) {

        /**
         * Copies the lists.
         *
         * @param name the task's name
         * @param state the task's state
         * @param stack where it is suspended, innermost frame first
         * @param awaiting what it awaits, outermost first
         */
        public TaskInfo {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(state, "state");
            stack = List.copyOf(Objects.requireNonNull(stack, "stack"));
            awaiting = List.copyOf(Objects.requireNonNull(awaiting, "awaiting"));
        }
    }

    /**
     * The dump in the layout of Python 3.14's {@code asyncio.print_call_graph}: a block per task.
     * {@snippet lang=text :
     * * Task(name='child', state=PENDING)
     * + Call stack:
     * |   at com.example.Shop.fetch(Shop.java:42)
     * + Awaits: task 'grandchild' → Promise[pending]
     * }
     *
     * @return the formatted dump; {@code "no pending tasks"} when there are none
     */
    @Override
    public String toString() {
        if (tasks.isEmpty()) {
            return "no pending tasks";
        }
        StringBuilder b = new StringBuilder();
        for (TaskInfo t : tasks) {
            b.append("* Task(name='").append(t.name()).append("', state=").append(t.state()).append(")\n");
            b.append("+ Call stack:\n");
            if (t.stack().isEmpty()) {
                b.append("|   (not started)\n");
            }
            for (StackTraceElement e : t.stack()) {
                b.append("|   at ").append(e).append('\n');
            }
            if (!t.awaiting().isEmpty()) {
                b.append("+ Awaits: ").append(String.join(" → ", t.awaiting())).append('\n');
            }
        }
        return b.toString();
    }
}
