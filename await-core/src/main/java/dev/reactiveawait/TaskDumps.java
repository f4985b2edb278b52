package dev.reactiveawait;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** Builds {@link TaskDump}s and trims stacks to the user's frames. Loop-only, except {@link #userFrames}. */
final class TaskDumps {
    /** Class name → whether it is one of the library's own classes (same code source as this one). */
    private static final ConcurrentHashMap<String, Boolean> LIBRARY = new ConcurrentHashMap<>();

    private TaskDumps() {}

    static TaskDump of(List<Task<?>> pending) {
        List<TaskDump.TaskInfo> infos = new ArrayList<>(pending.size());
        for (Task<?> t : pending) {
            Thread thread = t.strand.thread;
            List<StackTraceElement> stack = thread == null ? List.of() : userFrames(thread.getStackTrace());
            infos.add(new TaskDump.TaskInfo(t.name(), t.state(), stack, awaiting(t)));
        }
        return new TaskDump(infos);
    }

    /** The chain of what {@code task} awaits, through tasks, ending at a promise or a cycle. */
    static List<String> awaiting(Task<?> task) {
        List<String> chain = new ArrayList<>();
        List<Task<?>> path = new ArrayList<>();
        path.add(task);
        Object w = task.waitingOn;
        while (w != null) {
            if (w instanceof Task<?> t) {
                int seen = indexOf(path, t);
                if (seen >= 0) {
                    StringBuilder cycle = new StringBuilder("cycle: ");
                    for (int i = seen; i < path.size(); i++) {
                        cycle.append(path.get(i).name()).append(" → ");
                    }
                    chain.add(cycle.append(t.name()).toString());
                    break;
                }
                chain.add("task '" + t.name() + "'");
                path.add(t);
                w = t.waitingOn;
            } else {
                chain.add(describe(w));
                break;
            }
        }
        return chain;
    }

    private static int indexOf(List<Task<?>> path, Task<?> t) {
        for (int i = 0; i < path.size(); i++) {
            if (path.get(i) == t) {
                return i;
            }
        }
        return -1;
    }

    private static String describe(Object a) {
        if (a instanceof Promise<?> p && p.cancelHook instanceof Gather<?> g) {
            return "gather of " + g.size();
        }
        return a.toString();
    }

    /**
     * The stack without the library's frames, and without the JDK frames above the innermost and
     * below the outermost frame of the user's code (park, the thread's entry).
     */
    static List<StackTraceElement> userFrames(StackTraceElement[] frames) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < frames.length; i++) {
            if (isUser(frames[i])) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        if (first < 0) {
            return List.of();
        }
        List<StackTraceElement> kept = new ArrayList<>(last - first + 1);
        for (int i = first; i <= last; i++) {
            if (!isLibrary(frames[i].getClassName())) {
                kept.add(frames[i]);
            }
        }
        return kept;
    }

    private static boolean isUser(StackTraceElement e) {
        String c = e.getClassName();
        return !c.startsWith("java.") && !c.startsWith("jdk.") && !c.startsWith("sun.") && !isLibrary(c);
    }

    /** The library's own classes; other code in its packages (tests of the library) counts as the user's. */
    static boolean isLibrary(String className) {
        if (!className.startsWith("dev.reactiveawait.")) {
            return false;
        }
        return LIBRARY.computeIfAbsent(className, TaskDumps::sameCodeSource);
    }

    private static boolean sameCodeSource(String className) {
        try {
            Class<?> c = Class.forName(className, false, TaskDumps.class.getClassLoader());
            return c.getModule() == TaskDumps.class.getModule()
                    && sameLocation(location(c), location(TaskDumps.class));
        } catch (ClassNotFoundException | LinkageError | SecurityException e) {
            return true;
        }
    }

    private static @Nullable Object location(Class<?> c) {
        java.security.CodeSource s = c.getProtectionDomain().getCodeSource();
        return s == null ? null : s.getLocation();
    }

    private static boolean sameLocation(@Nullable Object a, @Nullable Object b) {
        return a == null || b == null || a.equals(b);
    }
}
