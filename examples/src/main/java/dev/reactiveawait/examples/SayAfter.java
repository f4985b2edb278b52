package dev.reactiveawait.examples;

import static dev.reactiveawait.Async.await;
import static dev.reactiveawait.Async.createTask;
import static dev.reactiveawait.Async.run;
import static dev.reactiveawait.Async.sleep;

import dev.reactiveawait.Task;
import java.time.Duration;

/**
 * The tutorial's §7 quiz: two {@code say_after} calls awaited one after the other take 3 s;
 * wrapped in tasks first, they overlap and take 2 s.
 */
public final class SayAfter {
    private SayAfter() {}

    static void sayAfter(Console console, Duration delay, String what) {
        sleep(delay);
        console.print(what);
    }

    /**
     * Sequential awaits: 1 s then 2 s.
     *
     * @param console where to print
     */
    public static void sequential(Console console) {
        console.print("started at " + console.strftimeX());
        sayAfter(console, Duration.ofSeconds(1), "hello");
        sayAfter(console, Duration.ofSeconds(2), "world");
        console.print("finished at " + console.strftimeX());
    }

    /**
     * Concurrent with tasks: both sleeps overlap.
     *
     * @param console where to print
     */
    public static void concurrent(Console console) {
        Task<Void> task1 = createTask(() -> sayAfter(console, Duration.ofSeconds(1), "hello"));
        Task<Void> task2 = createTask(() -> sayAfter(console, Duration.ofSeconds(2), "world"));
        console.print("started at " + console.strftimeX());
        await(task1);
        await(task2);
        console.print("finished at " + console.strftimeX());
    }

    /**
     * Runs both versions in real time.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(() -> sequential(Console.system()));
        run(() -> concurrent(Console.system()));
    }
}
