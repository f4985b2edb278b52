package dev.reactiveawait;

import static dev.reactiveawait.Async.await;
import static dev.reactiveawait.Async.createTask;
import static dev.reactiveawait.Async.currentLoop;
import static dev.reactiveawait.Async.currentTask;
import static dev.reactiveawait.Async.run;
import static dev.reactiveawait.Async.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link TaskGroup} beyond the CPython traces: the try-with-resources form's documented Java
 * behaviour, misuse, and the aggregate exception.
 */
@Timeout(10)
class TaskGroupTest {

    private static Duration seconds(long n) {
        return Duration.ofSeconds(n);
    }

    private static long now() {
        return currentLoop().time() / 1_000_000_000L;
    }

    private static Void failAfter(long s, Exception e) throws Exception {
        sleep(seconds(s));
        throw e;
    }

    @Test
    void runReturnsTheBodysValueOnceEveryChildIsDone() {
        List<Object> seen = run(LoopClock.virtual(), () -> {
            Task<Integer> t = TaskGroup.run(g -> {
                g.createTask(() -> sleep(seconds(3)));
                return g.createTask(() -> 42);
            });
            return List.of(t.result(), now());
        });
        assertThat(seen).containsExactly(42, 3L);
    }

    @Test
    void tryWithResourcesDoesNotInterruptTheBodyButCancelsSiblingsAndThrowsTheAggregateFromClose() {
        List<String> events = new ArrayList<>();
        run(LoopClock.virtual(), () -> {
            AtomicReference<Task<Void>> sibling = new AtomicReference<>();
            assertThatThrownBy(() -> {
                try (TaskGroup g = TaskGroup.open()) {
                    g.createTask(() -> failAfter(1, new IOException("disk")));
                    sibling.set(g.createTask(() -> sleep(seconds(10))));
                    sleep(seconds(5)); // not interrupted in this form (see the class comment)
                    events.add("body slept until " + now() + ", sibling cancelled " + sibling.get().isCancelled());
                }
            }).isInstanceOf(TaskGroupException.class)
                    .satisfies(e -> assertThat(((TaskGroupException) e).getExceptions())
                            .extracting(Throwable::getMessage).containsExactly("disk"));
            events.add("closed at " + now() + ", cancelling " + currentTask().cancelling());
        });
        assertThat(events).containsExactly("body slept until 5, sibling cancelled true", "closed at 5, cancelling 0");
    }

    @Test
    void tryWithResourcesAttachesTheAggregateToTheBodysOwnException() {
        run(LoopClock.virtual(), () -> {
            assertThatThrownBy(() -> {
                try (TaskGroup g = TaskGroup.open()) {
                    Task<Void> child = g.createTask(() -> failAfter(1, new IOException("child")));
                    await(child); // the body sees the child's exception itself
                }
            }).isInstanceOf(IOException.class).hasMessage("child")
                    .satisfies(e -> assertThat(e.getSuppressed()).singleElement()
                            .isInstanceOf(TaskGroupException.class));
        });
    }

    @Test
    void tryWithResourcesCannotSeeTheBodysExceptionSoTheChildrenRunToTheirEnd() {
        List<String> events = new ArrayList<>();
        run(LoopClock.virtual(), () -> {
            AtomicReference<Task<String>> child = new AtomicReference<>();
            assertThatThrownBy(() -> {
                try (TaskGroup g = TaskGroup.open()) {
                    child.set(g.createTask(() -> {
                        sleep(seconds(2));
                        return "finished";
                    }));
                    throw new IllegalArgumentException("body");
                }
            }).hasMessage("body");
            events.add(child.get().result() + " at " + now());
        });
        assertThat(events).containsExactly("finished at 2"); // run() would have cancelled it at 0
    }

    @Test
    void runCancelsTheChildrenWhenTheBodyThrows() {
        run(LoopClock.virtual(), () -> {
            AtomicReference<Task<Void>> child = new AtomicReference<>();
            assertThatThrownBy(() -> TaskGroup.run(g -> {
                child.set(g.createTask(() -> sleep(seconds(2))));
                throw new IllegalArgumentException("body");
            })).isInstanceOf(TaskGroupException.class)
                    .satisfies(e -> assertThat(((TaskGroupException) e).getExceptions())
                            .singleElement().isInstanceOf(IllegalArgumentException.class));
            assertThat(child.get().isCancelled()).isTrue();
            assertThat(now()).isZero();
        });
    }

    @Test
    void aVirtualMachineErrorIsRethrownAloneLikeAsyncioBaseErrors() {
        StackOverflowError overflow = new StackOverflowError("simulated");
        run(LoopClock.virtual(), () -> {
            assertThatThrownBy(() -> TaskGroup.run(g -> {
                g.createTask(() -> {
                    try {
                        sleep(seconds(10));
                    } catch (CancelledException e) {
                        throw new IOException("ordinary failure during the cleanup");
                    }
                });
                g.createTask(() -> {
                    sleep(seconds(1));
                    throw overflow;
                });
                return null;
            })).isSameAs(overflow);
        });
    }

    @Test
    void theAggregateListsEveryFailureAsSuppressedTooAndIsSerializable() throws Exception {
        TaskGroupException e = run(LoopClock.virtual(), () -> {
            try {
                TaskGroup.run(g -> {
                    g.createTask(() -> failAfter(1, new IOException("a")));
                    g.createTask(() -> failAfter(1, new IOException("b")));
                    return null;
                });
                throw new AssertionError("no aggregate");
            } catch (TaskGroupException expected) {
                return expected;
            }
        });
        assertThat(e).hasMessage("unhandled errors in a TaskGroup (2 sub-exceptions)");
        assertThat(e.getExceptions()).extracting(Throwable::getMessage).containsExactly("a", "b");
        assertThat(e.getSuppressed()).containsExactlyElementsOf(e.getExceptions());
        assertThatThrownBy(() -> e.getExceptions().clear()).isInstanceOf(UnsupportedOperationException.class);
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(e);
        }
    }

    @Test
    void openAndRunNeedATask() {
        assertThatThrownBy(TaskGroup::open).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TaskGroup.open() outside any event loop");
        assertThatThrownBy(() -> TaskGroup.run(g -> null)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void onlyTheTaskThatOpenedTheGroupMayCloseIt() {
        run(LoopClock.virtual(), () -> {
            TaskGroup g = TaskGroup.open();
            Task<Void> other = createTask(g::close);
            assertThatThrownBy(() -> await(other)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("closed by the task that opened it");
            g.close();
            g.close(); // harmless
        });
    }

    @Test
    void createTaskFromAnotherThreadIsAWrongThreadException() {
        run(LoopClock.virtual(), () -> {
            try (TaskGroup g = TaskGroup.open()) {
                Throwable[] thrown = new Throwable[1];
                Thread t = Threads.start("intruder", () -> {
                    try {
                        g.createTask(() -> 1);
                    } catch (Throwable e) {
                        thrown[0] = e;
                    }
                });
                t.join(); // blocks the loop briefly: fine for this check
                assertThat(thrown[0]).isInstanceOf(WrongThreadException.class);
            }
        });
    }

    @Test
    void aChildFailingAfterItsGroupsTaskEndedIsLogged() {
        try (LogCapture log = LogCapture.start()) {
            run(LoopClock.virtual(), () -> {
                Task<Task<Void>> opener = createTask(() -> {
                    TaskGroup leaked = TaskGroup.open(); // never closed: a bug, reported when a child fails
                    return leaked.createTask(() -> failAfter(1, new IOException("orphan")));
                });
                Task<Void> child = await(opener);
                assertThatThrownBy(() -> await(child)).hasMessage("orphan");
            });
            assertThat(log.all()).anySatisfy(e -> {
                assertThat(e.message()).contains("is already done");
                assertThat(e.thrown()).hasMessage("orphan");
            });
        }
    }

    @Test
    void tryWithResourcesIsNotFooledByTheCancelRequestA311GroupLeavesCounted() {
        List<String> events = new ArrayList<>();
        run(LoopClock.virtual(), () -> {
            try (TaskGroup outer = TaskGroup.open()) {
                Task<String> longJob = outer.createTask(() -> {
                    sleep(seconds(5));
                    return "long job finished";
                });
                try {
                    TaskGroup.run(inner -> inner.createTask(() -> failAfter(1, new IOException("inner"))));
                } catch (TaskGroupException handled) {
                    // 3.11: the inner group's request on this task stays counted (3.13 takes it back)
                    events.add("inner failed, cancelling " + currentTask().cancelling());
                }
                longJob.addDoneCallback(t -> events.add(t.isCancelled() ? "long job cancelled" : t.result()));
            }
            events.add("outer closed at " + now());
        });
        assertThat(events).containsExactly("inner failed, cancelling 1", "long job finished", "outer closed at 5");
    }

    @Test
    void tryWithResourcesCancelsTheChildrenWhenATimeoutCutsTheBodyShort() {
        List<String> events = new ArrayList<>();
        run(LoopClock.virtual(), () -> {
            assertThatThrownBy(() -> Async.timeout(seconds(1), () -> {
                try (TaskGroup g = TaskGroup.open()) {
                    Task<Void> child = g.createTask(() -> sleep(seconds(10)));
                    child.addDoneCallback(t -> events.add("child cancelled " + t.isCancelled() + " at " + now()));
                    sleep(seconds(5));
                }
            })).isInstanceOf(java.util.concurrent.TimeoutException.class);
            events.add("timed out at " + now() + ", cancelling " + currentTask().cancelling());
        });
        assertThat(events).containsExactly("child cancelled true at 1", "timed out at 1, cancelling 0");
    }

    @Test
    void tryWithResourcesIgnoresACancelSwallowedBeforeTheGroupOpened() {
        Integer v = run(LoopClock.virtual(), () -> {
            Task<Integer> t = createTask(() -> {
                try {
                    sleep(seconds(10));
                } catch (CancelledException swallowed) {
                    // cancelling() stays 1
                }
                Task<Integer> child;
                try (TaskGroup g = TaskGroup.open()) {
                    child = g.createTask(() -> {
                        sleep(seconds(1));
                        return 7;
                    });
                }
                return child.result();
            });
            sleep(seconds(1));
            t.cancel();
            return await(t);
        });
        assertThat(v).isEqualTo(7);
    }
}
