package dev.reactiveawait.reactor;

import dev.reactiveawait.Coroutine;
import dev.reactiveawait.EventLoop;
import dev.reactiveawait.Task;
import dev.reactiveawait.internal.LoopOfSubscription;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.util.context.ContextView;

/**
 * {@link ReactorTasks#mono}: a cold Mono that runs its body as a new task for each subscriber.
 * The task's value is the Mono's value ({@code null}: empty), its exception the Mono's error; the
 * subscriber's {@code cancel()} cancels the task.
 */
final class CoroutineAsMono<T> extends Mono<T> {
    private final @Nullable EventLoop loop;
    private final Coroutine<? extends @Nullable T> body;

    private CoroutineAsMono(@Nullable EventLoop loop, Coroutine<? extends @Nullable T> body) {
        this.loop = loop;
        this.body = body;
    }

    static <T> Mono<T> of(@Nullable EventLoop loop, Coroutine<? extends @Nullable T> body) {
        return onAssembly(new CoroutineAsMono<>(loop, Objects.requireNonNull(body, "body")));
    }

    @Override
    public void subscribe(CoreSubscriber<? super T> actual) {
        EventLoop target = LoopOfSubscription.resolve(loop);
        if (target == null) {
            Operators.error(actual, LoopOfSubscription.noLoop("ReactorTasks", "mono"));
            return;
        }
        ResultSubscription<T> subscription = new ResultSubscription<>(actual);
        actual.onSubscribe(subscription); // RS 1.9: onSubscribe before anything else
        ContextView context = actual.currentContext();
        try {
            LoopOfSubscription.execute(target, () -> start(target, subscription, context));
        } catch (IllegalStateException closed) {
            subscription.fail(closed);
        }
    }

    private void start(EventLoop target, ResultSubscription<T> subscription, ContextView context) {
        if (subscription.isDisposed()) {
            return; // cancelled (or a bad request) before the task existed: never start it
        }
        Task<@Nullable T> task;
        try {
            task = target.createTask(() -> {
                ReactorContext.CONTEXT.set(context);
                return body.call();
            });
        } catch (IllegalStateException closed) {
            subscription.fail(closed);
            return;
        }
        task.addDoneCallback(subscription::complete);
        subscription.onCancel(() -> task.cancel("the Mono's subscriber cancelled"));
    }
}
