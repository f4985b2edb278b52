package dev.reactiveawait.reactor;

import dev.reactiveawait.internal.SourceIterator;
import java.util.Iterator;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;

/**
 * The items of a {@code Flux} (any {@link Publisher}) as a plain Java {@code for} loop inside a
 * task, with backpressure: made by {@link ReactorAwait#iterate(Publisher)}. Like
 * {@link java.nio.file.DirectoryStream}, it is iterated once and closed with try-with-resources.
 *
 * <p>{@link #iterator()} subscribes. The iteration requests {@code prefetch} items (256 by
 * default), buffers them, and requests 75% of {@code prefetch} again each time that many were
 * taken. {@code hasNext()} suspends the task while the buffer is empty and the source has not
 * ended; it returns {@code false} once the source completed, and throws the source's error
 * (unchanged) after the items that came before it. A source that emits synchronously
 * ({@code Flux.range}, {@code Flux.fromIterable}) is read without any suspension.
 *
 * <dl>
 * <dt><b>Thread:</b></dt>
 * <dd>Items are handed over on the iterating task, whatever thread the source emits on. One task
 *     (or thread) iterates at a time. Outside a task, on a plain thread, {@code hasNext()} blocks
 *     that thread, like {@code Flux.toIterable()}; on an event loop's thread outside a task (a
 *     callback) or a Reactor non-blocking thread, {@link #iterator()} throws
 *     {@link IllegalStateException}.</dd>
 * <dt><b>Cancellation:</b></dt>
 * <dd>The subscription is cancelled by {@link #close()} (so by {@code break}, {@code return} or an
 *     exception inside try-with-resources), by cancelling the iterating task while it waits (its
 *     {@code hasNext()} throws {@link dev.reactiveawait.CancelledException}), and when the task
 *     that called {@code iterator()} ends without closing. Buffered items are released to
 *     Reactor's discard hook; items the source sends after the cancellation go to
 *     {@code Operators.onNextDropped}.</dd>
 * <dt><b>Hot/cold:</b></dt>
 * <dd>Cold: nothing happens until {@link #iterator()}, which subscribes once; a second call throws.
 *     Call {@code iterate} again for a new subscription.</dd>
 * </dl>
 * {@snippet :
 * try (FluxIteration<Order> orders = iterate(orderService.orders(customer))) {
 *     for (Order order : orders) {
 *         if (order.total() > limit) {
 *             break; // close() cancels the Flux
 *         }
 *         process(order); // may await: the source is asked for more as items are taken
 *     }
 * }
 * }
 *
 * @param <T> the type of the items
 * @since 0.1
 */
public final class FluxIteration<T> implements Iterable<T>, AutoCloseable {
    private final Publisher<? extends T> source;
    private final int prefetch;
    private @Nullable FluxAsIterator<T> iterator;
    private boolean closed;

    FluxIteration(Publisher<? extends T> source, int prefetch) {
        this.source = source;
        this.prefetch = prefetch;
    }

    /**
     * Subscribes to the source and returns its items; callable once.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Call it on the task that iterates (or a plain thread); the source may emit anywhere.</dd>
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
     * @throws IllegalStateException if called a second time or after {@link #close()}, on an event
     *     loop's thread outside a task, or outside a task on a thread Reactor marks non-blocking
     */
    @Override
    public Iterator<T> iterator() {
        SourceIterator.checkUnopened(closed, iterator, source);
        FluxAsIterator<T> it = FluxAsIterator.subscribe(source, prefetch);
        iterator = it;
        return it;
    }

    /**
     * Cancels the subscription unless the source already ended, and releases the buffered items.
     * Idempotent; afterwards the iterator's {@code hasNext()} is {@code false}.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Call it on the iterating task (try-with-resources does); a task waiting in
     *     {@code hasNext()} wakes and sees the end.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>Cancels the source at once; items it sends afterwards go to
     *     {@code Operators.onNextDropped}, buffered ones to the discard hook.</dd>
     * </dl>
     * {@snippet :
     * FluxIteration<Tick> ticks = iterate(clock.ticks());
     * try (ticks) {
     *     Tick first = ticks.iterator().next();
     * } // ticks.close() cancels the Flux
     * }
     */
    @Override
    public void close() {
        closed = true;
        FluxAsIterator<T> it = iterator;
        if (it != null) {
            it.close();
        }
    }

    @Override
    public String toString() {
        return "FluxIteration[" + source + ", prefetch=" + prefetch + (closed ? ", closed]" : "]");
    }
}
