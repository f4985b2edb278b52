package dev.reactiveawait;

import static dev.reactiveawait.Async.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.lang.ref.Reference;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Exceptions nobody can receive are logged, never lost (DESIGN.md §7): a task or promise exception
 * never retrieved (reported when the loop closes, asyncio's "Task exception was never retrieved"),
 * and an exception thrown by a callback. Logged through {@link System.Logger}, observed here through
 * {@code java.util.logging}, its default backend.
 *
 * <p>A failure dropped unread is also reported when the GC collects it; that path is left out
 * here, since the GC cannot be made to run deterministically.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ErrorLoggingTest {

    /**
     * What was logged with {@code error} attached. Filtering by instance keeps each test to its own
     * records: failures of other tests may be reported meanwhile, when the GC collects them.
     */
    private static List<LogCapture.Entry> about(LogCapture log, Throwable error) {
        return log.all().stream().filter(e -> e.thrown() == error).toList();
    }

    @Test
    void anUnretrievedTaskExceptionIsLoggedWhenTheLoopCloses() {
        IOException lost = new IOException("nobody listens");
        AtomicReference<Task<Void>> forgotten = new AtomicReference<>(); // not collectable before close()
        try (LogCapture log = LogCapture.start()) {
            EventLoop loop = EventLoop.create(LoopClock.virtual());
            loop.runUntilComplete(() -> {
                forgotten.set(createTask("forgotten", () -> {
                    throw lost;
                }));
                sleep(Duration.ZERO); // the task runs and fails
            });
            assertThat(forgotten.get().isDone()).isTrue();
            assertThat(about(log, lost)).as("nothing is reported before close()").isEmpty();

            loop.close();

            assertThat(about(log, lost)).singleElement().satisfies(e -> {
                assertThat(e.level()).isEqualTo("SEVERE");
                assertThat(e.message()).contains("never retrieved").contains("forgotten");
            });
        } finally {
            Reference.reachabilityFence(forgotten);
        }
    }

    @Test
    void anUnretrievedPromiseExceptionIsLoggedWhenTheLoopCloses() {
        IOException lost = new IOException("nobody listens");
        try (LogCapture log = LogCapture.start()) {
            EventLoop loop = EventLoop.create(LoopClock.virtual());
            loop.runUntilComplete(() -> Promise.create().fail(lost));
            loop.close();
            assertThat(about(log, lost)).singleElement().satisfies(e -> {
                assertThat(e.level()).isEqualTo("SEVERE");
                assertThat(e.message()).contains("never retrieved");
            });
        }
    }

    @Test
    void anExceptionRetrievedByAwaitIsNotLogged() {
        IOException seen = new IOException("somebody listens");
        try (LogCapture log = LogCapture.start()) {
            Throwable thrown = run(LoopClock.virtual(), () -> {
                Task<Void> t = createTask(() -> {
                    throw seen;
                });
                return catchThrowable(() -> await(t));
            });
            assertThat(thrown).isSameAs(seen);
            assertThat(about(log, seen)).isEmpty();
        }
    }

    @Test
    void anExceptionRetrievedByExceptionOrResultIsNotLogged() {
        IOException readByException = new IOException("read by exception()");
        IOException readByResult = new IOException("read by result()");
        try (LogCapture log = LogCapture.start()) {
            run(LoopClock.virtual(), () -> {
                Task<Void> a = createTask(() -> {
                    throw readByException;
                });
                Task<Void> b = createTask(() -> {
                    throw readByResult;
                });
                sleep(Duration.ZERO);
                assertThat(a.exception()).isSameAs(readByException);
                assertThat(catchThrowable(b::result)).isSameAs(readByResult);
            });
            assertThat(about(log, readByException)).isEmpty();
            assertThat(about(log, readByResult)).isEmpty();
        }
    }

    @Test
    void aTaskFailingWhileCloseCancelsItIsLoggedOnce() {
        IOException late = new IOException("failed in cleanup");
        try (LogCapture log = LogCapture.start()) {
            EventLoop loop = EventLoop.create(LoopClock.virtual());
            loop.runUntilComplete(() -> {
                createTask("stubborn", () -> {
                    try {
                        sleep(Duration.ofHours(1));
                    } catch (CancelledException e) {
                        throw late;
                    }
                });
                sleep(Duration.ZERO);
            });
            loop.close();
            assertThat(about(log, late)).singleElement().satisfies(e -> {
                assertThat(e.level()).isEqualTo("SEVERE");
                assertThat(e.message()).contains("stubborn");
            });
        }
    }

    @Test
    void anExceptionThrownByACallbackIsLoggedAndTheLoopGoesOn() {
        IllegalStateException broken = new IllegalStateException("callback broke");
        try (LogCapture log = LogCapture.start()) {
            String after = run(LoopClock.virtual(), () -> {
                currentLoop().callSoon(() -> {
                    throw broken;
                });
                sleep(Duration.ZERO);
                return "still running";
            });
            assertThat(after).isEqualTo("still running");
            assertThat(about(log, broken)).singleElement().satisfies(e -> {
                assertThat(e.level()).isEqualTo("SEVERE");
                assertThat(e.message()).contains("callback");
            });
        }
    }

    @Test
    void aFailureThatWokeATaskIsReadEvenWhenACancelOverridesIt() {
        IOException failed = new IOException("failed, then overridden by a cancel");
        try (LogCapture log = LogCapture.start()) {
            EventLoop loop = EventLoop.create(LoopClock.virtual());
            loop.runUntilComplete(() -> {
                Promise<String> p = Promise.create();
                Task<String> waiter = createTask(() -> await(p));
                sleep(Duration.ZERO); // the waiter now awaits p
                p.fail(failed);       // wakes the waiter...
                waiter.cancel();      // ...but p is done, so the cancel is delivered on resumption
                try {
                    await(waiter);
                } catch (CancelledException expected) {
                    // the cancel wins, as in asyncio; p's failure was still read by the wakeup
                }
                assertThat(waiter.isCancelled()).isTrue();
            });
            loop.close();

            assertThat(about(log, failed)).as("asyncio's __wakeup reads the result first").isEmpty();
        }
    }
}
