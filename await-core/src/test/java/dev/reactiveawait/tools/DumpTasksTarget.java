package dev.reactiveawait.tools;

import static dev.reactiveawait.Async.*;

import dev.reactiveawait.EventLoop;
import dev.reactiveawait.Promise;
import dev.reactiveawait.Task;
import java.io.IOException;

/**
 * The JVM {@link DumpTasksTest} inspects: a loop serving forever with two suspended tasks
 * ("checkout" awaits "order-fetcher", which waits in {@link #fetchOrders}). Prints {@code READY}
 * once they are suspended; stops when its standard input closes.
 */
public final class DumpTasksTarget {
    private DumpTasksTarget() {}

    static void fetchOrders(Promise<Void> reply) {
        await(reply);
    }

    public static void main(String[] args) {
        try (EventLoop loop = EventLoop.create()) {
            Thread.ofPlatform().daemon().name("stdin-watcher").start(() -> {
                try {
                    while (System.in.read() >= 0) {
                        // drain until the parent closes our input
                    }
                } catch (IOException e) {
                    // closed either way
                }
                loop.stop();
            });
            loop.callSoon(() -> {
                Promise<Void> reply = Promise.create();
                Task<Void> fetcher = loop.createTask("order-fetcher", () -> fetchOrders(reply));
                loop.createTask("checkout", () -> await(fetcher));
                loop.callSoon(() -> loop.callSoon(() -> { // both tasks have run their first step
                    System.out.println("READY");
                    System.out.flush();
                }));
            });
            loop.runForever();
        }
    }
}
