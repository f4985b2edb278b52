package dev.reactiveawait.examples;

import static dev.reactiveawait.Async.await;
import static dev.reactiveawait.Async.createTask;
import static dev.reactiveawait.Async.gather;
import static dev.reactiveawait.Async.run;
import static dev.reactiveawait.Async.sleep;

import dev.reactiveawait.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The tutorial's §3: ten jobs, each a bit of CPU work and {@code n} seconds of "I/O", gathered.
 * They overlap, so the whole takes 9 s (the longest job), not 45 s.
 * <pre>{@code
 * async def job(n: int) -> int:
 *     acc = sum(i * i for i in range(n * 1000))
 *     await asyncio.sleep(n)
 *     return acc
 *
 * async def main():
 *     tasks = [asyncio.create_task(job(i)) for i in range(10)]
 *     results = await asyncio.gather(*tasks)
 *     print(results)
 * }</pre>
 */
public final class TenJobs {
    private TenJobs() {}

    static long job(int n) {
        long acc = 0; // CPU-bound simulation
        for (long i = 0; i < n * 1000L; i++) {
            acc += i * i;
        }
        sleep(Duration.ofSeconds(n)); // I/O-bound simulation
        return acc;
    }

    /**
     * The program's {@code main()} coroutine; call it inside a task.
     *
     * @param console where to print
     */
    public static void main(Console console) {
        List<Task<Long>> tasks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int n = i;
            tasks.add(createTask(() -> job(n)));
        }
        List<Long> results = await(gather(tasks));
        console.print(results.toString());
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
