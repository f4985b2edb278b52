package dev.reactiveawait;

import java.lang.ref.WeakReference;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The implementation of {@link EventLoopMXBean}. It holds its loop weakly: the platform MBean
 * server is a GC root, and a loop that its user dropped without {@code close()} must still be
 * collectable (its {@link LoopDiagnostics} cleaner then unregisters this bean).
 */
final class LoopMBean implements EventLoopMXBean {
    private static final long DUMP_TIMEOUT_MILLIS = 10_000;

    private final String name;
    private final WeakReference<EventLoop> loop;
    private final long dumpTimeoutMillis;

    LoopMBean(String name, EventLoop loop) {
        this(name, loop, DUMP_TIMEOUT_MILLIS);
    }

    LoopMBean(String name, EventLoop loop, long dumpTimeoutMillis) {
        this.name = name;
        this.loop = new WeakReference<>(loop);
        this.dumpTimeoutMillis = dumpTimeoutMillis;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean isRunning() {
        EventLoop l = loop.get();
        return l != null && l.isRunning();
    }

    @Override
    public int getPendingTaskCount() {
        EventLoop l = loop.get();
        return l == null ? 0 : l.pendingCount();
    }

    @Override
    public long getTimeNanos() {
        EventLoop l = loop.get();
        return l == null ? 0 : l.time();
    }

    @Override
    public boolean isVirtualClock() {
        EventLoop l = loop.get();
        return l != null && l.clock() instanceof VirtualClock;
    }

    @Override
    public String getHolderThread() {
        EventLoop l = loop.get();
        Thread holder = l == null ? null : l.holderThread();
        return holder == null ? "" : describe(holder);
    }

    @Override
    public String dumpTasks() {
        EventLoop l = loop.get();
        if (l == null) {
            return name + " was garbage-collected";
        }
        try {
            return l.dumpAsync().get(dumpTimeoutMillis, TimeUnit.MILLISECONDS).toString();
        } catch (TimeoutException e) {
            return stuck(l);
        } catch (ExecutionException e) {
            return name + " could not take the dump: " + e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return name + ": interrupted while waiting for the dump";
        }
    }

    /** A task's virtual thread has no name: its toString says what it is. */
    private static String describe(Thread t) {
        return t.getName().isEmpty() ? t.toString() : "thread \"" + t.getName() + "\"";
    }

    /** What can be said of a loop that does not answer: who holds it, and where. */
    private String stuck(EventLoop l) {
        StringBuilder b = new StringBuilder(name).append(" did not take the dump within ").append(dumpTimeoutMillis)
                .append(" ms: a task step or callback holds the loop without awaiting (a busy loop or a blocking call)");
        Thread holder = l.holderThread();
        if (holder != null) {
            b.append("; ").append(describe(holder)).append(" holds it, at:\n");
            for (StackTraceElement e : holder.getStackTrace()) {
                b.append("    at ").append(e).append('\n');
            }
        }
        return b.toString();
    }
}
