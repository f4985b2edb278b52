/**
 * Project Reactor and reactive-await, both ways.
 *
 * <p>Await side: {@link dev.reactiveawait.reactor.ReactorAwait} awaits a {@code Mono} or the items
 * of any {@code Publisher} inside a task ({@code await}, {@code awaitFirst}, {@code awaitSingle},
 * {@code awaitList}, {@code iterate}…): the task is suspended, not a thread, and cancelling the
 * task cancels the subscription. The task's Reactor {@code Context} is the awaited sequence's
 * subscriber context.
 * {@snippet :
 * import static dev.reactiveawait.reactor.ReactorAwait.*;
 *
 * User user = await(users.findById(id));          // Mono: waits for its completion
 * try (var orders = iterate(orderService.stream(user))) {
 *     for (Order order : orders) {                 // backpressure: 256 at a time
 *         if (order.isLate()) break;               // cancels the Flux
 *     }
 * }
 * }
 *
 * <p>Publisher side: {@link dev.reactiveawait.reactor.ReactorTasks} turns a coroutine into a cold
 * {@code Mono} ({@code mono}) or {@code Flux} ({@code flux}, whose {@code emit} suspends while
 * demand is 0), a task into a hot {@code Mono} ({@code toMono}), and a loop into a Reactor
 * {@code Scheduler}. Cancelling the subscription cancels the task.
 */
@NullMarked
package dev.reactiveawait.reactor;

import org.jspecify.annotations.NullMarked;
