package dev.reactiveawait;

import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * One thread that takes part in a loop's baton passing: a task's virtual thread, or the driver
 * thread inside {@code runUntilComplete}. Exactly one strand of a loop runs at a time; the others
 * wait in {@link #awaitBaton()} until another strand {@linkplain #handBaton() hands them the baton}.
 *
 * <p>Handoff protocol (measured in the prototype; see DESIGN.md §4): the giver writes the
 * receiver's {@code baton} flag, then unparks it, then touches nothing of the loop again; the
 * receiver parks in a loop on the flag (spurious wakeups), and keeps interrupts out of the park.
 */
final class Strand implements Runnable {
    /** The task this strand runs, or {@code null} for a driver strand. */
    final @Nullable Task<?> task;
    /** Set once: at creation for a driver, when the task's thread is created for a task. */
    @Nullable Thread thread;
    /** Written {@code true} by the giver before unpark, reset by this strand's own thread. */
    private volatile boolean baton;

    Strand(@Nullable Task<?> task, @Nullable Thread thread) {
        this.task = task;
        this.thread = thread;
    }

    /** The task thread's entry point. */
    @Override
    public void run() {
        java.util.Objects.requireNonNull(task).runOnThread();
    }

    /** Gives this strand the baton: it may run as soon as it wakes. Called by the current holder. */
    void handBaton() {
        baton = true;
        LockSupport.unpark(thread);
    }

    /** Parks the calling thread (this strand's own) until it receives the baton. */
    void awaitBaton() {
        boolean interrupted = false;
        while (!baton) {
            LockSupport.park(this);
            if (Thread.interrupted()) {
                interrupted = true; // remembered and restored: a set flag would make park spin
            }
        }
        baton = false;
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
