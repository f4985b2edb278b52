/**
 * RxJava 3 and reactive-await, both ways.
 *
 * <p>Await side: {@link dev.reactiveawait.rxjava3.RxAwait} awaits a {@code Single}, {@code Maybe}
 * or {@code Completable}, or the items of a {@code Flowable} or {@code Observable}, inside a task
 * ({@code await}, {@code awaitFirst}, {@code awaitSingle}, {@code awaitList}, {@code iterate}…):
 * the task is suspended, not a thread, and cancelling the task disposes the source.
 * {@snippet :
 * import static dev.reactiveawait.rxjava3.RxAwait.*;
 *
 * User user = await(users.findById(id));          // Single: waits for its value
 * try (var orders = iterate(orderService.stream(user))) {
 *     for (Order order : orders) {                 // Flowable, backpressure: 128 at a time
 *         if (order.isLate()) break;               // cancels the Flowable
 *     }
 * }
 * }
 *
 * <p>Publisher side: {@link dev.reactiveawait.rxjava3.RxTasks} turns a coroutine into a cold
 * {@code Single}, {@code Maybe}, {@code Completable}, {@code Flowable} (whose {@code emit} suspends
 * while demand is 0) or {@code Observable}, a task into a hot {@code Single}/{@code Maybe}/
 * {@code Completable}, and a loop into an RxJava {@code Scheduler}. Disposing cancels the task.
 */
@NullMarked
package dev.reactiveawait.rxjava3;

import org.jspecify.annotations.NullMarked;
