/**
 * asyncio's synchronization primitives for tasks: {@link dev.reactiveawait.sync.Lock},
 * {@link dev.reactiveawait.sync.Event}, {@link dev.reactiveawait.sync.Condition},
 * {@link dev.reactiveawait.sync.Semaphore}, {@link dev.reactiveawait.sync.BoundedSemaphore},
 * {@link dev.reactiveawait.sync.Barrier} and the queues ({@link dev.reactiveawait.sync.Queue},
 * {@link dev.reactiveawait.sync.PriorityQueue}, {@link dev.reactiveawait.sync.LifoQueue}).
 *
 * <p>They are not thread-safe and need not be: a loop runs one task at a time, so they only order
 * tasks of one loop around their {@code await} points, with asyncio's algorithms (waiters are
 * woken in FIFO order through the loop's ready queue, and a waiter that is cancelled never takes
 * the lock, the permit or the item it was woken for: it hands it to the next waiter).
 * {@snippet :
 * import static dev.reactiveawait.Async.*;
 *
 * Lock lock = new Lock();
 * Queue<String> jobs = new Queue<>(10);
 * run(() -> {
 *     createTask(() -> { for (;;) { String job = jobs.get(); lock.withLock(() -> handle(job)); jobs.taskDone(); } });
 *     jobs.put("first");
 *     jobs.join();
 * });
 * }
 *
 * <dl>
 * <dt><b>Thread:</b></dt>
 * <dd>Each primitive belongs to the first loop that uses it (asyncio's {@code _LoopBoundMixin}).
 *     Using it from another loop, or from a foreign thread while its loop runs, throws
 *     {@link java.lang.WrongThreadException}; methods that may wait need a task. Before any loop
 *     has used it, or while its loop is not running, a plain thread may call the methods that never
 *     wait (to fill a queue in a test's setup, for instance).</dd>
 * <dt><b>Cancellation:</b></dt>
 * <dd>A task cancelled while it waits gets a {@link dev.reactiveawait.CancelledException} and
 *     leaves the primitive as if it had never waited.</dd>
 * </dl>
 */
@NullMarked
package dev.reactiveawait.sync;

import org.jspecify.annotations.NullMarked;
