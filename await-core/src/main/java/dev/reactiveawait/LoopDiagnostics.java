package dev.reactiveawait;

import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * What one loop shows to the outside while it lives, and what it reports when it goes: its JMX
 * bean (opt-in, {@link LoopJmx}) and asyncio's "Task was destroyed but it is pending!"
 * ({@link PendingTaskDropped}). Created when the loop first runs; nothing here is on a task
 * switch's path.
 *
 * <p>This object is also the loop's {@link Cleaner} action, so it holds no reference to the loop:
 * if the loop is collected without {@code close()}, it reports the tasks that were pending when
 * the loop last stopped running, and unregisters the bean.
 */
final class LoopDiagnostics implements Runnable {
    /** The system property that turns the loops' JMX beans on, read when each loop first runs. */
    static final String JMX_PROPERTY = "dev.reactiveawait.jmx";
    private static final AtomicLong IDS = new AtomicLong();
    /** Tasks described for the cleaner's report; more are only counted. */
    private static final int DESCRIBED = 16;

    final String name;
    /** Unregisters the loop's JMX bean; {@code null} when JMX is off (no JMX class is loaded then). */
    private final @Nullable Runnable mbean;
    private final Cleaner.Cleanable cleanable;
    /** Written by the thread leaving a run of the loop; read by the cleaner's thread. */
    private volatile List<String> pendingAtLastStop = List.of();
    private volatile int pendingCountAtLastStop;
    /** Set by close() (or by the cleaner itself): nothing more to report. */
    private volatile boolean settled;

    private LoopDiagnostics(EventLoop loop) {
        this.name = "EventLoop-" + IDS.incrementAndGet();
        this.mbean = Boolean.getBoolean(JMX_PROPERTY) ? LoopJmx.register(loop, name) : null;
        this.cleanable = FailureReport.CLEANER.register(loop, this);
    }

    /** The thread entering the loop's first run. */
    static LoopDiagnostics start(EventLoop loop) {
        return new LoopDiagnostics(loop);
    }

    /** The thread leaving a run of the loop (it still owns the loop): remembers what stays pending. */
    void stopped(List<Task<?>> pending) {
        List<String> described = new ArrayList<>(Math.min(pending.size(), DESCRIBED));
        for (int i = 0; i < pending.size() && i < DESCRIBED; i++) {
            described.add(PendingTaskDropped.describe(pending.get(i)));
        }
        pendingCountAtLastStop = pending.size();
        pendingAtLastStop = List.copyOf(described);
    }

    /** The closing thread, last thing in close(): reports what outlived it, unregisters the bean. */
    void closed(List<Task<?>> stillPending, @Nullable BiConsumer<String, Throwable> sink) {
        settled = true;
        try {
            if (!stillPending.isEmpty()) {
                PendingTaskDropped.reportAtClose(name, stillPending, sink);
            }
        } finally {
            cleanable.clean(); // runs this action once, now: unregisters the bean
        }
    }

    /** The cleaner's thread when the loop was collected unclosed, or the closing thread via clean(). */
    @Override
    public void run() {
        if (mbean != null) {
            mbean.run();
        }
        if (!settled) {
            settled = true;
            PendingTaskDropped.reportCollected(name, pendingAtLastStop, pendingCountAtLastStop);
        }
    }
}
