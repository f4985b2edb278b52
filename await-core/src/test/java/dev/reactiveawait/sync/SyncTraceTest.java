package dev.reactiveawait.sync;

import static dev.reactiveawait.Async.await;
import static dev.reactiveawait.Async.createTask;
import static dev.reactiveawait.Async.gather;
import static dev.reactiveawait.Async.gatherSettled;
import static dev.reactiveawait.Async.run;
import static dev.reactiveawait.Async.sleep;
import static dev.reactiveawait.sync.SyncTrace.asyncioText;

import dev.reactiveawait.CancelledException;
import dev.reactiveawait.LoopClock;
import dev.reactiveawait.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs each CPython reference scenario of {@code src/test/resources/cpython/sync} on our loop under
 * a virtual clock and checks that it prints, line for line, the trace CPython printed
 * ({@code NN_name.out}). Each method is the Java translation of the scenario named in its
 * {@code assertMatches}; the Python file says in its first line what it proves.
 *
 * <p>Translation rules: {@code async with x:} is {@code x.withLock(...)} / {@code withPermit};
 * {@code Condition.wait/notify/notify_all} are {@code await/signal/signalAll};
 * {@code Event.wait} and {@code Barrier.wait} are {@code await}; {@code ValueError("boom")} is the
 * checked {@link Boom}; asyncio's {@code RuntimeError}/{@code ValueError} misuse errors are
 * {@code IllegalStateException}/{@code IllegalArgumentException}, whose message starts with
 * asyncio's text (printed with {@link SyncTrace#asyncioText}); {@code sem._value} is the
 * package-private {@code value()}.
 *
 * <p>The two {@code _py313} scenarios (Queue.shutdown) have <b>hand-written</b> expected traces:
 * CPython here is 3.11, and shutdown arrived in 3.13 (see {@code cpython/sync/README.md}).
 */
@Timeout(30)
class SyncTraceTest {

    private static final Duration ZERO = Duration.ZERO;

    /** A checked exception standing for the scenarios' {@code ValueError("boom")}. */
    static final class Boom extends Exception {
        private static final long serialVersionUID = 1L;

        Boom(String message) {
            super(message);
        }
    }

    private static Duration seconds(long n) {
        return Duration.ofSeconds(n);
    }

    private static String cancelledStates(Map<String, ? extends Task<?>> tasks) {
        return tasks.entrySet().stream()
                .map(e -> e.getKey() + " cancelled=" + e.getValue().isCancelled())
                .collect(Collectors.joining(", "));
    }

    // ---------------------------------------------------------------- Lock

    @Test
    void lockServesWaitersInFifoOrderAndANewcomerQueuesBehindTheWokenWaiter() throws Exception {
        SyncTrace trace = new SyncTrace();
        run(LoopClock.virtual(), () -> {
            Lock lock = new Lock();
            lock.acquire();
            trace.log("main holds the lock, locked=" + lock.locked());
            List<Task<Void>> tasks = new ArrayList<>();
            for (String n : List.of("a", "b", "c")) {
                tasks.add(createTask(() -> {
                    trace.log(n + " wants the lock");
                    lock.withLock(() -> {
                        trace.log(n + " got the lock");
                        sleep(seconds(1));
                        trace.log(n + " releases");
                    });
                }));
            }
            sleep(ZERO);
            lock.release();
            trace.log("main released, locked=" + lock.locked());
            lock.acquire(); // must queue behind a (already woken), b and c
            trace.log("main got the lock again, locked=" + lock.locked());
            lock.release();
            await(gather(tasks));
            trace.log("end, locked=" + lock.locked());
        });
        trace.assertMatches("01_lock_fifo_no_barging");
    }

    private static void lockWorker(SyncTrace trace, Lock lock, Map<String, Task<Void>> tasks, String name)
            throws Exception {
        trace.log(name + " waits");
        try {
            lock.acquire();
        } catch (CancelledException e) {
            trace.log(name + " cancelled while waiting, locked=" + lock.locked());
            throw e;
        }
        trace.log(name + " got the lock");
        try {
            if (name.equals("a")) {
                sleep(seconds(1));
            }
        } finally {
            lock.release();
            trace.log(name + " released");
        }
        if (name.equals("a")) {
            tasks.get("c").cancel();
            trace.log("a cancelled c, which release had just woken");
        }
    }

    @Test
    void aCancelledLockWaiterNeverGetsTheLockAndPassesOnAWakeUp() throws Exception {
        SyncTrace trace = new SyncTrace();
        run(LoopClock.virtual(), () -> {
            Lock lock = new Lock();
            Map<String, Task<Void>> tasks = new LinkedHashMap<>();
            lock.acquire();
            for (String n : List.of("a", "b", "c", "d")) {
                tasks.put(n, createTask(() -> lockWorker(trace, lock, tasks, n)));
            }
            sleep(ZERO);
            tasks.get("b").cancel();
            sleep(ZERO);
            lock.release();
            trace.log("main released");
            await(gatherSettled(tasks.values()));
            trace.log(cancelledStates(tasks));

            // Only cancelled waiters left when the lock is released: a newcomer takes it at once.
            lock.acquire();
            Task<Void> x = createTask(() -> lockWorker(trace, lock, tasks, "x"));
            sleep(ZERO);
            x.cancel();
            lock.release();
            lock.acquire();
            trace.log("main re-acquired without waiting, locked=" + lock.locked());
            sleep(ZERO);
            trace.log("x cancelled=" + x.isCancelled() + ", locked=" + lock.locked());
            lock.release();
        });
        trace.assertMatches("02_lock_cancelled_waiters");
    }

    @Test
    void releasingAnUnlockedLockFailsAndAnExceptionInsideWithLockReleasesIt() throws Exception {
        SyncTrace trace = new SyncTrace();
        run(LoopClock.virtual(), () -> {
            Lock lock = new Lock();
            try {
                lock.release();
            } catch (IllegalStateException e) {
                trace.log("release unlocked: " + asyncioText(e));
            }
            Task<Void> t1 = createTask(() -> lock.withLock(() -> {
                trace.log("failing holds the lock");
                sleep(seconds(1));
                throw new Boom("boom");
            }));
            Task<Void> t2 = createTask(() -> lock.withLock(() -> {
                trace.log("next_one got the lock");
            }));
            try {
                await(t1);
            } catch (Exception e) {
                if (!(e instanceof Boom)) {
                    throw e;
                }
                trace.log("failing raised " + e.getMessage() + ", locked=" + lock.locked());
            }
            await(t2);
            trace.log("end, locked=" + lock.locked());
        });
        trace.assertMatches("03_lock_misuse_and_exceptions");
    }

    // ---------------------------------------------------------------- Event

    private static void eventWaiter(SyncTrace trace, Event event, String name) {
        trace.log(name + " waits");
        try {
            event.await();
        } catch (CancelledException e) {
            trace.log(name + " cancelled");
            throw e;
        }
        trace.log(name + " woke, is_set=" + event.isSet());
    }

    @Test
    void setWakesEveryWaiterInOrderSkippingACancelledOne() throws Exception {
        SyncTrace trace = new SyncTrace();
        run(LoopClock.virtual(), () -> {
            Event event = new Event();
            List<Task<Void>> tasks = new ArrayList<>();
            for (String n : List.of("w1", "w2", "w3")) {
                tasks.add(createTask(() -> eventWaiter(trace, event, n)));
            }
            sleep(ZERO);
            tasks.get(1).cancel();
            sleep(seconds(1));
            event.set();
            trace.log("set, is_set=" + event.isSet());
            event.await();
            trace.log("main's wait on a set event returned at once");
            await(gatherSettled(tasks));

            event.clear();
            trace.log("cleared, is_set=" + event.isSet());
            Task<Void> w4 = createTask(() -> eventWaiter(trace, event, "w4"));
            sleep(seconds(1));
            event.set();
            event.clear();
            trace.log("set and cleared in one step");
            await(w4);
            event.set();
            event.set();
            trace.log("set twice, is_set=" + event.isSet());
        });
        trace.assertMatches("04_event_wait_set_clear");
    }

    // ---------------------------------------------------------------- Condition

    @Test
    void signalWakesTheFirstNWaitersWhichReacquireTheLockInTurn() throws Exception {
        SyncTrace trace = new SyncTrace();
        run(LoopClock.virtual(), () -> {
            Condition cond = new Condition();
            List<Task<Void>> tasks = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                String name = "w" + i;
                tasks.add(createTask(() -> cond.withLock(() -> {
                    trace.log(name + " waits");
                    try {
                        cond.await();
                    } catch (CancelledException e) {
                        trace.log(name + " cancelled, holds the lock again: " + cond.locked());
                        throw e;
                    }
                    trace.log(name + " notified, locked=" + cond.locked());
                })));
            }
            sleep(ZERO);
            cond.withLock(() -> {
                cond.signal(2);
                trace.log("main notified 2");
                sleep(seconds(1));
                trace.log("main releases");
            });
            sleep(seconds(1));
            cond.withLock(() -> {
                tasks.get(2).cancel();
                cond.signal();
                trace.log("main cancelled w3 and notified 1");
            });
            sleep(seconds(1));
            cond.withLock(() -> {
                cond.signalAll();
                trace.log("main notified all");
            });
            await(gatherSettled(tasks));
            trace.log("end, locked=" + cond.locked());
        });
        trace.assertMatches("05_condition_notify");
    }

    @Test
    void waitForRechecksThePredicateAfterEachSignalAndMisuseFails() throws Exception {
        SyncTrace trace = new SyncTrace();
        run(LoopClock.virtual(), () -> {
            Condition cond = new Condition();
            List<Integer> items = new ArrayList<>();
            try {
                cond.await();
            } catch (IllegalStateException e) {
                trace.log("wait unlocked: " + asyncioText(e));
            }
            try {
                cond.signal();
            } catch (IllegalStateException e) {
                trace.log("notify unlocked: " + asyncioText(e));
            }
            List<Task<Void>> consumers = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                String name = "c" + i;
                consumers.add(createTask(() -> cond.withLock(() -> {
                    cond.waitFor(() -> items.size() > 0);
                    trace.log(name + " took " + items.remove(0));
                })));
            }
            sleep(ZERO);
            cond.withLock(() -> {
                cond.signalAll();
                trace.log("spurious notify_all: predicates are false");
            });
            for (int i = 0; i < 3; i++) {
                int item = i;
                sleep(seconds(1));
                cond.withLock(() -> {
                    items.add(item);
                    trace.log("produced " + item);
                    cond.signal();
                });
            }
            await(gather(consumers));
            trace.log("left " + items);
        });
        trace.assertMatches("06_condition_wait_for");
    }

    @Test
    void aWaiterCancelledWhileTheLockIsTakenReacquiresItBeforeTheCancellationPropagates() throws Exception {
        SyncTrace trace = new SyncTrace();
        run(LoopClock.virtual(), () -> {
            Condition cond = new Condition();
            Task<Void> t = createTask(() -> {
                cond.withLock(() -> {
                    trace.log("waiter waits");
                    try {
                        cond.await();
                    } finally {
                        trace.log("waiter leaves wait, locked=" + cond.locked());
                    }
                });
                trace.log("not reached");
            });
            sleep(ZERO);
            cond.withLock(() -> {
                t.cancel();
                trace.log("main cancelled the waiter while holding the lock");
                sleep(seconds(2));
                trace.log("main releases");
            });
            try {
                await(t);
            } catch (CancelledException e) {
                trace.log("waiter cancelled=" + t.isCancelled() + ", locked=" + cond.locked());
            }
        });
        trace.assertMatches("07_condition_cancel_reacquires");
    }

    // ---------------------------------------------------------------- Semaphore

    private static void semaphoreWorker(SyncTrace trace, Semaphore sem, Map<String, Task<Void>> tasks, String name,
            int hold) throws Exception {
        trace.log(name + " wants, locked=" + sem.locked());
        try {
            sem.acquire();
        } catch (CancelledException e) {
            trace.log(name + " cancelled while waiting, value=" + sem.value());
            throw e;
        }
        try {
            trace.log(name + " got a permit, value=" + sem.value());
            sleep(seconds(hold));
        } finally {
            sem.release();
            trace.log(name + " released, value=" + sem.value());
        }
        if (name.equals("w1")) {
            tasks.get("w4").cancel();
            trace.log("w1 cancelled w4, which its release had just woken");
        }
    }

    @Test
    void semaphoreHandsPermitsOverInFifoOrderAndNeverLosesOneToACancelledWaiter() throws Exception {
        SyncTrace trace = new SyncTrace();
        run(LoopClock.virtual(), () -> {
            Semaphore sem = new Semaphore(2);
            Map<String, Task<Void>> tasks = new LinkedHashMap<>();
            int[] holds = {1, 2, 1, 1, 1, 1};
            for (int i = 0; i < holds.length; i++) {
                String name = "w" + (i + 1);
                int hold = holds[i];
                tasks.put(name, createTask(() -> semaphoreWorker(trace, sem, tasks, name, hold)));
            }
            sleep(ZERO);
            tasks.get("w3").cancel();
            await(gatherSettled(tasks.values()));
            trace.log(cancelledStates(tasks));
            trace.log("end, value=" + sem.value() + ", locked=" + sem.locked());
        });
        trace.assertMatches("08_semaphore");
    }

    @Test
    void boundedSemaphoreRefusesAReleaseBeyondItsInitialValue() throws Exception {
        SyncTrace trace = new SyncTrace();
        run(LoopClock.virtual(), () -> {
            BoundedSemaphore sem = new BoundedSemaphore(2);
            sem.withPermit(() -> trace.log("holding one, value=" + sem.value()));
            try {
                sem.release();
            } catch (IllegalStateException e) {
                trace.log("extra release: " + asyncioText(e) + ", value=" + sem.value());
            }
            sem.acquire();
            sem.acquire();
            trace.log("both taken, locked=" + sem.locked());
            sem.release();
            sem.release();
            trace.log("both given back, value=" + sem.value());
            try {
                new Semaphore(-1);
            } catch (IllegalArgumentException e) {
                trace.log("negative value: " + asyncioText(e));
            }
        });
        trace.assertMatches("09_bounded_semaphore");
    }

    // ---------------------------------------------------------------- Barrier

    @Test
    void theLastPartyReleasesTheOthersAndASecondRoundWaitsForTheFirstToDrain() throws Exception {
        SyncTrace trace = new SyncTrace();
        run(LoopClock.virtual(), () -> {
            Barrier barrier = new Barrier(3);
            List<Task<Integer>> tasks = new ArrayList<>();
            String[] names = {"a", "b", "c"};
            for (int i = 0; i < 3; i++) {
                String name = names[i];
                int delay = i + 1;
                tasks.add(createTask(() -> {
                    sleep(seconds(delay));
                    trace.log(name + " arrives, n_waiting=" + barrier.nWaiting());
                    int index = barrier.await();
                    trace.log(name + " passes with index " + index);
                    index = barrier.await();
                    trace.log(name + " passes round two with index " + index);
                    return index;
                }));
            }
            List<Integer> results = await(gather(tasks));
            trace.log("round two indices " + results + ", n_waiting=" + barrier.nWaiting()
                    + ", broken=" + barrier.isBroken());
        });
        trace.assertMatches("10_barrier");
    }

    private static void barrierParty(SyncTrace trace, Barrier barrier, String name) {
        trace.log(name + " waits");
        try {
            int index = barrier.await();
            trace.log(name + " passes with index " + index);
        } catch (BrokenBarrierException e) {
            trace.log(name + " broken: " + e.getMessage());
        }
    }

    private static List<Task<Void>> barrierParties(SyncTrace trace, Barrier barrier, String... names) {
        List<Task<Void>> tasks = new ArrayList<>();
        for (String n : names) {
            tasks.add(createTask(() -> barrierParty(trace, barrier, n)));
        }
        return tasks;
    }

    @Test
    void abortBreaksTheBarrierAndResetRepairsItBreakingThePartiesWaitingThen() throws Exception {
        SyncTrace trace = new SyncTrace();
        run(LoopClock.virtual(), () -> {
            Barrier barrier = new Barrier(3);
            List<Task<Void>> tasks = barrierParties(trace, barrier, "a", "b");
            sleep(seconds(1));
            trace.log("n_waiting=" + barrier.nWaiting());
            barrier.abort();
            trace.log("aborted, broken=" + barrier.isBroken());
            await(gather(tasks));
            barrierParty(trace, barrier, "late");

            barrier.reset();
            trace.log("reset, broken=" + barrier.isBroken() + ", n_waiting=" + barrier.nWaiting());
            tasks = barrierParties(trace, barrier, "c", "d");
            sleep(seconds(1));
            barrier.reset();
            trace.log("reset with 2 waiting, broken=" + barrier.isBroken());
            await(gather(tasks));
            await(gather(barrierParties(trace, barrier, "e", "f", "g")));
            trace.log("parties=" + barrier.parties() + ", n_waiting=" + barrier.nWaiting());
        });
        trace.assertMatches("11_barrier_abort_reset");
    }

    // ---------------------------------------------------------------- Queue

    @Test
    void putWaitsWhileFullGetWhileEmptyAndJoinForEveryTaskDone() throws Exception {
        SyncTrace trace = new SyncTrace();
        run(LoopClock.virtual(), () -> {
            Queue<Integer> q = new Queue<>(2);
            List<Task<Void>> consumers = new ArrayList<>();
            for (String name : List.of("c1", "c2")) {
                consumers.add(createTask(() -> {
                    for (;;) { // until cancelled
                        int item = q.get();
                        trace.log(name + " got " + item);
                        sleep(seconds(1));
                        q.taskDone();
                        trace.log(name + " done with " + item);
                    }
                }));
            }
            Task<Void> p = createTask(() -> {
                for (int i = 0; i < 5; i++) {
                    trace.log("putting " + i + ", full=" + q.full());
                    q.put(i);
                    trace.log("put " + i + ", qsize=" + q.qsize());
                }
            });
            sleep(ZERO);
            await(p);
            trace.log("producer finished");
            q.join();
            trace.log("joined, empty=" + q.empty() + ", maxsize=" + q.maxsize());
            for (Task<Void> c : consumers) {
                c.cancel();
            }
            await(gatherSettled(consumers));
            q.join();
            trace.log("join on a finished queue returned at once");
        });
        trace.assertMatches("12_queue_producer_consumer");
    }

    @Test
    void aGetterOrPutterCancelledAfterBeingWokenWakesTheNextSoNoItemOrSlotIsLost() throws Exception {
        SyncTrace trace = new SyncTrace();
        run(LoopClock.virtual(), () -> {
            Queue<String> q = new Queue<>();
            List<Task<Void>> getters = new ArrayList<>();
            for (String name : List.of("g1", "g2", "g3")) {
                getters.add(createTask(() -> {
                    String item;
                    try {
                        item = q.get();
                    } catch (CancelledException e) {
                        trace.log(name + " cancelled, qsize=" + q.qsize());
                        throw e;
                    }
                    trace.log(name + " got " + item);
                }));
            }
            sleep(ZERO);
            getters.get(1).cancel();
            q.putNowait("x");
            getters.get(0).cancel();
            trace.log("put x, then cancelled g1 (woken) and g2 (waiting)");
            await(gatherSettled(getters));

            Queue<String> q2 = new Queue<>(1);
            q2.putNowait("first");
            List<Task<Void>> putters = new ArrayList<>();
            for (String name : List.of("p1", "p2")) {
                putters.add(createTask(() -> {
                    try {
                        q2.put(name);
                    } catch (CancelledException e) {
                        trace.log(name + " cancelled, full=" + q2.full());
                        throw e;
                    }
                    trace.log(name + " put");
                }));
            }
            sleep(ZERO);
            trace.log("got " + q2.getNowait());
            putters.get(0).cancel();
            await(gatherSettled(putters));
            trace.log("left " + q2.getNowait() + ", empty=" + q2.empty());
        });
        trace.assertMatches("13_queue_cancelled_waiters");
    }

    /** Ordered by priority only, so that ties show heapq's order. */
    record Job(int priority, String name) {
        @Override
        public String toString() {
            return name + priority;
        }
    }

    private static <T> List<T> drain(Queue<T> q) {
        List<T> out = new ArrayList<>();
        for (int i = q.qsize(); i > 0; i--) {
            out.add(q.getNowait());
        }
        return out;
    }

    @Test
    void priorityQueuePopsTheLowestFirstWithHeapqTieOrderAndLifoQueueTheNewest() throws Exception {
        SyncTrace trace = new SyncTrace();
        run(LoopClock.virtual(), () -> {
            PriorityQueue<Job> pq = new PriorityQueue<>(Comparator.comparingInt(Job::priority));
            int[] priorities = {2, 1, 2, 1, 2, 3, 1, 2, 0};
            String[] names = {"a", "b", "c", "d", "e", "f", "g", "h", "i"};
            for (int i = 0; i < names.length; i++) {
                pq.putNowait(new Job(priorities[i], names[i]));
            }
            trace.log("priority order " + drain(pq));

            LifoQueue<Integer> lq = new LifoQueue<>(3);
            for (int i = 0; i < 3; i++) {
                lq.put(i);
            }
            trace.log("lifo full=" + lq.full());
            Task<Void> t = createTask(() -> {
                lq.put(99);
                trace.log("late put done");
            });
            sleep(ZERO);
            trace.log("lifo got " + lq.get());
            await(t);
            trace.log("lifo order " + drain(lq));

            Task<Job> waiter = createTask(pq::get);
            sleep(seconds(1));
            pq.put(new Job(5, "z"));
            trace.log("priority getter got " + await(waiter));
        });
        trace.assertMatches("14_priority_and_lifo_queues");
    }

    @Test
    void nowaitCallsFailOnAFullOrEmptyQueueAndTaskDoneTooOftenFails() throws Exception {
        SyncTrace trace = new SyncTrace();
        run(LoopClock.virtual(), () -> {
            Queue<String> q = new Queue<>(1);
            trace.log("qsize=" + q.qsize() + ", empty=" + q.empty() + ", full=" + q.full() + ", maxsize=" + q.maxsize());
            try {
                q.getNowait();
            } catch (QueueEmptyException e) {
                trace.log("get_nowait on empty: QueueEmpty");
            }
            q.putNowait("a");
            try {
                q.putNowait("b");
            } catch (QueueFullException e) {
                trace.log("put_nowait on full: QueueFull");
            }
            trace.log("qsize=" + q.qsize() + ", empty=" + q.empty() + ", full=" + q.full());
            trace.log("got " + q.getNowait());
            q.taskDone();
            try {
                q.taskDone();
            } catch (IllegalStateException e) {
                // the only translated word: asyncio's message names task_done(), ours taskDone()
                trace.log("task_done again: " + asyncioText(e).replace("taskDone()", "task_done()"));
            }
            Queue<Integer> unbounded = new Queue<>();
            for (int i = 0; i < 1000; i++) {
                unbounded.putNowait(i);
            }
            trace.log("unbounded: qsize=" + unbounded.qsize() + ", full=" + unbounded.full()
                    + ", maxsize=" + unbounded.maxsize());
        });
        trace.assertMatches("15_queue_nowait_errors");
    }

    // ------------------------------------------- Queue.shutdown: 3.13, expected traces written by hand

    @Test
    void shutdownRefusesPutsWakesABlockedPutterAndLetsGettersDrainFirst() throws Exception {
        SyncTrace trace = new SyncTrace();
        run(LoopClock.virtual(), () -> {
            Queue<Integer> q = new Queue<>(2);
            q.putNowait(1);
            q.putNowait(2);
            Task<Void> p = createTask(() -> {
                try {
                    q.put(3);
                    trace.log("putter put 3");
                } catch (QueueShutDownException e) {
                    trace.log("putter: QueueShutDown, qsize=" + q.qsize());
                }
            });
            sleep(ZERO);
            q.shutdown();
            trace.log("shut down");
            try {
                q.putNowait(4);
            } catch (QueueShutDownException e) {
                trace.log("put_nowait after shutdown: QueueShutDown");
            }
            await(p);
            Task<Void> g = createTask(() -> {
                for (;;) {
                    int item;
                    try {
                        item = q.get();
                    } catch (QueueShutDownException e) {
                        trace.log("g: QueueShutDown");
                        return;
                    }
                    trace.log("g got " + item);
                    q.taskDone();
                    sleep(seconds(1));
                }
            });
            q.join();
            trace.log("joined");
            await(g);
            try {
                q.getNowait();
            } catch (QueueShutDownException e) {
                trace.log("get_nowait on the empty shut-down queue: QueueShutDown");
            }
        });
        trace.assertMatches("16_queue_shutdown_py313");
    }

    @Test
    void immediateShutdownWakesGettersDrainsTheQueueAndJoinWaitsForItemsTakenBefore() throws Exception {
        SyncTrace trace = new SyncTrace();
        run(LoopClock.virtual(), () -> {
            Queue<Integer> q = new Queue<>();
            List<Task<Void>> getters = new ArrayList<>();
            for (String name : List.of("g1", "g2")) {
                getters.add(createTask(() -> {
                    try {
                        int item = q.get();
                        trace.log(name + " got " + item);
                    } catch (QueueShutDownException e) {
                        trace.log(name + ": QueueShutDown");
                    }
                }));
            }
            sleep(ZERO);
            q.shutdown(true);
            trace.log("shut down immediately, qsize=" + q.qsize());
            await(gather(getters));

            Queue<Integer> q2 = new Queue<>();
            for (int i = 0; i < 3; i++) {
                q2.putNowait(i);
            }
            trace.log("got " + q2.getNowait());
            Task<Void> j = createTask(() -> {
                q2.join();
                trace.log("joiner released");
            });
            sleep(ZERO);
            q2.shutdown(true);
            trace.log("shut down immediately, qsize=" + q2.qsize() + ", joiner done=" + j.isDone());
            sleep(seconds(1));
            trace.log("joiner still waiting=" + !j.isDone());
            q2.taskDone();
            await(j);
            try {
                q2.get();
            } catch (QueueShutDownException e) {
                trace.log("get after shutdown: QueueShutDown");
            }
            try {
                q2.put(5);
            } catch (QueueShutDownException e) {
                trace.log("put after shutdown: QueueShutDown");
            }
        });
        trace.assertMatches("17_queue_shutdown_immediate_py313");
    }
}
