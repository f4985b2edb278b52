package dev.reactiveawait;

import static dev.reactiveawait.Async.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs each CPython reference scenario of {@code src/test/resources/cpython} on our loop under a
 * virtual clock and checks that it prints, line for line, the trace CPython 3.11 printed
 * ({@code NN_name.out}, produced by {@code python3 NN_name.py} on {@code vloop.py}'s virtual time).
 *
 * <p>Each method is the Java translation of the scenario named in its {@code assertMatches}; the
 * Python file says in its first line what the scenario proves. Python's {@code ValueError("boom")}
 * becomes the checked {@link Boom}; {@code CancelledError} becomes {@link CancelledException}.
 */
@Timeout(30)
class CPythonTraceTest {

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

    private static Duration millis(long n) {
        return Duration.ofMillis(n);
    }

    /** The message of an expected {@link Boom}; anything else propagates and fails the test. */
    private static String boomMessage(Exception e) throws Exception {
        if (e instanceof Boom) {
            return e.getMessage();
        }
        throw e;
    }

    private static String currentName() {
        Task<?> t = currentTask();
        return t == null ? "none" : t.name();
    }

    // ---------------------------------------------------------------- the tutorial's programs

    private static long job(int n) throws Exception {
        long acc = LongStream.range(0, n * 1000L).map(i -> i * i).sum(); // CPU-bound simulation
        sleep(seconds(n)); // I/O-bound simulation
        return acc;
    }

    @Test
    void tenJobsGatheredReturnResultsInArgumentOrderAfterNineSeconds() throws Exception {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            trace.log("started");
            List<Task<Long>> tasks = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                int n = i;
                tasks.add(createTask(() -> job(n)));
            }
            List<Long> results = await(gather(tasks));
            trace.log("results " + results);
            trace.log("finished");
        });
        trace.assertMatches("01_tutorial_ten_jobs");
    }

    @Test
    void tasksStartInCreationOrderOnlyOnceMainAwaits() throws Exception {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            trace.log("main start");
            Task<Void> task1 = createTask(() -> {
                trace.log("T1 start");
                sleep(seconds(2));
                trace.log("T1 end");
            });
            Task<Void> task3 = createTask(() -> {
                trace.log("T3 start");
                trace.log("T3 end");
            });
            Task<Void> task2 = createTask(() -> {
                trace.log("T2 start");
                trace.log("T2 end");
            });
            trace.log("main middle");
            await(task1);
            await(task2);
            await(task3);
            trace.log("main end");
        });
        trace.assertMatches("02_tutorial_task_ordering");
    }

    private static void sayAfter(Trace trace, Duration delay, String what) throws Exception {
        sleep(delay);
        trace.log(what);
    }

    @Test
    void sequentialSayAfterTakesThreeSeconds() throws Exception {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            trace.log("started");
            sayAfter(trace, seconds(1), "hello");
            sayAfter(trace, seconds(2), "world");
            trace.log("finished");
        });
        trace.assertMatches("03_tutorial_say_after_sequential");
    }

    @Test
    void concurrentSayAfterTakesTwoSeconds() throws Exception {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            Task<Void> task1 = createTask(() -> sayAfter(trace, seconds(1), "hello"));
            Task<Void> task2 = createTask(() -> sayAfter(trace, seconds(2), "world"));
            trace.log("started");
            await(task1);
            await(task2);
            trace.log("finished");
        });
        trace.assertMatches("04_tutorial_say_after_concurrent");
    }

    // ---------------------------------------------------------------- ready queue and timers

    @Test
    void createTaskSchedulesTheFirstStepWithoutRunningIt() throws Exception {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            List<Task<Void>> tasks = new ArrayList<>();
            for (String name : List.of("a", "b", "c")) {
                tasks.add(createTask(() -> {
                    trace.log(name + " first step");
                    sleep(ZERO);
                    trace.log(name + " second step");
                }));
                trace.log("created " + name);
            }
            trace.log("main yields");
            sleep(ZERO);
            trace.log("main resumed");
            for (Task<Void> t : tasks) {
                await(t);
            }
            trace.log("all done");
        });
        trace.assertMatches("05_create_task_start_order");
    }

    @Test
    void sleepZeroYieldsExactlyOneRound() throws Exception {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            List<Task<Void>> tasks = new ArrayList<>();
            for (String name : List.of("a", "b", "c")) {
                tasks.add(createTask(() -> {
                    for (int i = 0; i < 3; i++) {
                        trace.log(name + i);
                        sleep(ZERO);
                    }
                    trace.log(name + " done");
                }));
            }
            for (Task<Void> t : tasks) {
                await(t);
            }
            trace.log("main done");
        });
        trace.assertMatches("06_sleep_zero_round_robin");
    }

    @Test
    void callSoonIsFifoAndDefersCallbacksScheduledByCallbacksToTheNextRound() throws Exception {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            EventLoop loop = currentLoop();
            loop.callSoon(() -> {
                trace.log("first");
                loop.callSoon(() -> trace.log("scheduled by first"));
            });
            loop.callSoon(() -> trace.log("second"));
            loop.callSoon(() -> trace.log("third"));
            trace.log("main yields");
            sleep(ZERO);
            trace.log("main resumed");
            sleep(ZERO);
            trace.log("main resumed again");
        });
        trace.assertMatches("07_call_soon_fifo");
    }

    @Test
    void timersFireByDeadlineThenInsertionOrderAndACancelledOneNever() throws Exception {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            EventLoop loop = currentLoop();
            loop.callLater(seconds(2), () -> trace.log("a at 2"));
            loop.callLater(seconds(1), () -> trace.log("b at 1"));
            TimerHandle doomed = loop.callLater(seconds(1), () -> trace.log("cancelled timer fired"));
            loop.callLater(seconds(1), () -> trace.log("c at 1"));
            loop.callAt(loop.time() + seconds(1).toNanos(), () -> trace.log("d at 1 via call_at"));
            loop.callLater(millis(500), () -> trace.log("e at 0.5"));
            doomed.cancel();
            trace.log("handle cancelled " + doomed.isCancelled());
            trace.log(String.format(Locale.ROOT, "handle when %.3f", doomed.when() / 1e9));
            sleep(seconds(3));
            trace.log("main done");
        });
        trace.assertMatches("08_call_later_ordering");
    }

    @Test
    void callbacksAndTaskStepsShareOneFifoQueue() throws Exception {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            EventLoop loop = currentLoop();
            Task<Void> t = createTask(() -> {
                trace.log("worker step 1");
                loop.callSoon(() -> trace.log("cb2 from worker"));
                sleep(ZERO);
                trace.log("worker step 2");
            });
            loop.callSoon(() -> trace.log("cb1 from main"));
            sleep(ZERO);
            trace.log("main resumed");
            await(t);
            trace.log("main done");
        });
        trace.assertMatches("09_call_soon_vs_task_step");
    }

    // ---------------------------------------------------------------- done-callbacks

    @Test
    void doneCallbacksRunInRegistrationOrderAndNeverSynchronously() throws Exception {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            EventLoop loop = currentLoop();
            Promise<Integer> fut = Promise.create();
            for (String name : List.of("one", "two", "three")) {
                fut.addDoneCallback(f -> trace.log("callback " + name + " sees " + f.result()));
            }
            loop.callSoon(() -> trace.log("queued before completion"));
            fut.succeed(7);
            trace.log("after set_result");
            fut.addDoneCallback(f -> trace.log("late callback"));
            trace.log("after late add");
            sleep(ZERO);
            trace.log("main resumed");
            sleep(ZERO);
            trace.log("main done");
        });
        trace.assertMatches("10_done_callbacks_order");
    }

    @Test
    void awaiterWakeupsAndDoneCallbacksRunInRegistrationOrder() throws Exception {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            Task<Integer> t = createTask(() -> {
                sleep(seconds(1));
                trace.log("child returns");
                return 5;
            });
            t.addDoneCallback(f -> trace.log("callback registered before awaiters"));
            Task<Void> h = createTask(() -> {
                trace.log("helper awaits child");
                trace.log("helper got " + await(t));
            });
            sleep(ZERO);
            t.addDoneCallback(f -> trace.log("callback registered after helper"));
            trace.log("main awaits child");
            trace.log("main got " + await(t));
            t.addDoneCallback(f -> trace.log("callback added when done"));
            trace.log("main yields");
            sleep(ZERO);
            await(h);
            trace.log("main done");
        });
        trace.assertMatches("11_task_done_callback_vs_awaiter");
    }

    // ---------------------------------------------------------------- gather

    @Test
    void gatherReturnsResultsInArgumentOrder() throws Exception {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            Task<Integer> a = createTask(() -> valueAfter(trace, "a", seconds(3), 10));
            Task<Integer> b = createTask(() -> valueAfter(trace, "b", seconds(1), 20));
            Task<Integer> c = createTask(() -> valueAfter(trace, "c", seconds(2), 30));
            List<Integer> results = await(gather(a, b, c));
            trace.log("results " + results);
        });
        trace.assertMatches("12_gather_result_order");
    }

    private static <T> T valueAfter(Trace trace, String name, Duration delay, T value) throws Exception {
        sleep(delay);
        trace.log(name + " finished");
        return value;
    }

    @Test
    void gatherRaisesTheFirstFailureAtOnceAndLeavesTheOthersRunning() throws Exception {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            Task<String> a = createTask(() -> valueAfter(trace, "a", seconds(2), "a"));
            Task<String> b = createTask(() -> {
                sleep(seconds(1));
                trace.log("failing child raises");
                throw new Boom("boom");
            });
            Task<String> c = createTask(() -> valueAfter(trace, "c", seconds(3), "c"));
            Awaitable<List<String>> g = gather(a, b, c);
            try {
                await(g);
            } catch (Exception e) {
                trace.log("caught error: " + boomMessage(e));
            }
            trace.log("a done " + a.isDone() + ", c done " + c.isDone()
                    + ", gather cancelled " + g.isCancelled());
            sleep(seconds(5));
            trace.log("a result " + a.result() + ", c result " + c.result());
        });
        trace.assertMatches("13_gather_first_exception");
    }

    private static String describe(Outcome<?> outcome) {
        if (outcome instanceof Outcome.Success<?> s) {
            return "value: " + s.value();
        }
        if (outcome instanceof Outcome.Failure<?> f) {
            return "error: " + f.error().getMessage();
        }
        throw new AssertionError("unknown outcome " + outcome);
    }

    @Test
    void gatherSettledWaitsForAllAndReportsEachOutcomeInArgumentOrder() throws Exception {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            List<Task<Integer>> tasks = List.of(
                    createTask(() -> settledJob(trace, seconds(3), 1, null)),
                    createTask(() -> settledJob(trace, seconds(1), 2, "boom")),
                    createTask(() -> settledJob(trace, seconds(2), 3, null)));
            List<Outcome<Integer>> outcomes = await(gatherSettled(tasks));
            trace.log("outcomes " + outcomes.stream().map(CPythonTraceTest::describe).toList());
        });
        trace.assertMatches("14_gather_return_exceptions");
    }

    private static Integer settledJob(Trace trace, Duration delay, int value, String error) throws Exception {
        sleep(delay);
        if (error != null) {
            trace.log("job " + value + " fails");
            throw new Boom(error);
        }
        trace.log("job " + value + " succeeds");
        return value;
    }

    private static void cancellableChild(Trace trace, String name, Duration delay) throws Exception {
        try {
            sleep(delay);
            trace.log(name + " finished");
        } catch (CancelledException e) {
            trace.log(name + " cancelled");
            throw e;
        }
    }

    @Test
    void cancellingGatherCancelsPendingChildrenYetGatherIsNotMarkedCancelled() throws Exception {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            Task<Void> a = createTask(() -> cancellableChild(trace, "a", seconds(1)));
            Task<Void> b = createTask(() -> cancellableChild(trace, "b", seconds(5)));
            Task<Void> c = createTask(() -> cancellableChild(trace, "c", seconds(5)));
            Awaitable<List<Void>> g = gather(a, b, c);
            sleep(seconds(2));
            trace.log("cancel returns " + g.cancel());
            try {
                await(g);
                trace.log("gather returned");
            } catch (CancelledException e) {
                trace.log("awaiting gather raised cancelled");
            }
            trace.log("a cancelled " + a.isCancelled() + ", b cancelled " + b.isCancelled()
                    + ", c cancelled " + c.isCancelled());
            // asyncio: gather finishes with a CancelledError as its *exception*, not as cancelled
            trace.log("gather done " + g.isDone() + ", gather cancelled " + g.isCancelled());
        });
        trace.assertMatches("15_gather_cancel_cancels_children");
    }

    @Test
    void gatherRaisesCancelledWhenAChildIsCancelledAndSiblingsRunOn() throws Exception {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            Task<String> a = createTask(() -> valueAfter(trace, "a", seconds(1), "a"));
            Task<String> b = createTask(() -> valueAfter(trace, "b", seconds(3), "b"));
            Awaitable<List<String>> g = gather(a, b);
            currentLoop().callLater(millis(500), () -> trace.log("cancel a returns " + a.cancel()));
            try {
                await(g);
            } catch (CancelledException e) {
                trace.log("awaiting gather raised cancelled");
            }
            trace.log("gather done " + g.isDone() + ", gather cancelled " + g.isCancelled()
                    + ", b done " + b.isDone());
            await(b);
            trace.log("b still finished");
        });
        trace.assertMatches("16_gather_child_cancelled");
    }

    // ---------------------------------------------------------------- cancellation

    @Test
    void taskCancelledBeforeItsFirstStepNeverRunsItsBody() throws Exception {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            Task<Integer> t = createTask(() -> {
                trace.log("body ran"); // must never print
                return 1;
            });
            trace.log("cancel returns " + t.cancel());
            trace.log("cancelled right after cancel() " + t.isCancelled() + ", done " + t.isDone());
            try {
                await(t);
            } catch (CancelledException e) {
                trace.log("awaiting raised cancelled");
            }
            trace.log("cancelled " + t.isCancelled() + ", done " + t.isDone());
        });
        trace.assertMatches("17_cancel_before_first_step");
    }

    @Test
    void cancellingASleepingTaskRunsItsFinallyBeforeTheAwaiterResumes() throws Exception {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            Task<Void> t = createTask(() -> {
                trace.log("sleeper starts a 10 s sleep");
                try {
                    sleep(seconds(10));
                    trace.log("sleep completed"); // must never print
                } finally {
                    trace.log("sleeper finally");
                }
            });
            sleep(seconds(1));
            trace.log("cancel returns " + t.cancel());
            trace.log("cancelled right after cancel() " + t.isCancelled());
            try {
                await(t);
            } catch (CancelledException e) {
                trace.log("main sees cancelled");
            }
            trace.log("task cancelled " + t.isCancelled());
            sleep(seconds(20));
            trace.log("no stray timer fired");
        });
        trace.assertMatches("18_cancel_during_sleep_finally");
    }

    @Test
    void taskMaySwallowItsCancellationAndReturnNormally() throws Exception {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            Task<Integer> t = createTask(() -> {
                try {
                    sleep(seconds(10));
                } catch (CancelledException e) {
                    trace.log("stubborn caught cancellation");
                }
                sleep(seconds(1));
                trace.log("stubborn returns 42");
                return 42;
            });
            sleep(seconds(1));
            t.cancel();
            int result = await(t);
            trace.log("result " + result);
            trace.log("cancelled " + t.isCancelled() + ", cancelling " + t.cancelling());
            trace.log("uncancel returns " + t.uncancel());
        });
        trace.assertMatches("19_cancel_caught_and_continued");
    }

    @Test
    void cancellingATaskCancelsTheTaskItAwaits() throws Exception {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            Task<Void> inner = createTask(() -> {
                try {
                    sleep(seconds(10));
                } catch (CancelledException e) {
                    trace.log("inner cancelled");
                    throw e;
                }
            });
            Task<Void> outer = createTask(() -> {
                try {
                    await(inner);
                } catch (CancelledException e) {
                    trace.log("outer cancelled");
                    throw e;
                }
            });
            sleep(seconds(1));
            outer.cancel();
            try {
                await(outer);
            } catch (CancelledException e) {
                trace.log("main sees outer cancelled");
            }
            trace.log("inner cancelled " + inner.isCancelled() + ", outer cancelled " + outer.isCancelled());
        });
        trace.assertMatches("20_cancel_propagates_to_inner_task");
    }

    @Test
    void cancelMessageReachesTheTaskAndItsAwaiter() throws Exception {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            Task<Void> t = createTask(() -> {
                try {
                    sleep(seconds(10));
                } catch (CancelledException e) {
                    trace.log("worker cancelled with message: " + e.getMessage());
                    throw e;
                }
            });
            sleep(seconds(1));
            t.cancel("stop now");
            try {
                await(t);
            } catch (CancelledException e) {
                trace.log("main sees message: " + e.getMessage());
            }
        });
        trace.assertMatches("21_cancel_with_message");
    }

    @Test
    void cancellingAFinishedTaskReturnsFalseAndChangesNothing() throws Exception {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            Task<String> t = createTask(() -> {
                trace.log("quick runs");
                return "ok";
            });
            sleep(ZERO);
            trace.log("done " + t.isDone());
            trace.log("cancel returns " + t.cancel());
            trace.log("cancelled " + t.isCancelled() + ", cancelling " + t.cancelling()
                    + ", result " + t.result());
            trace.log("await gives " + await(t));
        });
        trace.assertMatches("22_cancel_done_task_returns_false");
    }

    @Test
    void cancellingTwiceCountsTwoRequestsButDeliversOneCancellation() throws Exception {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            Task<String> t = createTask(() -> {
                try {
                    sleep(seconds(10));
                } catch (CancelledException e) {
                    trace.log("stubborn caught cancellation");
                }
                sleep(seconds(1)); // not interrupted by the second request
                trace.log("stubborn finished second sleep");
                return "survived";
            });
            sleep(seconds(1));
            trace.log("first cancel returns " + t.cancel());
            trace.log("second cancel returns " + t.cancel());
            trace.log("cancelling " + t.cancelling());
            trace.log("result " + await(t));
            trace.log("cancelled " + t.isCancelled());
        });
        trace.assertMatches("23_cancel_requested_twice");
    }

    // ---------------------------------------------------------------- awaiting

    @Test
    void awaitingADoneTaskOrPromiseDoesNotSuspend() throws Exception {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            Task<String> t = createTask(() -> "quick result");
            sleep(ZERO);
            Promise<String> fut = Promise.create();
            fut.succeed("future result");
            createTask(() -> trace.log("bystander runs"));
            trace.log("main awaits done task");
            trace.log("got " + await(t));
            trace.log("main awaits done future");
            trace.log("got " + await(fut));
            trace.log("main yields");
            sleep(ZERO);
            trace.log("main done");
        });
        trace.assertMatches("24_await_done_is_not_suspension");
    }

    private static void customer(Trace trace, String name, Promise<String> box) throws Exception {
        trace.log(name + " waits with the lid open");
        String pizza = await(box);
        trace.log(name + " eats " + pizza);
    }

    @Test
    void promiseFilledByATimerCallbackWakesEveryWaiterInOrder() throws Exception {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            EventLoop loop = currentLoop();
            Promise<String> box = Promise.create();
            loop.callLater(seconds(17), () -> {
                trace.log("kitchen fills the box");
                box.succeed("margherita");
            });
            Task<Void> alice = createTask(() -> customer(trace, "alice", box));
            Task<Void> bob = createTask(() -> customer(trace, "bob", box));
            sleep(seconds(10));
            trace.log("lift the lid: ready " + box.isDone());
            sleep(seconds(5));
            trace.log("lift the lid: ready " + box.isDone());
            await(alice);
            await(bob);
            trace.log("box holds " + box.result());
        });
        trace.assertMatches("25_pizza_box_promise");
    }

    @Test
    void exceptionOfAFailedTaskComesOutOfAwaitUnchanged() throws Exception {
        Trace trace = new Trace();
        Boom original = new Boom("boom");
        run(LoopClock.virtual(), () -> {
            Task<Void> t = createTask(() -> {
                sleep(seconds(1));
                trace.log("failing raises");
                throw original;
            });
            try {
                await(t);
            } catch (Exception e) {
                trace.log("caught error: " + boomMessage(e));
                trace.log("same object " + (e == original));
            }
            trace.log("task done " + t.isDone() + ", cancelled " + t.isCancelled());
            trace.log("exception() gives: " + Objects.requireNonNull(t.exception()).getMessage());
        });
        trace.assertMatches("26_await_failing_task");
    }

    @Test
    void dueTimersJoinARoundAfterTheItemsAlreadyReady() throws Exception {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            EventLoop loop = currentLoop();
            loop.callLater(ZERO, () -> trace.log("timer 0 fired"));
            loop.callSoon(() -> trace.log("soon 1"));
            Task<Void> t = createTask(() -> {
                for (int i = 0; i < 3; i++) {
                    trace.log("spinner step " + i);
                    if (i == 0) {
                        loop.callLater(ZERO, () -> trace.log("timer set by spinner fired"));
                        loop.callSoon(() -> trace.log("soon set by spinner"));
                    }
                    sleep(ZERO);
                }
                trace.log("spinner done");
            });
            loop.callSoon(() -> trace.log("soon 2"));
            await(t);
            trace.log("main done");
        });
        trace.assertMatches("27_timers_vs_sleep0_batching");
    }

    // ---------------------------------------------------------------- introspection

    private static void probe(Trace trace, String name, Callable<?> fn) {
        try {
            Object value = fn.call();
            String shown = value == null ? "no exception"
                    : value instanceof Throwable th ? th.getMessage() : value.toString();
            trace.log(name + ": " + shown);
        } catch (InvalidStateException e) {
            trace.log(name + ": invalid state");
        } catch (CancelledException e) {
            trace.log(name + ": cancelled");
        } catch (Boom e) {
            trace.log(name + ": raised " + e.getMessage());
        } catch (Exception e) {
            throw new AssertionError(name + " threw an unexpected exception", e);
        }
    }

    @Test
    void resultAndExceptionFollowAsyncioStateRules() throws Exception {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            Task<Void> pending = createTask(() -> sleep(seconds(10)));
            Task<String> ok = createTask(() -> "fine");
            Task<String> failed = createTask(() -> {
                throw new Boom("boom");
            });
            Task<Void> doomed = createTask(() -> sleep(seconds(10)));
            doomed.cancel();
            probe(trace, "pending result", pending::result);
            probe(trace, "pending exception", pending::exception);
            sleep(ZERO);
            probe(trace, "ok result", ok::result);
            probe(trace, "ok exception", ok::exception);
            probe(trace, "failed result", failed::result);
            probe(trace, "failed exception", failed::exception);
            probe(trace, "cancelled result", doomed::result);
            probe(trace, "cancelled exception", doomed::exception);
            pending.cancel();
        });
        trace.assertMatches("28_task_result_invalid_state");
    }

    @Test
    void currentTaskIsTheRunningTaskAndNullInCallbacks() throws Exception {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            Objects.requireNonNull(currentTask()).setName("main");
            EventLoop loop = currentLoop();
            trace.log("in main: " + currentName());
            Task<Void> t = createTask("worker", () -> {
                trace.log("in worker: " + currentName());
                sleep(seconds(1));
                trace.log("in worker after sleep: " + currentName());
            });
            t.addDoneCallback(f -> trace.log("in done callback: " + currentName()));
            loop.callSoon(() -> trace.log("in call_soon callback: " + currentName()));
            loop.callLater(millis(500), () -> trace.log("in call_later callback: " + currentName()));
            await(t);
            trace.log("back in main: " + currentName());
            sleep(ZERO);
        });
        trace.assertMatches("29_current_task_in_task_vs_callback");
    }

    @Test
    void allTasksHoldsEveryUnfinishedTaskIncludingMainAndUnstartedOnes() throws Exception {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            trace.log("at start " + allTasks().size());
            List<Task<Void>> tasks = new ArrayList<>();
            for (int d : new int[] {1, 2, 3}) {
                tasks.add(createTask("s" + d, () -> sleep(seconds(d))));
            }
            trace.log("after creating 3 " + allTasks().size());
            trace.log("includes main " + (allTasks().contains(currentTask()) ? "yes" : "no"));
            sleep(millis(1500));
            Task<?> me = currentTask();
            List<String> others = allTasks().stream().filter(t -> t != me).map(Task::name).sorted().toList();
            trace.log("at 1.5 " + allTasks().size() + " others " + String.join(" ", others));
            await(tasks.get(2));
            trace.log("at end " + allTasks().size());
        });
        trace.assertMatches("30_all_tasks_count");
    }

    @Test
    void defaultTaskNamesAreConsecutiveTaskN() throws Exception {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            Task<Void> a = createTask(() -> {});
            Task<Void> b = createTask(() -> {});
            Task<Void> named = createTask("given", () -> {});
            String na = a.name();
            String nb = b.name();
            trace.log("default prefix " + (na.startsWith("Task-") && nb.startsWith("Task-")));
            trace.log("consecutive " + (Integer.parseInt(nb.substring("Task-".length()))
                    == Integer.parseInt(na.substring("Task-".length())) + 1));
            trace.log("given name " + named.name());
            a.setName("renamed");
            trace.log("after set_name " + a.name());
            await(gather(a, b, named));
        });
        trace.assertMatches("31_default_task_names");
    }

    // ---------------------------------------------------------------- run() and shutdown

    private static void ticker(Trace trace) throws Exception {
        int n = 0;
        try {
            while (true) {
                sleep(seconds(1));
                n++;
                trace.log("tick " + n);
            }
        } catch (CancelledException e) {
            trace.log("ticker cancelled after " + n + " ticks");
            throw e;
        } finally {
            trace.log("ticker finally");
        }
    }

    @Test
    void runCancelsLeftoverTasksWhenMainReturns() throws Exception {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            createTask(() -> ticker(trace));
            sleep(millis(2500));
            trace.log("main returns");
        });
        trace.assertMatches("32_leftover_tasks_cancelled_by_run");
    }

    @Test
    void taskCreatedJustBeforeMainReturnsStillRunsItsFirstStep() throws Exception {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            createTask(() -> {
                trace.log("late task first step");
                try {
                    sleep(seconds(1));
                    trace.log("late task finished"); // must never print
                } catch (CancelledException e) {
                    trace.log("late task cancelled");
                    throw e;
                }
            });
            trace.log("main returns");
        });
        trace.assertMatches("33_unawaited_task_gets_first_step");
    }

    // ---------------------------------------------------------------- hop counts

    @Test
    void sleepResumesOneHopAfterItsTimerFires() throws Exception {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            EventLoop loop = currentLoop();
            Task<Void> t = createTask(() -> {
                trace.log("sleeper sleeps 1 s");
                sleep(seconds(1));
                trace.log("sleeper wakes");
            });
            sleep(ZERO); // sleeper's timer is registered now
            loop.callLater(seconds(1), () -> trace.log("timer registered after the sleep"));
            loop.callLater(seconds(1), () -> loop.callSoon(() -> trace.log("call_soon from a timer")));
            await(t);
            trace.log("main done");
        });
        trace.assertMatches("34_sleep_wakeup_takes_two_hops");
    }

    @Test
    void gatherAwaiterWakesOneHopAfterADirectAwaiter() throws Exception {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            Task<Integer> t = createTask(() -> {
                sleep(seconds(1));
                trace.log("child returns");
                return 1;
            });
            Awaitable<List<Integer>> g = gather(t); // registers its done-callback on t first
            Task<Void> d = createTask(() -> trace.log("direct awaiter got " + await(t)));
            sleep(ZERO);
            trace.log("main got " + await(g));
            await(d);
        });
        trace.assertMatches("35_gather_resumes_one_hop_later");
    }

    @Test
    void removedDoneCallbackNeverRuns() throws Exception {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            Promise<Void> fut = Promise.create();
            Consumer<Awaitable<Void>> first = f -> trace.log("first callback");
            Consumer<Awaitable<Void>> second = f -> trace.log("second callback"); // must never print
            Consumer<Awaitable<Void>> third = f -> trace.log("third callback");
            fut.addDoneCallback(first);
            fut.addDoneCallback(second);
            fut.addDoneCallback(third);
            trace.log("removed " + fut.removeDoneCallback(second));
            trace.log("removed again " + fut.removeDoneCallback(second));
            fut.succeed(null);
            sleep(ZERO);
            trace.log("main done");
        });
        trace.assertMatches("36_remove_done_callback");
    }

    private static void cancellableCustomer(Trace trace, String name, Promise<String> box) throws Exception {
        try {
            trace.log(name + " got " + await(box));
        } catch (CancelledException e) {
            trace.log(name + " cancelled");
            throw e;
        }
    }

    @Test
    void cancellingOneWaiterCancelsTheSharedPromiseAndSoEveryWaiter() throws Exception {
        Trace trace = new Trace();
        run(LoopClock.virtual(), () -> {
            Promise<String> box = Promise.create();
            Task<Void> alice = createTask(() -> cancellableCustomer(trace, "alice", box));
            Task<Void> bob = createTask(() -> cancellableCustomer(trace, "bob", box));
            sleep(seconds(1));
            alice.cancel();
            sleep(ZERO);
            trace.log("box cancelled " + box.isCancelled());
            sleep(ZERO);
            trace.log("alice cancelled " + alice.isCancelled() + ", bob cancelled " + bob.isCancelled());
        });
        trace.assertMatches("37_cancelling_waiter_cancels_shared_future");
    }
}
