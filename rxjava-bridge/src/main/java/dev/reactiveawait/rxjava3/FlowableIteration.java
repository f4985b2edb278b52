package dev.reactiveawait.rxjava3;

import dev.reactiveawait.internal.SourceIterator;
import io.reactivex.rxjava3.core.Flowable;
import java.util.Iterator;
import org.jspecify.annotations.Nullable;

/**
 * The items of a {@code Flowable} as a plain Java {@code for} loop inside a task, with
 * backpressure: made by {@link RxAwait#iterate(Flowable)}. Like
 * {@link java.nio.file.DirectoryStream}, it is iterated once and closed with try-with-resources.
 *
 * <p>{@link #iterator()} subscribes. The iteration requests {@code prefetch} items
 * ({@code Flowable.bufferSize()}, 128, by default), buffers them, and requests 75% of
 * {@code prefetch} again each time that many were taken. {@code hasNext()} suspends the task while
 * the buffer is empty and the source has not ended; it returns {@code false} once the source
 * completed, and throws the source's error (unchanged) after the items that came before it. A
 * source that emits synchronously ({@code Flowable.range}, {@code Flowable.fromIterable}) is read
 * without any suspension; one that supports synchronous fusion is polled without requests.
 *
 * <dl>
 * <dt><b>Thread:</b></dt>
 * <dd>Items are handed over on the iterating task, whatever thread the source emits on. One task
 *     (or thread) iterates at a time. Outside a task, on a plain thread, {@code hasNext()} blocks
 *     that thread, like {@code blockingIterable()}; on an event loop's thread outside a task (a
 *     callback), {@link #iterator()} throws {@link IllegalStateException}.</dd>
 * <dt><b>Cancellation:</b></dt>
 * <dd>The subscription is cancelled by {@link #close()} (so by {@code break}, {@code return} or an
 *     exception inside try-with-resources), by cancelling the iterating task while it waits (its
 *     {@code hasNext()} throws {@link dev.reactiveawait.CancelledException}), and when the task
 *     that called {@code iterator()} ends without closing. Buffered items are let go; items the
 *     source sends after the cancellation are dropped, a late error goes to
 *     {@code RxJavaPlugins.onError} (unless it is the echo of the cancellation: see
 *     {@link RxAwait}).</dd>
 * <dt><b>Hot/cold:</b></dt>
 * <dd>Cold: nothing happens until {@link #iterator()}, which subscribes once; a second call throws.
 *     Call {@code iterate} again for a new subscription.</dd>
 * </dl>
 * {@snippet :
 * try (FlowableIteration<Order> orders = iterate(orderService.orders(customer))) {
 *     for (Order order : orders) {
 *         if (order.total() > limit) {
 *             break; // close() cancels the Flowable
 *         }
 *         process(order); // may await: the Flowable is asked for more as items are taken
 *     }
 * }
 * }
 *
 * @param <T> the type of the items
 * @since 0.1
 */
public final class FlowableIteration<T> implements Iterable<T>, AutoCloseable {
    private final Flowable<? extends T> source;
    private final int prefetch;
    private @Nullable FlowableAsIterator<T> iterator;
    private boolean closed;

    FlowableIteration(Flowable<? extends T> source, int prefetch) {
        this.source = source;
        this.prefetch = prefetch;
    }

    /**
     * Subscribes to the Flowable and returns its items; callable once.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Call it on the task that iterates (or a plain thread); the Flowable may emit anywhere.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>The subscription it makes ends with {@link #close()}, with the task's cancellation while
     *     it waits, or with the end of the calling task.</dd>
     * </dl>
     * {@snippet :
     * Iterator<Event> events = iteration.iterator(); // subscribes
     * while (events.hasNext()) {                     // may suspend the task
     *     handle(events.next());
     * }
     * }
     *
     * @return the iterator of the items; its {@code hasNext()} suspends the task while waiting
     * @throws IllegalStateException if called a second time or after {@link #close()}, or on an
     *     event loop's thread outside a task
     */
    @Override
    public Iterator<T> iterator() {
        SourceIterator.checkUnopened(closed, iterator, AwaitingObserver.describe(source));
        FlowableAsIterator<T> it = FlowableAsIterator.subscribe(source, prefetch);
        iterator = it;
        return it;
    }

    /**
     * Cancels the subscription unless the Flowable already ended, and lets the buffered items go.
     * Idempotent; afterwards the iterator's {@code hasNext()} is {@code false}.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Call it on the iterating task (try-with-resources does); a task waiting in
     *     {@code hasNext()} wakes and sees the end.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>Cancels the Flowable at once; items it sends afterwards are dropped.</dd>
     * </dl>
     * {@snippet :
     * FlowableIteration<Tick> ticks = iterate(clock.ticks());
     * try (ticks) {
     *     Tick first = ticks.iterator().next();
     * } // ticks.close() cancels the Flowable
     * }
     */
    @Override
    public void close() {
        closed = true;
        FlowableAsIterator<T> it = iterator;
        if (it != null) {
            it.close();
        }
    }

    @Override
    public String toString() {
        return "FlowableIteration[" + AwaitingObserver.describe(source) + ", prefetch=" + prefetch
                + (closed ? ", closed]" : "]");
    }
}
