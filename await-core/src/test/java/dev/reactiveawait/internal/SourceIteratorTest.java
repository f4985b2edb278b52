package dev.reactiveawait.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reactiveawait.Async;
import dev.reactiveawait.LoopClock;
import dev.reactiveawait.Promise;
import dev.reactiveawait.Task;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The iterator that both bridges' {@code iterate(...)} share: credit replenished as items are
 * taken, overflow, errors after the items before them, close, late signals, and the wait of a task
 * for items from another thread.
 */
class SourceIteratorTest {
    /** What the iterator did to its upstream and the hooks, in order. */
    private final List<String> trace = new ArrayList<>();

    /** An iterator over a source that {@code onSubscribe} hands an upstream to, recording everything. */
    private final class Recording extends SourceIterator<Integer> {
        private final java.util.Queue<Integer> queue = new ConcurrentLinkedQueue<>();
        private final Consumer<Recording> source;
        private boolean echoDropped;

        Recording(int capacity, int limit, @Nullable Task<?> owner, Consumer<Recording> source) {
            super(capacity, limit, owner);
            this.source = source;
        }

        void onSubscribe(String upstream) {
            if (!setUpstream(upstream)) {
                cancel(upstream);
            }
        }

        void onError(Throwable e) {
            handleError(e);
        }

        @Override
        protected void subscribeToSource() {
            source.accept(this);
        }

        @Override
        protected @Nullable Integer poll() {
            return queue.poll();
        }

        @Override
        protected boolean offer(Integer item) {
            return queue.offer(item);
        }

        @Override
        protected boolean queueIsEmpty() {
            return queue.isEmpty();
        }

        @Override
        protected void clearQueue() {
            for (Integer item; (item = queue.poll()) != null; ) {
                discard(item);
            }
        }

        @Override
        protected @Nullable IllegalStateException requestUpstream(long n) {
            trace.add("request " + n);
            return null;
        }

        @Override
        protected void cancel(Object upstream) {
            trace.add("cancel " + upstream);
        }

        @Override
        protected void discard(Integer item) {
            trace.add("discard " + item);
        }

        @Override
        protected void dropItem(Integer item) {
            trace.add("dropped " + item);
        }

        @Override
        protected void dropError(Throwable e) {
            trace.add("dropped error " + e.getMessage());
        }

        @Override
        protected boolean isEchoOfLeaving(Throwable e) {
            if (!echoDropped && e instanceof java.util.concurrent.CancellationException) {
                echoDropped = true; // as the RxJava bridge does: one echo of our cancel is nobody's error
                return true;
            }
            return false;
        }

        @Override
        protected NullPointerException nullItem() {
            return new NullPointerException("null item");
        }

        @Override
        protected IllegalStateException beforeOnSubscribe(String signal, @Nullable Throwable cause) {
            return new IllegalStateException(signal + " before onSubscribe");
        }

        @Override
        protected RuntimeException overflow() {
            return new IllegalStateException("overflow beyond " + requested());
        }

        @Override
        protected @Nullable Task<?> waitingTask() {
            return Async.currentTask();
        }

        @Override
        public String describe() {
            return "iterate(Test)";
        }
    }

    private Recording subscribe(int capacity, int limit, Consumer<Recording> source) {
        Recording it = new Recording(capacity, limit, Async.currentTask(), source);
        it.subscribe();
        return it;
    }

    private static List<Integer> drain(Recording it) {
        List<Integer> items = new ArrayList<>();
        it.forEachRemaining(items::add);
        return items;
    }

    @Test
    void creditIsReplenishedEachTimeLimitItemsWereTaken() {
        ArrayDeque<Recording> subscribed = new ArrayDeque<>();
        Recording it = subscribe(4, 3, r -> {
            r.onSubscribe("up");
            subscribed.add(r);
            for (int i = 1; i <= 4; i++) {
                r.onNext(i); // within the credit of 4
            }
        });
        List<Integer> items = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            items.add(it.next());
        }
        assertThat(trace).containsExactly("request 3");
        it.onNext(5);
        it.onNext(6);
        it.onNext(7);
        it.onComplete();
        items.addAll(drain(it));
        assertThat(items).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(trace).as("the 6th item taken asks for 3 more; the source had ended by then")
                .containsExactly("request 3");
    }

    @Test
    void anItemBeyondTheCreditEndsTheIterationAfterTheItemsBeforeIt() {
        Recording it = subscribe(2, 2, r -> {
            r.onSubscribe("up");
            r.onNext(1);
            r.onNext(2);
            r.onNext(3); // the credit was 2
        });
        assertThat(it.next()).isEqualTo(1);
        assertThat(it.next()).isEqualTo(2);
        assertThatThrownBy(it::hasNext).isInstanceOf(IllegalStateException.class).hasMessage("overflow beyond 2");
        assertThat(trace).containsExactly("discard 3", "cancel up");
        assertThat(it.hasNext()).as("the iteration ended").isFalse();
    }

    @Test
    void theSourcesErrorComesAfterTheItemsBeforeIt() {
        IllegalStateException failure = new IllegalStateException("source failed");
        Recording it = subscribe(8, 6, r -> {
            r.onSubscribe("up");
            r.onNext(1);
            r.onError(failure);
            r.onNext(2); // after the terminal signal: dropped
            r.onError(failure); // the same error again: not reported twice
            r.onError(new IllegalStateException("another"));
        });
        assertThat(it.next()).isEqualTo(1);
        assertThatThrownBy(it::hasNext).isSameAs(failure);
        assertThat(trace).containsExactly("dropped 2", "dropped error another");
    }

    @Test
    void closeCancelsTheUpstreamDiscardsWhatIsBufferedAndIsIdempotent() {
        Recording it = subscribe(8, 6, r -> {
            r.onSubscribe("up");
            r.onNext(1);
            r.onNext(2);
            r.onNext(3);
        });
        assertThat(it.hasNext()).isTrue(); // holds 1 as the next item
        it.close();
        it.close();
        assertThat(it.hasNext()).isFalse();
        it.onNext(4); // after we left: dropped
        it.onError(new java.util.concurrent.CancellationException("echo")); // our cancel's echo: silent, once
        it.onError(new java.util.concurrent.CancellationException("echo"));
        assertThat(trace).containsExactly("cancel up", "discard 1", "discard 2", "discard 3", "dropped 4",
                "dropped error echo");
    }

    @Test
    void aSourceThatEndedIsNotCancelledByClose() {
        Recording it = subscribe(8, 6, r -> {
            r.onSubscribe("up");
            r.onComplete();
        });
        it.close();
        assertThat(drain(it)).isEmpty();
        assertThat(trace).isEmpty();
    }

    @Test
    void aSignalBeforeOnSubscribeEndsTheIterationAndTheLateUpstreamIsCancelled() {
        Recording it = subscribe(8, 6, r -> {
            r.onNext(1);
            r.onSubscribe("late");
        });
        assertThatThrownBy(it::hasNext).hasMessage("onNext before onSubscribe");
        assertThat(trace).containsExactly("discard 1", "cancel late");
    }

    @Test
    void aNullItemIsThrownToTheSourceAndEndsTheIteration() {
        Recording it = subscribe(8, 6, r -> r.onSubscribe("up"));
        assertThatThrownBy(() -> it.onNext(null)).isInstanceOf(NullPointerException.class).hasMessage("null item");
        assertThatThrownBy(it::hasNext).isInstanceOf(NullPointerException.class).hasMessage("null item");
        assertThat(trace).containsExactly("cancel up");
    }

    @Test
    void aTaskWaitsForItemsFromAnotherThreadAndItsEndClosesTheIteration() {
        List<Integer> items = new ArrayList<>();
        Async.run(LoopClock.virtual(), () -> {
            Recording[] opened = new Recording[1];
            Promise<Void> tookTwo = Promise.create(Objects.requireNonNull(Async.currentTask()).loop());
            Task<Void> consumer = Async.createTask(() -> {
                Recording it = subscribe(8, 6, r -> r.onSubscribe("up"));
                opened[0] = it;
                items.add(it.next()); // waits: nothing yet
                items.add(it.next());
                tookTwo.succeed(null);
                it.hasNext(); // waits for more, until the task is cancelled
            });
            Async.sleep(Duration.ZERO); // the consumer subscribed and waits
            assertThat(items).isEmpty();
            Recording it = Objects.requireNonNull(opened[0]);
            Thread producer = Thread.ofPlatform().start(() -> {
                it.onNext(1);
                it.onNext(2);
            });
            Async.await(tookTwo);
            assertThat(items).containsExactly(1, 2);
            Async.toThread(() -> {
                producer.join();
                return null;
            });
            consumer.cancel();
            Async.sleep(Duration.ZERO);
            assertThat(consumer.isCancelled()).isTrue();
        });
        assertThat(trace).as("the cancelled task's wait, then its end, close the iteration once")
                .containsExactly("cancel up");
    }
}
