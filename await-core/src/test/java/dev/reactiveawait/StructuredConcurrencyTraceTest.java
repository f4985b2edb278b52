package dev.reactiveawait;

import dev.reactiveawait.internal.Sneaky;
import static dev.reactiveawait.Async.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The CPython reference scenarios 38–71 of {@code src/test/resources/cpython} (TaskGroup, timeout,
 * wait_for, shield, wait, as_completed, to_thread, counted cancellation), translated to Java and run on our loop under a
 * virtual clock: each must print, line for line, the trace CPython 3.11 printed.
 *
 * <p>Where a scenario holds for both forms of {@link TaskGroup} (the body only creates tasks, or is
 * cancelled from outside), both {@link TaskGroup#run} and try-with-resources are checked against
 * the same trace. Python's {@code ValueError(msg)} is the checked {@link Boom};
 * {@code TimeoutError} is {@link TimeoutException}; {@code ExceptionGroup} is
 * {@link TaskGroupException}.
 */
@Timeout(30)
class StructuredConcurrencyTraceTest {

    private static final Duration ZERO = Duration.ZERO;

    /** Python's {@code ValueError(msg)}. */
    static final class Boom extends Exception {
        private static final long serialVersionUID = 1L;

        Boom(String message) {
            super(message);
        }
    }

    private static Duration seconds(long n) {
        return Duration.ofSeconds(n);
    }

    private static Duration millis(long n) {
        return Duration.ofMillis(n);
    }

    private static long nanos(Duration d) {
        return d.toNanos();
    }

    /** The message of an expected {@link Boom}; anything else propagates and fails the test. */
    private static String boomMessage(Throwable e) throws Exception {
        if (e instanceof Boom) {
            return e.getMessage();
        }
        throw Sneaky.raise(e);
    }

    /** {@code fmt_list(str(e) for e in eg.exceptions)}, nested groups as {@code group[...]}. */
    private static String describe(Throwable e) {
        if (e instanceof TaskGroupException g) {
            return "group" + g.getExceptions().stream().map(StructuredConcurrencyTraceTest::describe)
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        return e.getMessage();
    }

    private static String messages(TaskGroupException eg) {
        return eg.getExceptions().stream().map(Throwable::getMessage).toList().toString();
    }

    private static String tf(boolean b) {
        return Boolean.toString(b);
    }

    private static String secondsOf(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.3f", nanos / 1e9);
    }

    private static Object failAt(Trace trace, Duration delay, String msg) throws Exception {
        sleep(delay);
        trace.log(msg + " raises");
        throw new Boom(msg);
    }

    private static void cancelledLogger(Trace trace, String name) {
        try {
            sleep(seconds(10));
        } catch (CancelledException e) {
            trace.log(name + " cancelled");
            throw e;
        }
    }

    // ---------------------------------------------------------------- TaskGroup

    private static String child38(Trace trace, String name, long delay) {
        trace.log(name + " start");
        sleep(seconds(delay));
        trace.log(name + " end");
        return name;
    }

    @Test
    void taskGroupWaitsForEveryChildWithRun() {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            List<Task<String>> ts = TaskGroup.run(g -> {
                Task<String> a = g.createTask(() -> child38(trace, "a", 2));
                Task<String> b = g.createTask(() -> child38(trace, "b", 1));
                trace.log("body end");
                return List.of(a, b);
            });
            trace.log("group done, results " + ts.get(0).result() + " " + ts.get(1).result());
        });
        trace.assertMatches("38_taskgroup_waits_for_all_children");
    }

    @Test
    void taskGroupWaitsForEveryChildWithTryWithResources() {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            Task<String> a;
            Task<String> b;
            try (TaskGroup g = TaskGroup.open()) {
                a = g.createTask(() -> child38(trace, "a", 2));
                b = g.createTask(() -> child38(trace, "b", 1));
                trace.log("body end");
            }
            trace.log("group done, results " + a.result() + " " + b.result());
        });
        trace.assertMatches("38_taskgroup_waits_for_all_children");
    }

    @Test
    void childFailureCancelsSiblingsAndTheBodyAndComesOutAsTheAggregate() {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            Task<?> me = currentTask();
            List<Task<?>> sibling = new ArrayList<>();
            try {
                TaskGroup.run(g -> {
                    g.createTask(() -> failAt(trace, seconds(1), "boom"));
                    sibling.add(g.createTask(() -> cancelledLogger(trace, "sibling")));
                    try {
                        sleep(seconds(5));
                        trace.log("body not interrupted");
                    } catch (CancelledException e) {
                        trace.log("body cancelled, cancelling " + me.cancelling());
                        throw e;
                    }
                    return null;
                });
            } catch (TaskGroupException eg) {
                trace.log("unhandled errors in a TaskGroup: " + messages(eg));
                trace.log("message: " + eg.getMessage());
            }
            trace.log("sibling cancelled " + tf(sibling.get(0).isCancelled()) + ", main cancelling " + me.cancelling());
            sleep(seconds(1));
            trace.log("main goes on");
        });
        trace.assertMatches("39_taskgroup_child_failure_cancels_siblings_and_body");
    }

    private static void failOnCancel(Trace trace, String log) throws Boom {
        try {
            sleep(seconds(10));
        } catch (CancelledException e) {
            trace.log(log);
            throw new Boom("cleanup failed");
        }
    }

    private static void createFailures40(Trace trace, TaskGroup g) {
        g.createTask(() -> failAt(trace, seconds(1), "first"));
        g.createTask(() -> failAt(trace, seconds(1), "second"));
        g.createTask(() -> failOnCancel(trace, "cleanup raises"));
        trace.log("body end");
    }

    @Test
    void everyFailureIsCollectedInCompletionOrder() {
        for (boolean tryWithResources : new boolean[] {false, true}) {
            Trace trace = new Trace();
            run(LoopClock.virtual(), () -> {
                Task<?> me = currentTask();
                try {
                    if (tryWithResources) {
                        try (TaskGroup g = TaskGroup.open()) {
                            createFailures40(trace, g);
                        }
                    } else {
                        TaskGroup.run(g -> {
                            createFailures40(trace, g);
                            return null;
                        });
                    }
                } catch (TaskGroupException eg) {
                    trace.log("errors " + messages(eg));
                    trace.log("message: " + eg.getMessage());
                }
                trace.log("main cancelling " + me.cancelling());
            });
            trace.assertMatches("40_taskgroup_failures_collected_in_completion_order");
        }
    }

    private static void spawner41(Trace trace, TaskGroup g) {
        g.createTask(() -> {
            sleep(seconds(1));
            trace.log("spawner adds late");
            g.createTask(() -> {
                sleep(seconds(2));
                trace.log("late ends");
            });
            trace.log("spawner ends");
        });
        trace.log("body end");
    }

    @Test
    void groupWaitsForChildrenThatChildrenAddLate() {
        for (boolean tryWithResources : new boolean[] {false, true}) {
            Trace trace = new Trace();
            run(LoopClock.virtual(), () -> {
                if (tryWithResources) {
                    try (TaskGroup g = TaskGroup.open()) {
                        spawner41(trace, g);
                    }
                } else {
                    TaskGroup.run(g -> {
                        spawner41(trace, g);
                        return null;
                    });
                }
                trace.log("group done");
            });
            trace.assertMatches("41_taskgroup_waits_for_children_added_late");
        }
    }

    @Test
    void bodyExceptionCancelsChildrenAndJoinsTheAggregateLast() {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            try {
                TaskGroup.run(g -> {
                    g.createTask(() -> failOnCancel(trace, "child cleanup raises"));
                    g.createTask(() -> {
                        try {
                            sleep(seconds(10));
                        } catch (CancelledException e) {
                            sleep(seconds(1));
                            trace.log("quiet cleaned up");
                            throw e;
                        }
                    });
                    sleep(seconds(1));
                    trace.log("body raises");
                    throw new Boom("body");
                });
            } catch (TaskGroupException eg) {
                trace.log("errors " + messages(eg));
            }
        });
        trace.assertMatches("42_taskgroup_body_exception_cancels_children");
    }

    private static void child43(Trace trace, String name) {
        try {
            sleep(seconds(10));
        } catch (CancelledException e) {
            sleep(seconds(1));
            trace.log(name + " cleaned up");
            throw e;
        }
    }

    private static void worker43(Trace trace, String name, boolean awaitInBody, boolean tryWithResources) {
        Task<?> me = currentTask();
        try {
            if (tryWithResources) {
                try (TaskGroup g = TaskGroup.open()) {
                    g.createTask(() -> child43(trace, name + " child"));
                    if (awaitInBody) {
                        sleep(seconds(10));
                    }
                    trace.log(name + " body end");
                }
            } else {
                TaskGroup.run(g -> {
                    g.createTask(() -> child43(trace, name + " child"));
                    if (awaitInBody) {
                        sleep(seconds(10));
                    }
                    trace.log(name + " body end");
                    return null;
                });
            }
        } catch (CancelledException e) {
            trace.log(name + " cancelled, cancelling " + me.cancelling());
            throw e;
        }
    }

    @Test
    void cancellingTheTaskThatRunsAGroupCancelsTheChildrenAndPropagates() {
        for (boolean tryWithResources : new boolean[] {false, true}) {
            Trace trace = new Trace();
            run(LoopClock.virtual(), () -> {
                for (String name : List.of("w1", "w2")) {
                    boolean awaitInBody = name.equals("w1");
                    Task<Void> w = createTask(() -> worker43(trace, name, awaitInBody, tryWithResources));
                    sleep(seconds(1));
                    w.cancel();
                    try {
                        await(w);
                    } catch (CancelledException e) {
                        trace.log(name + " done, cancelled " + tf(w.isCancelled()));
                    }
                }
            });
            trace.assertMatches("43_taskgroup_parent_cancelled_cancels_children");
        }
    }

    private static void innerRunner44(Trace trace, boolean tryWithResources) {
        if (tryWithResources) {
            try (TaskGroup inner = TaskGroup.open()) {
                inner.createTask(() -> failAt(trace, seconds(1), "deep"));
                inner.createTask(() -> cancelledLogger(trace, "inner sibling"));
            }
        } else {
            TaskGroup.run(inner -> {
                inner.createTask(() -> failAt(trace, seconds(1), "deep"));
                return inner.createTask(() -> cancelledLogger(trace, "inner sibling"));
            });
        }
    }

    @Test
    void nestedGroupsNestTheirAggregates() {
        for (boolean tryWithResources : new boolean[] {false, true}) {
            Trace trace = new Trace();
            run(LoopClock.virtual(), () -> {
                try {
                    if (tryWithResources) {
                        try (TaskGroup outer = TaskGroup.open()) {
                            outer.createTask(() -> cancelledLogger(trace, "outer sibling"));
                            outer.createTask(() -> innerRunner44(trace, true));
                        }
                    } else {
                        TaskGroup.run(outer -> {
                            outer.createTask(() -> cancelledLogger(trace, "outer sibling"));
                            return outer.createTask(() -> innerRunner44(trace, false));
                        });
                    }
                } catch (TaskGroupException eg) {
                    trace.log("caught " + describe(eg));
                }
            });
            trace.assertMatches("44_taskgroup_nested_groups_nest");
        }
    }

    private static void tryCreate(Trace trace, TaskGroup g, String what) {
        try {
            g.createTask(() -> sleep(ZERO));
            trace.log(what + ": accepted");
        } catch (IllegalStateException e) {
            trace.log(what + ": refused");
        }
    }

    @Test
    void groupRefusesTasksWhenShuttingDownOrFinishedAndACancelledChildIsNoFailure() {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            TaskGroup[] first = new TaskGroup[1];
            Task<?> t = TaskGroup.run(g -> {
                first[0] = g;
                Task<Void> idle = g.createTask(() -> sleep(seconds(10)));
                sleep(seconds(1));
                idle.cancel();
                trace.log("body end");
                return idle;
            });
            trace.log("group ok, child cancelled " + tf(t.isCancelled()));
            tryCreate(trace, first[0], "after the group finished");
            try {
                TaskGroup.run(g2 -> {
                    g2.createTask(() -> failAt(new Trace(), seconds(1), "boom"));
                    try {
                        sleep(seconds(5));
                    } catch (CancelledException e) {
                        tryCreate(trace, g2, "while shutting down");
                        throw e;
                    }
                    return null;
                });
            } catch (TaskGroupException eg) {
                trace.log("aggregate caught");
            }
        });
        trace.assertMatches("45_taskgroup_refuses_tasks_when_finished_or_shutting_down");
    }

    // ---------------------------------------------------------------- timeout

    @Test
    void expiryRaisesTimeoutExceptionAndTakesTheCancelRequestBack() {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            Task<?> me = currentTask();
            dev.reactiveawait.Timeout t = Async.timeout(seconds(1));
            try {
                t.run(() -> {
                    trace.log("entered, when " + secondsOf(t.when()) + ", expired " + tf(t.expired()));
                    try {
                        sleep(seconds(10));
                    } finally {
                        trace.log("body finally, expired " + tf(t.expired()) + ", cancelling " + me.cancelling());
                    }
                });
            } catch (TimeoutException e) {
                trace.log("timeout error, expired " + tf(t.expired()) + ", cancelling " + me.cancelling());
            }
            sleep(seconds(1));
            trace.log("main goes on");
        });
        trace.assertMatches("46_timeout_expiry_raises_timeout_error");
    }

    @Test
    void aTimeoutMetInTimeNeverFires() {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            dev.reactiveawait.Timeout t = Async.timeout(seconds(2));
            t.run(() -> {
                sleep(seconds(1));
                trace.log("body end");
            });
            trace.log("exited, expired " + tf(t.expired()));
            sleep(seconds(5));
            trace.log("not cancelled later");
            dev.reactiveawait.Timeout forever = timeoutAt(dev.reactiveawait.Timeout.NEVER);
            forever.run(() -> {
                sleep(seconds(100));
                trace.log("no deadline: when is none " + tf(forever.when() == dev.reactiveawait.Timeout.NEVER));
            });
        });
        trace.assertMatches("47_timeout_in_time_never_fires");
    }

    @Test
    void rescheduleMovesTheDeadlineAndIsRefusedAfterTheExit() {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            EventLoop loop = currentLoop();
            dev.reactiveawait.Timeout t = Async.timeout(seconds(1));
            try {
                t.run(() -> {
                    sleep(millis(500));
                    t.reschedule(loop.time() + nanos(seconds(2)));
                    trace.log("moved to " + secondsOf(t.when()));
                    sleep(millis(1500));
                    trace.log("still running");
                    t.reschedule(dev.reactiveawait.Timeout.NEVER);
                    sleep(seconds(5));
                    trace.log("no deadline");
                    t.reschedule(loop.time() + nanos(seconds(1)));
                    sleep(seconds(5));
                });
            } catch (TimeoutException e) {
                trace.log("timeout error, expired " + tf(t.expired()));
            }
            try {
                t.reschedule(loop.time() + nanos(seconds(1)));
            } catch (IllegalStateException e) {
                trace.log("reschedule after exit refused");
            }
        });
        trace.assertMatches("48_timeout_reschedule");
    }

    @Test
    void nestedTimeoutsConvertOnlyInTheOneThatFired() {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            dev.reactiveawait.Timeout outer = Async.timeout(seconds(1));
            dev.reactiveawait.Timeout[] inner = new dev.reactiveawait.Timeout[1];
            try {
                outer.run(() -> {
                    inner[0] = Async.timeout(seconds(2));
                    inner[0].run(() -> sleep(seconds(10)));
                });
            } catch (TimeoutException e) {
                trace.log("outer fired: outer expired " + tf(outer.expired()) + ", inner expired " + tf(inner[0].expired()));
            }

            dev.reactiveawait.Timeout outer2 = Async.timeout(seconds(5));
            outer2.run(() -> {
                dev.reactiveawait.Timeout inner2 = Async.timeout(seconds(1));
                try {
                    inner2.run(() -> sleep(seconds(10)));
                } catch (TimeoutException e) {
                    trace.log("inner fired: outer expired " + tf(outer2.expired()) + ", inner expired " + tf(inner2.expired()));
                }
                sleep(seconds(1));
                trace.log("outer body goes on");
            });
            trace.log("outer exited, cancelling " + currentTask().cancelling());
        });
        trace.assertMatches("49_timeout_nested");
    }

    @Test
    void anExternalCancelWinsOverATimeoutThatFiredTooSoNoConversion() {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            Task<Void> w = createTask(() -> {
                Task<?> me = currentTask();
                dev.reactiveawait.Timeout t = Async.timeout(seconds(1));
                try {
                    t.run(() -> sleep(seconds(10)));
                } catch (TimeoutException e) {
                    trace.log("worker timed out");
                } catch (CancelledException e) {
                    trace.log("worker cancelled, expired " + tf(t.expired()) + ", cancelling " + me.cancelling());
                    throw e;
                }
            });
            sleep(seconds(1));
            w.cancel();
            try {
                await(w);
            } catch (CancelledException e) {
                trace.log("worker done, cancelled " + tf(w.isCancelled()));
            }
        });
        trace.assertMatches("50_timeout_loses_to_external_cancel");
    }

    @Test
    void aTaskThatSwallowedACancelStillTimesOut() {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            Task<String> t = createTask(() -> {
                Task<?> me = currentTask();
                try {
                    sleep(seconds(10));
                } catch (CancelledException e) {
                    trace.log("swallowed a cancel, cancelling " + me.cancelling());
                }
                try {
                    Async.timeout(seconds(1), () -> sleep(seconds(10)));
                } catch (TimeoutException e) {
                    trace.log("timeout still works, cancelling " + me.cancelling());
                }
                return "done";
            });
            sleep(seconds(1));
            t.cancel();
            trace.log("result " + await(t));
        });
        trace.assertMatches("51_timeout_after_swallowed_cancel");
    }

    @Test
    void aDeadlineAlreadyPastFiresAtTheNextSuspensionThroughCallSoon() {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            EventLoop loop = currentLoop();
            sleep(seconds(1));
            Async.timeout(ZERO, () -> trace.log("no suspension, no timeout"));
            createTask(() -> {
                for (int i = 0; i < 3; i++) {
                    trace.log("tick " + i);
                    sleep(ZERO);
                }
            });
            try {
                timeoutAt(loop.time() - nanos(seconds(1)), () -> {
                    trace.log("body start");
                    sleep(ZERO);
                    trace.log("not reached");
                });
            } catch (TimeoutException e) {
                trace.log("timeout error");
            }
            sleep(ZERO);
            sleep(ZERO);
            trace.log("main end");
        });
        trace.assertMatches("52_timeout_at_past_deadline");
    }

    @Test
    void aTimeoutAroundAnAwaitOfATaskCancelsThatTask() {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            Task<Void> t = createTask(() -> cancelledLogger(trace, "inner"));
            try {
                Async.timeout(seconds(1), () -> await(t));
            } catch (TimeoutException e) {
                trace.log("timeout error, inner cancelled " + tf(t.isCancelled()));
            }
        });
        trace.assertMatches("53_timeout_cancels_awaited_task");
    }

    @Test
    void aBodyThatSwallowsTheCancellationExitsNormallyButExpired() {
        for (boolean tryWithResources : new boolean[] {false, true}) {
            Trace trace = new Trace();
            run(LoopClock.virtual(), () -> {
                Task<?> me = currentTask();
                dev.reactiveawait.Timeout t = Async.timeout(seconds(1));
                VoidCoroutine body = () -> {
                    try {
                        sleep(seconds(10));
                    } catch (CancelledException e) {
                        trace.log("body swallowed the cancellation");
                    }
                };
                if (tryWithResources) {
                    try (t) {
                        body.run();
                    }
                } else {
                    t.run(body);
                }
                trace.log("exited normally, expired " + tf(t.expired()) + ", cancelling " + me.cancelling());
                sleep(seconds(1));
                trace.log("main goes on");
            });
            trace.assertMatches("54_timeout_swallowed_inside_body");
        }
    }

    private static void child55(Trace trace, String name, long delay) {
        try {
            sleep(seconds(delay));
            trace.log(name + " done");
        } catch (CancelledException e) {
            trace.log(name + " cancelled");
            throw e;
        }
    }

    @Test
    void aTimeoutAroundATaskGroupCancelsItAndRaisesTimeoutException() {
        for (boolean tryWithResources : new boolean[] {false, true}) {
            Trace trace = new Trace();
            run(LoopClock.virtual(), () -> {
                try {
                    Async.timeout(seconds(2), () -> {
                        if (tryWithResources) {
                            try (TaskGroup g = TaskGroup.open()) {
                                g.createTask(() -> child55(trace, "fast", 1));
                                g.createTask(() -> child55(trace, "slow", 10));
                            }
                        } else {
                            TaskGroup.run(g -> {
                                g.createTask(() -> child55(trace, "fast", 1));
                                return g.createTask(() -> child55(trace, "slow", 10));
                            });
                        }
                    });
                } catch (TimeoutException e) {
                    trace.log("timeout error, cancelling " + currentTask().cancelling());
                }
            });
            trace.assertMatches("55_timeout_around_taskgroup");
        }
    }

    // ---------------------------------------------------------------- waitFor

    @Test
    void waitForCancelsOnTimeoutAndWaitsForTheCleanup() {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            Task<Void> t = createTask(() -> {
                try {
                    sleep(seconds(10));
                } catch (CancelledException e) {
                    trace.log("slow cleaning up");
                    sleep(seconds(1));
                    trace.log("slow cleaned up");
                    throw e;
                }
            });
            try {
                waitFor(t, seconds(2));
            } catch (TimeoutException e) {
                trace.log("timeout error, slow cancelled " + tf(t.isCancelled()));
            }
        });
        trace.assertMatches("56_wait_for_timeout_waits_for_cleanup");
    }

    private static <T> T answer(Duration delay, T value) {
        sleep(delay);
        return value;
    }

    @Test
    void waitForReturnsAResultInTimeAndANullTimeoutJustAwaits() {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            trace.log("got " + waitFor(createTask(() -> answer(seconds(1), 42)), seconds(2)));
            sleep(seconds(5));
            trace.log("not cancelled later");
            trace.log("got " + waitFor(createTask(() -> answer(seconds(100), 7)), null));
        });
        trace.assertMatches("57_wait_for_result_in_time");
    }

    @Test
    void cancellingTheWaiterCancelsTheInnerAndWaitsForIt() {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            Task<Void> t = createTask(() -> child43(trace, "inner"));
            Task<Void> o = createTask(() -> {
                try {
                    waitFor(t, seconds(5));
                } catch (CancelledException e) {
                    trace.log("outer cancelled");
                    throw e;
                }
            });
            sleep(seconds(1));
            o.cancel();
            try {
                await(o);
            } catch (CancelledException e) {
                trace.log("outer done, inner cancelled " + tf(t.isCancelled()));
            }
        });
        trace.assertMatches("58_wait_for_cancelled_cancels_inner");
    }

    @Test
    void waitForWithAZeroTimeoutTakesADoneResultOrTimesOut() {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            Promise<String> fut = Promise.create();
            fut.succeed("ready");
            trace.log("done future: " + waitFor(fut, ZERO));
            Task<Void> t = createTask(() -> cancelledLogger(trace, "pending"));
            sleep(ZERO);
            try {
                waitFor(t, ZERO);
            } catch (TimeoutException e) {
                trace.log("timeout error, cancelled " + tf(t.isCancelled()));
            }
        });
        trace.assertMatches("59_wait_for_zero_timeout");
    }

    @Test
    void anInnerThatAnswersItsCancellationDecidesWhatWaitForReturnsOrThrows() {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            Task<String> partial = createTask(() -> {
                try {
                    sleep(seconds(10));
                } catch (CancelledException e) {
                    trace.log("partial result instead");
                }
                return "partial";
            });
            trace.log("got " + waitFor(partial, seconds(1)));
            try {
                waitFor(createTask(() -> failOnCancel(new Trace(), "unused")), seconds(1));
            } catch (Exception e) {
                trace.log("raised " + boomMessage(e));
            }
        });
        trace.assertMatches("60_wait_for_inner_refuses_to_be_cancelled");
    }

    // ---------------------------------------------------------------- shield

    @Test
    void shieldedWorkSurvivesTheCancellationOfItsWaiter() {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            Task<Integer> inner = createTask(() -> {
                sleep(seconds(2));
                trace.log("work finished");
                return 7;
            });
            Task<Integer> w = createTask(() -> {
                try {
                    return await(shield(inner));
                } catch (CancelledException e) {
                    trace.log("waiter cancelled");
                    throw e;
                }
            });
            sleep(seconds(1));
            w.cancel();
            try {
                await(w);
            } catch (CancelledException e) {
                trace.log("waiter done, inner done " + tf(inner.isDone()));
            }
            trace.log("inner result " + await(inner));
        });
        trace.assertMatches("61_shield_inner_survives_outer_cancel");
    }

    @Test
    void shieldPassesOutcomesThroughAndADoneInnerComesBackAsItIs() {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            trace.log("value " + await(shield(createTask(() -> answer(seconds(1), "v")))));
            try {
                await(shield(createTask(() -> failAt(new Trace(), seconds(1), "boom"))));
            } catch (Exception e) {
                trace.log("failure " + boomMessage(e));
            }
            Task<String> inner = createTask(() -> answer(seconds(10), "never"));
            currentLoop().callLater(seconds(1), () -> inner.cancel());
            try {
                await(shield(inner));
            } catch (CancelledException e) {
                trace.log("inner cancelled " + tf(inner.isCancelled()) + ", me cancelling " + currentTask().cancelling());
            }
            Task<String> done = createTask(() -> answer(ZERO, "done"));
            sleep(seconds(1));
            trace.log("same object " + tf(shield(done) == done));
        });
        trace.assertMatches("62_shield_passes_results_failures_and_inner_cancel");
    }

    // ---------------------------------------------------------------- wait

    private static String names(java.util.Set<? extends Task<?>> tasks) {
        return tasks.stream().map(Task::name).toList().toString();
    }

    private static void job63(Trace trace, long delay) {
        sleep(seconds(delay));
        trace.log("job " + delay + " done");
    }

    @Test
    void waitFirstCompletedReturnsAtTheFirstCompletion() {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            List<Task<Void>> tasks = List.of(
                    createTask("a", () -> job63(trace, 2)),
                    createTask("b", () -> job63(trace, 1)),
                    createTask("c", () -> job63(trace, 3)));
            WaitResult<Task<Void>> r = Async.wait(tasks, ReturnWhen.FIRST_COMPLETED, null);
            trace.log("done " + names(r.done()) + ", pending " + names(r.pending()));
            r = Async.wait(tasks, ReturnWhen.ALL_COMPLETED, null);
            trace.log("done " + names(r.done()) + ", pending " + names(r.pending()));
        });
        trace.assertMatches("63_wait_first_completed");
    }

    @Test
    void waitFirstExceptionReturnsAtTheFirstFailureButNotAtACancellation() {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            List<Task<Void>> tasks = List.of(
                    createTask("a", () -> sleep(seconds(1))),
                    createTask("b", () -> sleep(seconds(10))),
                    createTask("c", () -> {
                        sleep(seconds(3));
                        throw new Boom("boom");
                    }),
                    createTask("d", () -> sleep(seconds(5))));
            currentLoop().callLater(seconds(2), () -> tasks.get(1).cancel());
            WaitResult<Task<Void>> r = Async.wait(tasks, ReturnWhen.FIRST_EXCEPTION, null);
            trace.log("done " + names(r.done()) + ", pending " + names(r.pending()));
            trace.log("failure " + boomMessage(tasks.get(2).exception()));
            List<Task<Void>> others = List.of(
                    createTask("e", () -> sleep(seconds(1))),
                    createTask("f", () -> sleep(seconds(2))));
            r = Async.wait(others, ReturnWhen.FIRST_EXCEPTION, null);
            trace.log("done " + names(r.done()) + ", pending " + names(r.pending()));
            await(tasks.get(3));
        });
        trace.assertMatches("64_wait_first_exception");
    }

    @Test
    void waitWithATimeoutReturnsThePendingOnesWithoutCancellingThem() {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            List<Task<Void>> tasks = List.of(
                    createTask("a", () -> job63(trace, 1)),
                    createTask("b", () -> job63(trace, 3)));
            WaitResult<Task<Void>> r = Async.wait(tasks, ReturnWhen.ALL_COMPLETED, seconds(2));
            trace.log("done " + names(r.done()) + ", pending " + names(r.pending())
                    + ", b cancelled " + tf(tasks.get(1).isCancelled()));
            await(tasks.get(1));
            trace.log("b finished on its own");
        });
        trace.assertMatches("65_wait_timeout_returns_pending");
    }

    @Test
    void waitOnDoneAwaitablesStillSuspendsThroughTheReadyQueue() {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            Task<Void> a = createTask("a", () -> sleep(ZERO));
            Task<Void> b = createTask("b", () -> sleep(ZERO));
            sleep(seconds(1));
            createTask(() -> {
                for (int i = 0; i < 4; i++) {
                    trace.log("tick " + i);
                    sleep(ZERO);
                }
            });
            sleep(ZERO);
            trace.log("waiting");
            WaitResult<Task<Void>> r = Async.wait(List.of(a, b), ReturnWhen.ALL_COMPLETED, null);
            trace.log("done " + names(r.done()) + ", pending " + names(r.pending()));
            try {
                Async.wait(List.<Task<Void>>of(), ReturnWhen.ALL_COMPLETED, null);
            } catch (IllegalArgumentException e) {
                trace.log("empty refused");
            }
        });
        trace.assertMatches("66_wait_on_done_tasks_still_suspends");
    }

    // ---------------------------------------------------------------- asCompleted

    private static String job67(long delay, String value) throws Boom {
        sleep(seconds(delay));
        if (value == null) {
            throw new Boom("failed after " + delay);
        }
        return value;
    }

    @Test
    void asCompletedYieldsInCompletionOrderAndAFailureAtItsTurn() {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            List<Task<String>> tasks = List.of(
                    createTask(() -> job67(3, "three")),
                    createTask(() -> job67(1, "one")),
                    createTask(() -> job67(2, null)),
                    createTask(() -> job67(4, "four")));
            for (Task<String> done : asCompleted(tasks, null)) {
                try {
                    trace.log("got " + done.result());
                } catch (Exception e) {
                    trace.log("raised " + boomMessage(e));
                }
            }
        });
        trace.assertMatches("67_as_completed_in_completion_order");
    }

    @Test
    void asCompletedThrowsTimeoutExceptionForEveryAwaitableLeftAtTheDeadline() {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            Task<String> slow = createTask(() -> answer(seconds(5), "slow"));
            List<Task<String>> tasks = List.of(createTask(() -> answer(seconds(1), "fast")), slow,
                    createTask(() -> answer(seconds(6), "slower")));
            Iterator<Task<String>> it = asCompleted(tasks, seconds(2)).iterator();
            while (it.hasNext()) {
                try {
                    trace.log("got " + it.next().result());
                } catch (Exception e) {
                    if (!(e instanceof TimeoutException)) {
                        throw e;
                    }
                    trace.log("timeout error");
                }
            }
            trace.log("slow cancelled " + tf(slow.isCancelled()));
            trace.log("slow result " + await(slow));
        });
        trace.assertMatches("68_as_completed_timeout");
    }

    // ---------------------------------------------------------------- toThread

    private static final TaskLocal<String> REQUEST = TaskLocal.withInitial("request", () -> "none");

    @Test
    void toThreadWorkSeesACopyOfTheTaskLocalsWhileTheLoopRunsOthers() {
        Trace trace = new Trace();
        CountDownLatch release = new CountDownLatch(1);
        run(LoopClock.virtual(), () -> {
            REQUEST.set("r-42");
            Task<String> t = createTask(() -> toThread(() -> {
                release.await();
                String seen = REQUEST.get();
                REQUEST.set("set in thread");
                boolean onWorker = Thread.currentThread().getName().startsWith("reactive-await-to-thread-");
                return seen + " on " + (onWorker ? "worker" : "loop") + " thread";
            }));
            createTask(() -> {
                trace.log("other task runs while the thread blocks");
                release.countDown();
            });
            while (!t.isDone()) {
                sleep(ZERO);
            }
            trace.log("result " + t.result());
            trace.log("task still sees " + REQUEST.get());
        });
        trace.assertMatches("69_to_thread_sees_context_and_keeps_loop_free");
    }

    @Test
    void cancellingATaskInToThreadIsDeliveredAtOnceAndTheLateResultDropped() {
        Trace trace = new Trace();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        run(LoopClock.virtual(), () -> {
            Task<String> t = createTask(() -> {
                try {
                    return toThread(() -> {
                        started.countDown();
                        release.await();
                        finished.set(true);
                        return "late";
                    });
                } catch (CancelledException e) {
                    trace.log("caller cancelled");
                    throw e;
                }
            });
            while (started.getCount() > 0) {
                sleep(ZERO);
            }
            t.cancel();
            try {
                await(t);
            } catch (CancelledException e) {
                trace.log("caller done, cancelled " + tf(t.isCancelled()) + ", thread finished " + tf(finished.get()));
            }
            release.countDown();
            while (!finished.get()) {
                sleep(ZERO);
            }
            sleep(ZERO);
            trace.log("late result dropped");
        });
        trace.assertMatches("70_to_thread_cancel_is_delivered_at_once");
    }

    // ---------------------------------------------------------------- counted cancellation

    @Test
    void uncancelCountsButDoesNotWithdrawACancellationNotYetDelivered() {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            Task<?> me = currentTask();
            trace.log("uncancel with no request returns " + me.uncancel());
            trace.log("cancel returns " + tf(me.cancel()) + ", cancelling " + me.cancelling());
            trace.log("uncancel returns " + me.uncancel());
            try {
                sleep(ZERO);
                trace.log("not reached");
            } catch (CancelledException e) {
                trace.log("still cancelled at the next await, cancelling " + me.cancelling());
            }
            sleep(seconds(1));
            trace.log("runs normally afterwards");
        });
        trace.assertMatches("71_uncancel_counts_but_keeps_a_pending_cancel");
    }
}
