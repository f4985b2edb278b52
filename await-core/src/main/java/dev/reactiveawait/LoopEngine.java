package dev.reactiveawait;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The engine under {@link EventLoop}: the ready queue, the timer heap, the inbox of posts from
 * other threads, and the baton passing that runs one task step or callback at a time. This is
 * asyncio's {@code _run_once} without a central thread: the strand that suspends runs the
 * dispatch itself and hands the baton straight to the thread of the next ready step (DESIGN.md
 * §4). {@link EventLoop}, its only subclass, adds the public API, the checks and the lifecycle.
 *
 * <p>Loop-only unless a comment says otherwise: read and written by the strand holding the baton.
 */
abstract sealed class LoopEngine permits EventLoop {
    static final System.Logger LOG = System.getLogger("dev.reactiveawait");
    private static final Object STOP = new Object();

    final LoopClock clock;
    private final @Nullable VirtualClock virtualClock;
    private final Thread.Builder.OfVirtual threads;

    // Everything below is loop-only (read and written by the strand holding the baton), except
    // where a comment says otherwise. Baton handoffs (a volatile write/read pair) order them.
    /** Ready task steps ({@link Task}), callbacks ({@link Handle}) and internal {@link Runnable}s. */
    final ArrayDeque<Object> ready = new ArrayDeque<>();
    final TimerQueue timers = new TimerQueue();
    /** The only state other threads touch. */
    final Inbox inbox = new Inbox();
    /** The task whose step runs now, or {@code null} while callbacks run. */
    @Nullable Task<?> current;
    /**
     * The thread holding the baton: written by the previous holder right before it hands the baton
     * over (or by the thread entering/leaving a run). A plain field is enough for the one question
     * it answers, "is it me?": a thread reads {@code true} only after the volatile baton handoff that
     * made it the holder, and never reads its own stale value once it has written its successor.
     */
    @Nullable Thread holder;
    /** The strand of the thread inside {@code runUntilComplete}/{@code runForever}, which a stop hands the baton back to. */
    @Nullable Strand driver;
    private int batchRemaining;
    /** Whether an iteration began since the run was entered (a stop waits for one). */
    boolean ranIteration;
    /** A stop was requested: the dispatch returns to the driver at the end of this iteration. */
    boolean stopping;
    /** The idle wait was interrupted: the interrupt is restored on the waiting thread once it hands the baton on (or leaves the run). */
    boolean idleInterrupted;
    /** Awaits of work done elsewhere (another thread) still pending: a virtual clock must not jump. */
    private int externalWaits;
    /**
     * Virtual clock only: real nanoseconds the idle loop waits for foreign work before it jumps to
     * its next timer anyway ({@code -1}: a pending foreign wait holds the clock still). Set before
     * the loop runs, through {@code CoreAccess.configureVirtualTime}.
     */
    long jumpAfterNanos = -1;
    /** Virtual clock only: real nanoseconds of idling with foreign waits and no timer before {@link #onStall}. */
    long stallNanos = Long.MAX_VALUE;
    @Nullable Runnable onStall;
    /** Watches steps while the loop runs with a slow-step threshold; {@code null} otherwise. */
    @Nullable SlowStepWatchdog watchdog;

    LoopEngine(LoopClock clock, Thread.Builder.OfVirtual threads) {
        this.clock = clock;
        this.virtualClock = clock instanceof VirtualClock v ? v : null;
        if (virtualClock != null) {
            this.jumpAfterNanos = virtualClock.autojumpNanos();
        }
        this.threads = threads;
    }

    /** This engine's loop (the only subclass). */
    private EventLoop loop() {
        return (EventLoop) this;
    }

    // ---------------------------------------------------------------- scheduling

    /** Any thread, no checks: internal signals that must reach the loop even while it closes. */
    void post(Runnable callback) {
        inbox.post(callback);
    }

    /** Loop: appends a task step or callback to the ready queue. */
    void enqueue(Object step) {
        ready.add(step);
    }

    /** Loop: a deadline {@code delay} from now, saturating instead of overflowing. */
    long deadline(Duration delay) {
        long now = clock.nanoTime();
        long nanos;
        try {
            nanos = delay.toNanos();
        } catch (ArithmeticException tooLong) {
            nanos = delay.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        long sum = now + nanos;
        return ((now ^ sum) & (nanos ^ sum)) < 0 ? (nanos > 0 ? Long.MAX_VALUE : Long.MIN_VALUE) : sum;
    }

    /**
     * Loop: when there is work next, for manual virtual time ({@code TestLoop}): {@code Long.MIN_VALUE}
     * if a step or callback is ready or posted, else the earliest live timer's deadline, else
     * {@code Long.MAX_VALUE}.
     */
    long nextWorkAt() {
        if (!ready.isEmpty() || !inbox.isEmpty()) {
            return Long.MIN_VALUE;
        }
        TimerHandle next = timers.peek();
        return next == null ? Long.MAX_VALUE : next.when;
    }

    /** Loop: an await of work done on another thread begins; a virtual clock must not jump meanwhile. */
    void externalWaitStarted() {
        externalWaits++;
    }

    /** Loop: that await has ended. */
    void externalWaitEnded() {
        externalWaits--;
    }

    // ---------------------------------------------------------------- suspension points of tasks

    /** Task {@code me}, holding the baton: waits until {@code awaitable} is done, then returns its result. */
    <T extends @Nullable Object> T await(Task<?> me, AbstractAwaitable<T> awaitable) {
        if (me.abandonedOn != null) {
            dropAbandonedStep(me);
        }
        if (awaitable == me) {
            throw new IllegalStateException(me + " cannot await itself: it would wait forever");
        }
        if (!awaitable.isDone()) {
            for (Object w = awaitable; w instanceof Task<?> t; w = t.waitingOn) {
                if (t == me) {
                    throw new IllegalStateException(me + " would await itself through " + awaitable
                            + ": a cycle of tasks awaiting each other never completes");
                }
            }
            if (awaitable.loop != this) {
                throw awaitable.loop.foreignUse("await", awaitable, loop());
            }
            awaitable.addWaiter(me);
            me.waitingOn = awaitable;
            if (me.mustCancel && awaitable.cancel(me.mustCancelMessage)) {
                me.mustCancel = false;
            }
            suspend(me, awaitable);
            me.waitingOn = null;
            if (me.mustCancel) {
                awaitable.markRetrieved(); // asyncio's __wakeup reads the result before the cancel wins
                throwIfCancelRequested(me);
            }
        }
        return awaitable.awaitResult();
    }

    /**
     * Task {@code me}, holding the baton: sleeps until {@code deadline}. The timer wakes the task
     * itself (no promise, no closure); {@link Task#cancel} cancels the timer and wakes it early.
     */
    void sleepUntil(Task<?> me, long deadline) {
        if (me.mustCancel) { // asyncio cancels the new sleep future at once: one round, then the throw
            yieldNow(me);
            return;
        }
        if (me.abandonedOn != null) {
            dropAbandonedStep(me);
        }
        TimerHandle timer = timers.schedule(deadline, me);
        me.waitingOn = timer;
        suspend(me, timer);
        throwIfCancelRequested(me);
    }

    /** Task {@code me}, holding the baton: yields one round ({@code sleep(0)}). */
    void yieldNow(Task<?> me) {
        if (me.abandonedOn != null) {
            dropAbandonedStep(me);
        }
        ready.add(me);
        suspend(me, me);
        throwIfCancelRequested(me);
    }

    /**
     * Task {@code me}, registered for a wake-up by {@code wakeSource} (an awaitable, its sleep
     * timer, or itself in the ready queue): hands the baton on and parks until woken. If the stack
     * runs out on the way, the registration is left for {@link #dropAbandonedStep} to undo once
     * {@code me} has stack again, and the error goes up to the task's code.
     */
    private void suspend(Task<?> me, Object wakeSource) {
        try {
            yieldBaton(me.strand, me, false);
        } catch (StackOverflowError e) { // field writes only: no stack left for a call
            me.abandonedOn = wakeSource;
            me.waitingOn = null;
            current = me;
            throw e;
        }
    }

    /**
     * Task {@code me}, holding the baton again with stack to spare: forgets the wake-ups of a
     * suspension that a {@link StackOverflowError} broke off before {@code me} handed the baton on
     * (deep recursion that awaits at every level runs out of stack inside the loop's dispatch).
     * Left in place, that stale entry would later hand the baton to a thread that is not waiting
     * for it, and the loop would hang.
     */
    void dropAbandonedStep(Task<?> me) {
        Object on = me.abandonedOn;
        me.abandonedOn = null;
        if (on instanceof AbstractAwaitable<?> a && a != me) {
            a.removeCallback(me);
        } else if (on instanceof TimerHandle sleep) {
            sleep.cancel();
        }
        int i = 0;
        for (java.util.Iterator<Object> it = ready.iterator(); it.hasNext(); i++) {
            if (it.next() == me) {
                it.remove();
                if (i < batchRemaining) {
                    batchRemaining--;
                }
                i--;
            }
        }
        current = me;
    }

    private static void throwIfCancelRequested(Task<?> me) {
        if (me.mustCancel) {
            me.mustCancel = false;
            throw new CancelledException(me.mustCancelMessage);
        }
    }

    // ---------------------------------------------------------------- the baton

    /**
     * The heart of the loop, run by the strand {@code me} that holds the baton and must give it
     * up: {@link #dispatch} runs callbacks until it finds a task step; the baton then goes straight
     * to that task's thread, and {@code me} parks until someone hands it back. Returns when
     * {@code me} may go on ({@code finishing}: at once, as the thread is about to end).
     *
     * <p>Kept small on purpose: this frame stays on every suspended task's stack, the dispatch
     * frame does not.
     */
    void yieldBaton(Strand me, @Nullable Task<?> meTask, boolean finishing) {
        Object next = dispatch(me, meTask);
        if (next == me) {
            return;
        }
        boolean interrupted = takeIdleInterrupt();
        if (next instanceof Strand s) {
            s.handBaton(); // from here on, touch nothing of the loop: it belongs to `next`
        } else {
            ((Thread) next).start(); // the new task thread owns the loop from its first instruction
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (!finishing) {
            me.awaitBaton();
        }
    }

    /**
     * Runs ready callbacks until a task step (or a stop) is next, makes it the loop's holder and
     * returns who runs it: {@code me} itself, another {@link Strand} to hand the baton to, or the
     * unstarted {@link Thread} of a task's first step.
     */
    private Object dispatch(Strand me, @Nullable Task<?> meTask) {
        for (;;) {
            Object item = nextReady();
            if (item == STOP) {
                if (watchdog != null) {
                    watchdog.idle();
                }
                current = null;
                Strand next = Objects.requireNonNull(driver, "a stop outside runUntilComplete");
                holder = next.thread;
                return next;
            }
            if (!(item instanceof Task<?> task)) {
                runCallback(item);
                continue;
            }
            current = task;
            if (task == meTask) {
                markStep(Objects.requireNonNull(task.strand.thread), task);
                return me;
            }
            if (task.started) {
                Strand next = task.strand;
                markStep(Objects.requireNonNull(next.thread), task);
                holder = next.thread;
                return next;
            }
            if (task.mustCancel) {
                current = null;
                task.cancelBeforeStart();
                continue;
            }
            task.started = true;
            Thread thread = threads.unstarted(task.strand);
            task.strand.thread = thread;
            markStep(thread, task);
            holder = thread;
            return thread;
        }
    }

    private void markStep(Thread thread, Task<?> task) {
        SlowStepWatchdog w = watchdog;
        if (w != null) {
            w.mark(thread, task);
        }
    }

    private boolean takeIdleInterrupt() {
        boolean interrupted = idleInterrupted;
        idleInterrupted = false;
        return interrupted;
    }

    void runCallback(Object item) {
        current = null;
        if (watchdog != null) {
            watchdog.mark(Thread.currentThread(), item);
        }
        try {
            if (item instanceof Handle h) {
                h.fire();
            } else {
                ((Runnable) item).run();
            }
        } catch (Throwable e) {
            LOG.log(Level.ERROR, "exception in callback " + item, e);
        }
    }

    /** The next ready item, or {@link #STOP} at the end of an iteration once stop() was called. */
    private Object nextReady() {
        for (;;) {
            if (batchRemaining > 0) {
                batchRemaining--;
                return Objects.requireNonNull(ready.poll());
            }
            if (stopping && ranIteration) {
                stopping = false;
                return STOP;
            }
            startIteration();
        }
    }

    /** asyncio's {@code _run_once} preamble: inbox, idle wait, due timers; fixes the batch size. */
    private void startIteration() {
        ranIteration = true;
        drainInbox();
        if (ready.isEmpty() && !stopping) {
            if (watchdog != null) {
                watchdog.idle();
            }
            idleWait();
            drainInbox();
        }
        if (!timers.isEmpty()) { // no clock read when no timer waits (most task switches)
            long now = clock.nanoTime();
            TimerHandle due;
            while ((due = timers.pollDue(now)) != null) {
                ready.add(due);
            }
        }
        batchRemaining = ready.size();
    }

    private void drainInbox() {
        Runnable r;
        while ((r = inbox.poll()) != null) {
            ready.add(r);
        }
    }

    private void idleWait() {
        TimerHandle next = timers.peek();
        VirtualClock v = virtualClock;
        if (v != null) {
            if (next != null && (externalWaits == 0 || jumpAfterNanos >= 0)) {
                if (externalWaits > 0 && jumpAfterNanos > 0) {
                    idleInterrupted |= inbox.awaitPost(jumpAfterNanos);
                }
                if (inbox.isEmpty()) {
                    v.advanceTo(next.when);
                }
                return;
            }
            Runnable stall = onStall;
            if (stall != null && externalWaits > 0 && next == null) {
                idleInterrupted |= inbox.awaitPost(stallNanos);
                if (!inbox.isEmpty()) {
                    return;
                }
                stall.run();
                if (!ready.isEmpty()) {
                    return; // the report itself made progress
                }
            }
            idleInterrupted |= inbox.awaitPost(Long.MAX_VALUE);
            return;
        }
        long wait = next == null ? Long.MAX_VALUE : next.when - clock.nanoTime();
        if (wait > 0) {
            idleInterrupted |= inbox.awaitPost(wait);
        }
    }
}
