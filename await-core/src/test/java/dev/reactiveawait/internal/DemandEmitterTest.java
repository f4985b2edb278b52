package dev.reactiveawait.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reactiveawait.Async;
import dev.reactiveawait.CancelledException;
import dev.reactiveawait.EventLoop;
import dev.reactiveawait.LoopClock;
import dev.reactiveawait.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The state machine that the bridges' {@code flux(...)} and {@code rxFlowable(...)} subscriptions
 * share: items only within demand, completion without demand, cancellation, rules 2.13 and 3.9.
 */
class DemandEmitterTest {
    /** What the subscriber and the hooks saw, in order. */
    private final List<String> signals = new ArrayList<>();

    /** A subscription whose subscriber records its signals (and may throw from onNext). */
    private final class Recording extends DemandEmitter<Integer> {
        private final @org.jspecify.annotations.Nullable RuntimeException onNextFails;

        Recording(EventLoop loop, @org.jspecify.annotations.Nullable RuntimeException onNextFails) {
            super(loop); // made on the loop: demand is not foreign
            this.onNextFails = onNextFails;
        }

        @Override
        protected void signalNext(Integer item) {
            signals.add("onNext " + item);
            if (onNextFails != null) {
                throw onNextFails;
            }
        }

        @Override
        protected void signalComplete() {
            signals.add("onComplete");
        }

        @Override
        protected void signalError(Throwable e) {
            signals.add("onError " + e.getMessage());
        }

        @Override
        protected void dropError(Throwable e) {
            signals.add("dropped " + e.getMessage());
        }

        @Override
        protected void dropSubscriberError(Throwable e) {
            signals.add("subscriber's error dropped " + e.getMessage());
        }

        @Override
        protected void throwIfFatal(Throwable e) {
            if (e instanceof Error error) {
                throw error;
            }
        }

        @Override
        protected IllegalArgumentException badRequest(long n) {
            return new IllegalArgumentException("bad request(" + n + ")");
        }

        @Override
        protected String publisherName() {
            return "Stream";
        }

        @Override
        protected String bodyName() {
            return "stream";
        }

        @Override
        protected String nullItemMessage() {
            return "emit(null) is refused";
        }
    }

    private static void settle() {
        for (int i = 0; i < 5; i++) {
            Async.sleep(Duration.ZERO); // a few loop rounds: the body runs until it waits for demand
        }
    }

    @Test
    void itemsGoOutOnlyWithinDemandAndCompletionNeedsNone() {
        Async.run(LoopClock.virtual(), () -> {
            Recording s = new Recording(Async.currentTask().loop(), null);
            s.start(() -> {
                for (int i = 1; i <= 3; i++) {
                    s.emit(i);
                }
                return null;
            });
            settle();
            assertThat(signals).as("no demand yet: the body waits in emit").isEmpty();
            s.request(2);
            settle();
            assertThat(signals).containsExactly("onNext 1", "onNext 2");
            s.request(1);
            settle();
        });
        assertThat(signals).containsExactly("onNext 1", "onNext 2", "onNext 3", "onComplete");
    }

    @Test
    void cancellingWakesTheWaitingBodyWithCancelledExceptionAndSignalsNothingMore() {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Async.run(LoopClock.virtual(), () -> {
            Recording s = new Recording(Async.currentTask().loop(), null);
            s.start(() -> {
                try {
                    s.emit(1);
                } catch (CancelledException e) {
                    thrown.set(e);
                    throw e;
                }
                return null;
            });
            settle();
            s.cancel();
            s.cancel(); // RS 3.7: a no-op
            s.request(5); // RS 3.6: a no-op after cancel
            settle();
        });
        assertThat(thrown.get()).isInstanceOf(CancelledException.class).hasMessage("the Stream's subscriber cancelled");
        assertThat(signals).isEmpty();
    }

    @Test
    void aNonPositiveRequestFailsTheSubscriberOnceTheBodyEnded() {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Async.run(LoopClock.virtual(), () -> {
            Recording s = new Recording(Async.currentTask().loop(), null);
            s.start(() -> {
                try {
                    s.emit(1);
                } catch (CancelledException e) {
                    thrown.set(e);
                    signals.add("body ends");
                    throw e;
                }
                return null;
            });
            settle();
            s.request(0);
            settle();
        });
        assertThat(thrown.get()).hasMessage("the Stream's subscriber requested a non-positive amount (rule 3.9); "
                + "the Stream fails with IllegalArgumentException");
        assertThat(signals).as("onError after the body's finally, never overlapping it")
                .containsExactly("body ends", "onError bad request(0)");
    }

    @Test
    void aSubscriberThatThrowsFromOnNextCountsAsCancelledAndItsErrorGoesToTheHook() {
        IllegalStateException boom = new IllegalStateException("boom");
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Async.run(LoopClock.virtual(), () -> {
            Recording s = new Recording(Async.currentTask().loop(), boom);
            s.request(10);
            s.start(() -> {
                try {
                    s.emit(1);
                    s.emit(2);
                } catch (CancelledException e) {
                    thrown.set(e);
                    throw e;
                }
                return null;
            });
            settle();
        });
        assertThat(thrown.get()).isInstanceOf(CancelledException.class).hasCause(boom)
                .hasMessageContaining("the Stream's subscriber threw from onNext")
                .hasMessageContaining("rule 2.13");
        assertThat(signals).containsExactly("onNext 1", "subscriber's error dropped boom");
    }

    @Test
    void theBodysFailureIsTheSubscribersErrorOrDroppedOnceItLeft() {
        Async.run(LoopClock.virtual(), () -> {
            Recording failing = new Recording(Async.currentTask().loop(), null);
            failing.start(() -> {
                throw new IllegalStateException("body failed");
            });
            settle();
            Recording left = new Recording(Async.currentTask().loop(), null);
            left.start(() -> {
                try {
                    left.emit(1);
                } catch (CancelledException e) {
                    throw new IllegalStateException("failed in finally");
                }
                return null;
            });
            settle();
            left.cancel();
            settle();
        });
        assertThat(signals).containsExactly("onError body failed", "dropped failed in finally");
    }

    @Test
    void aCancelBeforeStartNeverCreatesTheTask() {
        List<String> ran = new ArrayList<>();
        Async.run(LoopClock.virtual(), () -> {
            Recording s = new Recording(Async.currentTask().loop(), null);
            s.cancel(); // inside onSubscribe, before the body's task exists
            s.start(() -> {
                ran.add("body");
                return null;
            });
            settle();
        });
        assertThat(ran).isEmpty();
        assertThat(signals).isEmpty();
    }

    @Test
    void emitIsRefusedOutsideTheBodysTaskAndForNull() {
        Async.run(LoopClock.virtual(), () -> {
            Recording s = new Recording(Async.currentTask().loop(), null);
            s.request(1);
            s.start(() -> {
                assertThatThrownBy(() -> s.emit(null)).isInstanceOf(NullPointerException.class)
                        .hasMessage("emit(null) is refused");
                return null;
            });
            settle();
            Task<?> me = Async.currentTask();
            assertThatThrownBy(() -> s.emit(1)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("emit() called from " + me + ", which is not the stream body's own task; emit from "
                            + "the body itself (hand values over from other tasks with a queue)");
        });
        assertThat(signals).containsExactly("onComplete");
    }
}
