package dev.reactiveawait.examples;

import static dev.reactiveawait.Async.await;
import static dev.reactiveawait.Async.createTask;
import static dev.reactiveawait.Async.currentLoop;
import static dev.reactiveawait.Async.run;
import static dev.reactiveawait.Async.sleep;

import dev.reactiveawait.Promise;
import dev.reactiveawait.Task;
import java.time.Duration;

/**
 * The tutorial's §4: a {@link Promise} is the pizza box. The kitchen fills it later; meanwhile you
 * chat, lift the lid (not ready yet), get hungry and keep it open until the pizza appears. The
 * story's minutes are seconds here: lid at 10 s, hungry at 15 s, pizza at 17 s.
 */
public final class PizzaBox {
    private PizzaBox() {}

    /**
     * The story as a program; call it inside a task.
     *
     * @param console where to print
     */
    public static void main(Console console) {
        Promise<String> box = Promise.create();
        console.print("ordered; got a box at " + console.strftimeX());
        currentLoop().callLater(Duration.ofSeconds(17), () -> box.succeed("pizza"));
        Task<Void> chat = createTask(() -> {
            sleep(Duration.ofSeconds(10));
            console.print("lift the lid at " + console.strftimeX() + ": " + (box.isDone() ? box.result() : "not yet"));
            sleep(Duration.ofSeconds(5));
            console.print("hungry at " + console.strftimeX() + ", keeping the lid open");
        });
        await(chat);
        String dinner = await(box);
        console.print(dinner + " at " + console.strftimeX());
    }

    /**
     * Runs the story in real time (17 s).
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(() -> main(Console.system()));
    }
}
