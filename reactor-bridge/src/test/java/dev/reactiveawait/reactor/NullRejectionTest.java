package dev.reactiveawait.reactor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reactiveawait.apicheck.NullRejection;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Every public constructor and method of {@code dev.reactiveawait.reactor} rejects {@code null} in
 * each parameter not declared {@code @Nullable}, with a {@link NullPointerException} whose message
 * is the parameter's name (issue #7, "Misuse").
 */
class NullRejectionTest {

    @Test
    void everyPublicMethodOfTheReactorBridgeRejectsNullNamingTheParameter() {
        NullRejection check = NullRejection.ofPackagesOf(ReactorAwait.class)
                .value(Mono.class, s -> Mono.just("x"))
                .value(Flux.class, s -> Flux.just("x"))
                .value(Publisher.class, s -> Flux.just("x"))
                .value(ContextView.class, s -> Context.empty());
        NullRejection.Report r = check.run();

        assertThat(r.failures()).isEmpty();
        assertThat(check.classes()).contains(ReactorAwait.class, ReactorTasks.class, FluxIteration.class);
        assertThat(r.checked()).as("every (method, parameter) pair of the API").hasSizeGreaterThan(20).contains(
                "ReactorAwait.await(null mono)",
                "ReactorTasks.mono(EventLoop, null body)",
                "ReactorTasks.toMono(null task)");
    }
}
