package dev.reactiveawait.examples;

import static dev.reactiveawait.Async.run;

/**
 * Runs the tutorial's programs one after the other, in real time, each under its section title
 * (about 34 s in all: 9 + 2 + 3 + 2 + 17 + 1).
 */
public final class Tutorial {
    private Tutorial() {}

    /**
     * Runs every example.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        section("3) Coroutines with asyncio: ten jobs gathered (9 s)");
        run(() -> TenJobs.main(Console.system()));
        section("6) Task ordering (2 s)");
        run(() -> TaskOrdering.main(Console.system()));
        section("7) Sequential awaits (3 s)");
        run(() -> SayAfter.sequential(Console.system()));
        section("7) Concurrent with tasks (2 s)");
        run(() -> SayAfter.concurrent(Console.system()));
        section("4) Futures: the pizza box (17 s)");
        run(() -> PizzaBox.main(Console.system()));
        section("And with the reactive libraries: an RxJava chain and a Reactor chain gathered (1 s)");
        run(() -> TwoLibraries.main(Console.system(), java.time.Duration.ofSeconds(1)));
    }

    private static void section(String title) {
        System.out.println();
        System.out.println("== " + title);
    }
}
