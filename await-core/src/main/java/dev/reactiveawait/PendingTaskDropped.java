package dev.reactiveawait;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * asyncio's "Task was destroyed but it is pending!": a task that will never be resumed, so the rest
 * of its body and its {@code finally} blocks never run. Carries, as its stack trace, where the task
 * was suspended; it is logged, never thrown.
 *
 * <p>How a task of ours gets there (CPython 3.11 warns in the same cases, when it collects the
 * task):
 * <ul>
 * <li>{@link EventLoop#close()} finished while the task was pending: it was created during
 *     close()'s own cleanup, after the other tasks had been cancelled (asyncio.run leaves such a
 *     task behind too), or a task called {@code stop()} during that cleanup, which ends it early
 *     ("the loop was stopped before ... completed"). Reported by close(), with the task's stack.</li>
 * <li>The loop was dropped without close() while tasks were pending, and the GC collected it.
 *     Reported by the loop's cleaner with what was known when the loop last stopped running. In a
 *     default JVM this only happens to tasks that never started: a suspended task's virtual thread
 *     is a GC root (the JDK tracks every virtual thread for thread dumps unless
 *     {@code -Djdk.trackAllThreads=false}) and keeps its loop reachable, so an unclosed loop with
 *     suspended tasks is a silent leak instead. Close loops, or use {@code Async.run}.</li>
 * </ul>
 */
final class PendingTaskDropped extends Throwable {
    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger("dev.reactiveawait");
    static final String WARNING = "Task was destroyed but it is pending!";

    private PendingTaskDropped(String message) {
        super(message, null, false, true);
    }

    /** On the closing thread: {@code stillPending} outlived {@code close()} of the loop {@code loopName}. */
    static void reportAtClose(String loopName, List<Task<?>> stillPending,
            @Nullable BiConsumer<String, Throwable> sink) {
        for (Task<?> t : stillPending) {
            List<StackTraceElement> where = t.started && t.strand.thread != null
                    ? TaskDumps.userFrames(t.strand.thread.getStackTrace())
                    : List.of();
            List<String> awaiting = TaskDumps.awaiting(t);
            String message = WARNING + " Task '" + t.name() + "' of " + loopName + " will never resume: close() "
                    + "finished while it was pending (it was created during close()'s cleanup, or stop() cut that "
                    + "cleanup short), so its finally blocks never run. " + state(t.started, where, awaiting);
            PendingTaskDropped carrier = new PendingTaskDropped("task '" + t.name() + "' was suspended here");
            carrier.setStackTrace(where.toArray(StackTraceElement[]::new));
            if (sink != null) {
                sink.accept(message, carrier);
            } else {
                LOG.log(Level.WARNING, message, carrier);
            }
        }
    }

    /** On the cleaner's thread: the loop {@code loopName} was collected with these tasks pending. */
    static void reportCollected(String loopName, List<String> described, int pendingCount) {
        for (String task : described) {
            LOG.log(Level.WARNING, WARNING + " " + task + " of " + loopName + " will never resume: the loop was "
                    + "garbage-collected without close() while the task was pending, so its finally blocks never "
                    + "run; close the loop (try-with-resources) or use Async.run");
        }
        if (pendingCount > described.size()) {
            LOG.log(Level.WARNING, WARNING + " " + (pendingCount - described.size()) + " more pending tasks of "
                    + loopName + " were dropped with it");
        }
    }

    /** Loop: a line for the cleaner's report, which cannot look at the task any more. */
    static String describe(Task<?> t) {
        List<String> awaiting = TaskDumps.awaiting(t);
        return "Task '" + t.name() + "' (" + (!t.started ? "never started"
                : awaiting.isEmpty() ? "suspended" : "awaiting " + String.join(" → ", awaiting)) + ")";
    }

    private static String state(boolean started, List<StackTraceElement> where, List<String> awaiting) {
        if (!started) {
            return "It never started.";
        }
        StringBuilder b = new StringBuilder("It is suspended");
        if (!where.isEmpty()) {
            b.append(" at ").append(where.get(0));
        }
        if (!awaiting.isEmpty()) {
            b.append(", awaiting ").append(String.join(" → ", awaiting));
        }
        return b.append('.').toString();
    }
}
