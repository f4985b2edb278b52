package dev.reactiveawait.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;

/**
 * The service answers over real HTTP on loopback, and its handler calls both downstream services
 * concurrently: the second call starts while the first is still pending. (Concurrency is checked
 * by the order of events, not by a stopwatch.)
 */
@Timeout(30)
class ProfileServiceTest {

    @Test
    void answersWithBothDownstreamResultsAskedConcurrently() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        Sinks.One<String> user = Sinks.one();
        Sinks.One<Integer> orders = Sinks.one();
        ProfileService.Downstream downstream = new ProfileService.Downstream() {
            @Override
            public Mono<String> user(String id) {
                return track(user.asMono().map(name -> name + "-" + id));
            }

            @Override
            public Mono<Integer> orderCount(String id) {
                return track(orders.asMono());
            }

            private <T> Mono<T> track(Mono<T> call) {
                return call.doOnSubscribe(s -> {
                    int now = inFlight.incrementAndGet();
                    maxInFlight.accumulateAndGet(now, Math::max);
                    if (now == 2) { // both asked before either answered: release them
                        user.tryEmitValue("user");
                        orders.tryEmitValue(3);
                    }
                }).doFinally(signal -> inFlight.decrementAndGet());
            }
        };

        try (ProfileService service = ProfileService.start(downstream)) {
            String body = HttpClient.create()
                    .get()
                    .uri("http://127.0.0.1:" + service.port() + "/profile/42")
                    .responseContent()
                    .aggregate()
                    .asString()
                    .block(Duration.ofSeconds(20));

            assertThat(body).isEqualTo("{\"user\":\"user-42\",\"orders\":3}");
            assertThat(maxInFlight).hasValue(2);
        }
    }

    @Test
    void servesManyRequestsOnOneLoop() {
        ProfileService.Downstream fast = new ProfileService.Downstream() {
            @Override
            public Mono<String> user(String id) {
                return Mono.just("u" + id).delayElement(Duration.ofMillis(5));
            }

            @Override
            public Mono<Integer> orderCount(String id) {
                return Mono.fromCallable(id::length);
            }
        };
        try (ProfileService service = ProfileService.start(fast)) {
            HttpClient client = HttpClient.create();
            var bodies = reactor.core.publisher.Flux.range(100, 50)
                    .flatMap(i -> client.get()
                            .uri("http://127.0.0.1:" + service.port() + "/profile/" + i)
                            .responseContent().aggregate().asString())
                    .collectList()
                    .block(Duration.ofSeconds(20));

            assertThat(bodies).hasSize(50).allMatch(b -> b.matches("\\{\"user\":\"u1\\d\\d\",\"orders\":3}"));
        }
    }
}
