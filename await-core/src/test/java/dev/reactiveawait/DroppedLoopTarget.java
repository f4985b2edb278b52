package dev.reactiveawait;

import static dev.reactiveawait.Async.*;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The child JVM of {@link PendingTaskDroppedTest#withVirtualThreadsUntrackedASuspendedTaskOfACollectedLoopIsReported}:
 * run with {@code -Djdk.trackAllThreads=false}, so a suspended task's virtual thread is no GC root.
 * Drops a loop whose task waits in {@link #waitForReply}, collects it, and prints the report.
 */
public final class DroppedLoopTarget {
    private DroppedLoopTarget() {}

    static void waitForReply(Promise<Void> reply) {
        await(reply);
    }

    public static void main(String[] args) throws Exception {
        try (LogCapture log = LogCapture.start()) {
            WeakReference<EventLoop> ref = runAndDrop();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (ref.get() != null && System.nanoTime() < deadline) {
                System.gc();
            }
            System.out.println("COLLECTED " + (ref.get() == null));
            System.out.println("REPORTED " + log.await(e -> e.message().contains(PendingTaskDropped.WARNING),
                    Duration.ofSeconds(30)).message());
        }
    }

    private static WeakReference<EventLoop> runAndDrop() {
        EventLoop loop = EventLoop.create(LoopClock.virtual());
        loop.runUntilComplete(() -> {
            Promise<Void> reply = Promise.create();
            createTask("waiter", () -> waitForReply(reply));
            sleep(Duration.ZERO); // 'waiter' starts and suspends on its own virtual thread
        });
        return new WeakReference<>(loop);
    }
}
