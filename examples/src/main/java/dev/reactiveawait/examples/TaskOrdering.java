package dev.reactiveawait.examples;

import static dev.reactiveawait.Async.await;
import static dev.reactiveawait.Async.createTask;
import static dev.reactiveawait.Async.run;
import static dev.reactiveawait.Async.sleep;

import dev.reactiveawait.Task;
import java.time.Duration;

/**
 * The tutorial's §6: {@code createTask} schedules; the tasks start in creation order (T1, T3, T2)
 * once {@code main} first awaits, and T1 ends last because it sleeps.
 */
public final class TaskOrdering {
    private TaskOrdering() {}

    /**
     * The program's {@code main()} coroutine; call it inside a task.
     *
     * @param console where to print
     */
    public static void main(Console console) {
        console.print("main start");
        Task<Void> t1 = createTask(() -> {
            console.print("T1 start");
            sleep(Duration.ofSeconds(2));
            console.print("T1 end");
        });
        Task<Void> t3 = createTask(() -> {
            console.print("T3 start");
            console.print("T3 end");
        });
        Task<Void> t2 = createTask(() -> {
            console.print("T2 start");
            console.print("T2 end");
        });
        console.print("main middle");
        await(t1);
        await(t2);
        await(t3);
        console.print("main end");
    }

    /**
     * Runs the program in real time.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(() -> main(Console.system()));
    }
}
