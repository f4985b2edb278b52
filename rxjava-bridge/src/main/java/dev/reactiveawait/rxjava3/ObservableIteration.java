package dev.reactiveawait.rxjava3;

import dev.reactiveawait.internal.SourceIterator;
import io.reactivex.rxjava3.core.Observable;
import java.util.Iterator;
import org.jspecify.annotations.Nullable;

/**
 * The items of an {@code Observable} as a plain Java {@code for} loop inside a task, through a
 * bounded buffer: made by {@link RxAwait#iterate(Observable, int)}. Like
 * {@link java.nio.file.DirectoryStream}, it is iterated once and closed with try-with-resources.
 *
 * <p>An {@code Observable} has no backpressure: it emits whenever it wants. The iteration buffers
 * what the task has not taken yet, up to {@code bufferSize} items. <b>Overflow is an error, not
 * unbounded memory:</b> when item {@code bufferSize + 1} arrives before the task took one, the
 * Observable is disposed and {@code hasNext()}, after returning the items already buffered, throws
 * {@link io.reactivex.rxjava3.exceptions.MissingBackpressureException} (RxJava's own error for a
 * full buffer). A synchronously fusable Observable ({@code Observable.range},
 * {@code fromIterable}, {@code fromArray}, and {@code map}/{@code filter} of those) is polled
 * directly: it never overflows, whatever its length. For a fast source and a slow loop body, prefer
 * {@code toFlowable(BackpressureStrategy)} with {@link RxAwait#iterate(Flowable)}, which states
 * what happens to the excess (buffer, drop, latest).
 *
 * <p>{@code hasNext()} suspends the task while the buffer is empty and the source has not ended; it
 * returns {@code false} once the source completed, and throws the source's error (unchanged) after
 * the items that came before it.
 *
 * <dl>
 * <dt><b>Thread:</b></dt>
 * <dd>Items are handed over on the iterating task, whatever thread the source emits on. One task
 *     (or thread) iterates at a time. Outside a task, on a plain thread, {@code hasNext()} blocks
 *     that thread, like {@code blockingIterable()}; on an event loop's thread outside a task (a
 *     callback), {@link #iterator()} throws {@link IllegalStateException}.</dd>
 * <dt><b>Cancellation:</b></dt>
 * <dd>The Observable is disposed by {@link #close()} (so by {@code break}, {@code return} or an
 *     exception inside try-with-resources), at an overflow, by cancelling the iterating task while
 *     it waits (its {@code hasNext()} throws {@link dev.reactiveawait.CancelledException}), and when
 *     the task that called {@code iterator()} ends without closing. Buffered items are let go; items
 *     the source sends after the disposal are dropped, a late error goes to
 *     {@code RxJavaPlugins.onError} (unless it is the echo of the disposal: see
 *     {@link RxAwait}).</dd>
 * <dt><b>Hot/cold:</b></dt>
 * <dd>Nothing happens until {@link #iterator()}, which subscribes once; a second call throws. A hot
 *     Observable (a {@code Subject}) is seen from that moment on. Call {@code iterate} again for a
 *     new subscription.</dd>
 * </dl>
 * {@snippet :
 * try (ObservableIteration<Click> clicks = iterate(button.clicks(), 64)) {
 *     for (Click click : clicks) {
 *         if (click.isDouble()) {
 *             break; // close() disposes the Observable
 *         }
 *         await(handle(click)); // more than 64 clicks meanwhile: MissingBackpressureException
 *     }
 * }
 * }
 *
 * @param <T> the type of the items
 * @since 0.1
 */
public final class ObservableIteration<T> implements Iterable<T>, AutoCloseable {
    private final Observable<? extends T> source;
    private final int bufferSize;
    private @Nullable ObservableAsIterator<T> iterator;
    private boolean closed;

    ObservableIteration(Observable<? extends T> source, int bufferSize) {
        this.source = source;
        this.bufferSize = bufferSize;
    }

    /**
     * Subscribes to the Observable and returns its items; callable once.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Call it on the task that iterates (or a plain thread); the Observable may emit anywhere,
     *     including during this call (up to {@code bufferSize} items, unless it is fusable).</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>The subscription it makes ends with {@link #close()}, at an overflow, with the task's
     *     cancellation while it waits, or with the end of the calling task.</dd>
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
        ObservableAsIterator<T> it = ObservableAsIterator.subscribe(source, bufferSize);
        iterator = it;
        return it;
    }

    /**
     * Disposes the Observable unless it already ended, and lets the buffered items go. Idempotent;
     * afterwards the iterator's {@code hasNext()} is {@code false}.
     *
     * <dl>
     * <dt><b>Thread:</b></dt>
     * <dd>Call it on the iterating task (try-with-resources does); a task waiting in
     *     {@code hasNext()} wakes and sees the end.</dd>
     * <dt><b>Cancellation:</b></dt>
     * <dd>Disposes the Observable at once; items it sends afterwards are dropped.</dd>
     * </dl>
     * {@snippet :
     * ObservableIteration<Tick> ticks = iterate(clock.ticks(), 16);
     * try (ticks) {
     *     Tick first = ticks.iterator().next();
     * } // ticks.close() disposes the Observable
     * }
     */
    @Override
    public void close() {
        closed = true;
        ObservableAsIterator<T> it = iterator;
        if (it != null) {
            it.close();
        }
    }

    @Override
    public String toString() {
        return "ObservableIteration[" + AwaitingObserver.describe(source) + ", bufferSize=" + bufferSize
                + (closed ? ", closed]" : "]");
    }
}
