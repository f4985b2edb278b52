package dev.reactiveawait.examples;

import static dev.reactiveawait.Async.await;
import static dev.reactiveawait.Async.createTask;
import static dev.reactiveawait.Async.gather;
import static dev.reactiveawait.Async.run;

import dev.reactiveawait.Task;
import dev.reactiveawait.reactor.ReactorAwait;
import dev.reactiveawait.rxjava3.RxAwait;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One task awaits an RxJava chain and a Reactor chain, and gathers them: a legacy RxJava client
 * and a new Reactor one, side by side in plain imperative code. Both run at once, so the whole
 * takes as long as the slower one.
 */
public final class TwoLibraries {
    private TwoLibraries() {}

    /** An RxJava 3 chain, as an older client library would return it. */
    static Single<String> legacyInventory(String sku, Duration latency) {
        return Single.timer(latency.toMillis(), TimeUnit.MILLISECONDS, Schedulers.computation())
                .map(tick -> sku + ": 7 in stock");
    }

    /** A Reactor chain, as a newer client would return it. */
    static Mono<String> price(String sku, Duration latency) {
        return Flux.just(1999, 1899, 1799)
                .delayElements(latency.dividedBy(3))
                .reduce(Math::min)
                .map(cents -> sku + ": best price " + cents / 100 + "." + cents % 100);
    }

    /**
     * The task: both chains awaited concurrently, their results gathered in argument order.
     *
     * @param console where to print
     * @param latency how long each downstream takes
     */
    public static void main(Console console, Duration latency) {
        Task<String> stock = createTask(() -> RxAwait.await(legacyInventory("sku-1", latency)));
        Task<String> cost = createTask(() -> ReactorAwait.await(price("sku-1", latency)));
        List<String> both = await(gather(stock, cost));
        both.forEach(console::print);
    }

    /**
     * Runs against 1 s downstreams (about 1 s in all, not 2).
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(() -> main(Console.system(), Duration.ofSeconds(1)));
    }
}
