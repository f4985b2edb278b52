package dev.reactiveawait.sync;

import dev.reactiveawait.CancelledException;
import dev.reactiveawait.EventLoop;
import dev.reactiveawait.Promise;
import java.util.ArrayDeque;

/**
 * A flag that tasks can wait for (asyncio's {@code Event}): {@link #set()} wakes every waiting task,
 * in the order they started waiting, and later {@link #await()}s return at once until
 * {@link #clear()}.
 *
 * <p>asyncio's {@code wait()} is {@code await()} here: {@code Object.wait()} is final in Java.
 * {@snippet :
 * Event ready = new Event();
 * createTask(() -> { ready.await(); System.out.println("go"); });
 * sleep(Duration.ofSeconds(1));
 * ready.set(); // prints "go"
 * }
 *
 * <dl>
 * <dt><b>Thread:</b></dt>
 * <dd>Bound to the first loop that uses it; {@link #await()} needs a task of that loop, the other
 *     methods may also run in its callbacks (a {@code callLater} that sets it, for instance). From
 *     another thread, use {@code loop.callSoonThreadsafe(event::set)}.</dd>
 * <dt><b>Cancellation:</b></dt>
 * <dd>A task cancelled while it waits gets {@link CancelledException}; the event and the other
 *     waiters are unaffected.</dd>
 * </dl>
 *
 * @since 0.1
 */
public final class Event {
    private final LoopBound bound = new LoopBound();
    /** Loop-only, like {@link #value}: one promise per waiting task, oldest first. */
    private final ArrayDeque<Promise<Boolean>> waiters = new ArrayDeque<>();
    private boolean value;

    /** Creates an event that is not set, bound to no loop yet. */
    public Event() {}

    /** A queue's "all tasks done" event: starts set, without binding to the creating thread's loop. */
    Event(boolean set) {
        this.value = set;
    }

    /**
     * Whether the flag is set.
     *
     * @return {@code true} if set
     * @throws WrongThreadException if called from another loop, or from a foreign thread while the
     *     event's loop runs
     */
    public boolean isSet() {
        bound.check(this, "isSet");
        return value;
    }

    /**
     * Sets the flag and wakes every waiting task (each resumes through the ready queue, in waiting
     * order). Does nothing if the flag is already set.
     *
     * @throws WrongThreadException if called from another loop, or from a foreign thread while the
     *     event's loop runs
     */
    public void set() {
        bound.check(this, "set");
        if (!value) {
            value = true;
            for (Promise<Boolean> fut : waiters) {
                if (!fut.isDone()) {
                    fut.trySucceed(Boolean.TRUE);
                }
            }
        }
    }

    /**
     * Resets the flag, so that later {@link #await()}s wait again. Tasks that {@link #set()} has
     * already woken still resume.
     *
     * @throws WrongThreadException if called from another loop, or from a foreign thread while the
     *     event's loop runs
     */
    public void clear() {
        bound.check(this, "clear");
        value = false;
    }

    /**
     * Waits until the flag is set (asyncio's {@code wait()}); returns at once, without suspending,
     * if it is set already.
     * {@snippet :
     * shutdownRequested.await();
     * }
     *
     * @throws CancelledException if the task is cancelled while it waits
     * @throws IllegalStateException if called outside a task (in a callback)
     * @throws WrongThreadException if called from another loop or from a thread that runs no loop
     */
    public void await() {
        EventLoop loop = bound.checkTask(this, "await");
        if (value) {
            return;
        }
        Waiters.await(waiters, Promise.create(loop));
    }

    /** Loop-only: the number of waiting tasks, for tests. */
    int waiterCount() {
        return waiters.size();
    }

    @Override
    public String toString() {
        int n = waiters.size();
        return "Event[" + (value ? "set" : "unset") + (n > 0 ? ", waiters=" + n : "") + "]";
    }
}
