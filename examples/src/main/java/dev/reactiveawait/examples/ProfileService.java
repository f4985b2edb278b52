package dev.reactiveawait.examples;

import static dev.reactiveawait.Async.await;
import static dev.reactiveawait.Async.createTask;
import static dev.reactiveawait.Async.gather;

import dev.reactiveawait.EventLoop;
import dev.reactiveawait.Task;
import dev.reactiveawait.reactor.ReactorAwait;
import dev.reactiveawait.reactor.ReactorTasks;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A reactive HTTP service on reactor-netty whose handler is written with {@code await}: a profile
 * page needs a user and their order count from two slow downstream services; the handler asks both
 * at once and answers when both have, so two 1 s calls take about 1 s, not 2.
 * <pre>{@code
 * GET /profile/42  ->  {"user":"user-42","orders":3}
 * }</pre>
 * The handler runs as a task on one event loop (started by {@link #start}); reactor-netty only sees
 * a {@code Mono<String>} built with {@link ReactorTasks#mono(EventLoop, dev.reactiveawait.Coroutine)}.
 */
public final class ProfileService implements AutoCloseable {
    /** The two downstream services, as any reactive client would expose them. */
    public interface Downstream {
        /**
         * Looks a user up.
         *
         * @param id the user id
         * @return the user's name
         */
        Mono<String> user(String id);

        /**
         * Counts a user's orders.
         *
         * @param id the user id
         * @return the count
         */
        Mono<Integer> orderCount(String id);
    }

    private final EventLoop loop = EventLoop.create();
    private final Thread loopThread;
    private final DisposableServer server;

    private ProfileService(Downstream downstream) {
        loopThread = Thread.ofPlatform().name("profile-loop").daemon().start(loop::runForever);
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .route(routes -> routes.get("/profile/{id}", (request, response) -> response
                        .header("content-type", "application/json")
                        .sendString(ReactorTasks.mono(loop, () -> profile(downstream, request.param("id"))))))
                .bindNow();
    }

    /** The handler: plain imperative code; both downstream calls run concurrently. */
    static String profile(Downstream downstream, String id) {
        Task<String> user = createTask(() -> ReactorAwait.await(downstream.user(id)));
        Task<Integer> orders = createTask(() -> ReactorAwait.await(downstream.orderCount(id)));
        List<Object> both = await(gather(user, orders));
        return "{\"user\":\"" + both.get(0) + "\",\"orders\":" + both.get(1) + "}";
    }

    /**
     * Starts the service on a free loopback port.
     *
     * @param downstream the services the handler calls
     * @return the running service
     */
    public static ProfileService start(Downstream downstream) {
        return new ProfileService(downstream);
    }

    /**
     * The port the service listens on.
     *
     * @return the port
     */
    public int port() {
        return server.port();
    }

    /** Stops the server, then the loop. */
    @Override
    public void close() {
        server.disposeNow();
        loop.stop();
        try {
            loopThread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loop.close();
    }

    /**
     * Serves with two downstream calls of 1 s each until the process is stopped; try
     * {@code curl http://127.0.0.1:<port>/profile/42}.
     *
     * @param args ignored
     * @throws InterruptedException if interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        Downstream slow = new Downstream() {
            @Override
            public Mono<String> user(String id) {
                return Mono.delay(Duration.ofSeconds(1)).thenReturn("user-" + id);
            }

            @Override
            public Mono<Integer> orderCount(String id) {
                return Mono.delay(Duration.ofSeconds(1)).thenReturn(id.length() + 1);
            }
        };
        try (ProfileService service = start(slow)) {
            System.out.println("listening on http://127.0.0.1:" + service.port() + "/profile/42 (Ctrl-C to stop)");
            Thread.currentThread().join();
        }
    }
}
