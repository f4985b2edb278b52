package dev.reactiveawait.reactor;

import dev.reactiveawait.EventLoop;
import dev.reactiveawait.internal.LoopOfSubscription;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;

/**
 * {@link ReactorTasks#flux}: a cold Flux that runs its body as a new task for each subscriber; the
 * body emits under the subscriber's demand through an {@link EmitterSubscription}.
 */
final class FluxBodyAsFlux<T> extends Flux<T> {
    private final @Nullable EventLoop loop;
    private final FluxBody<T> body;

    private FluxBodyAsFlux(@Nullable EventLoop loop, FluxBody<T> body) {
        this.loop = loop;
        this.body = body;
    }

    static <T> Flux<T> of(@Nullable EventLoop loop, FluxBody<T> body) {
        return onAssembly(new FluxBodyAsFlux<>(loop, Objects.requireNonNull(body, "body")));
    }

    @Override
    public void subscribe(CoreSubscriber<? super T> actual) {
        EventLoop target = LoopOfSubscription.resolve(loop);
        if (target == null) {
            Operators.error(actual, LoopOfSubscription.noLoop("ReactorTasks", "flux"));
            return;
        }
        EmitterSubscription<T> subscription = new EmitterSubscription<>(actual, target);
        actual.onSubscribe(subscription); // RS 1.9: onSubscribe before anything else
        subscription.launch(() -> subscription.start(body));
    }
}
