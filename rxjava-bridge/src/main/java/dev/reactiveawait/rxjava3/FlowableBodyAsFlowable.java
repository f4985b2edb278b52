package dev.reactiveawait.rxjava3;

import dev.reactiveawait.EventLoop;
import dev.reactiveawait.internal.LoopOfSubscription;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.plugins.RxJavaPlugins;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * {@link RxTasks#rxFlowable}: a cold Flowable that runs its body as a new task for each subscriber;
 * the body emits under the subscriber's demand through an {@link EmitterSubscription}. RxJava's
 * {@code Flowable.create} does not fit: its emitter buffers or drops, it cannot suspend.
 */
final class FlowableBodyAsFlowable<T> extends Flowable<T> {
    /** Handed to a subscriber that is failed at once: nothing to request or cancel. */
    private static final Subscription NOTHING = new Subscription() {
        @Override
        public void request(long n) {}

        @Override
        public void cancel() {}
    };

    private final @Nullable EventLoop loop;
    private final FlowableBody<T> body;

    private FlowableBodyAsFlowable(@Nullable EventLoop loop, FlowableBody<T> body) {
        this.loop = loop;
        this.body = body;
    }

    static <T> Flowable<T> of(@Nullable EventLoop loop, FlowableBody<T> body) {
        return RxJavaPlugins.onAssembly(new FlowableBodyAsFlowable<>(loop, Objects.requireNonNull(body, "body")));
    }

    @Override
    protected void subscribeActual(Subscriber<? super T> actual) {
        EventLoop target = LoopOfSubscription.resolve(loop);
        if (target == null) {
            actual.onSubscribe(NOTHING); // RS 1.9: onSubscribe before anything else
            actual.onError(LoopOfSubscription.noLoop("RxTasks", "rxFlowable"));
            return;
        }
        EmitterSubscription<T> subscription = new EmitterSubscription<>(actual, target);
        actual.onSubscribe(subscription); // RS 1.9: onSubscribe before anything else
        subscription.launch(() -> subscription.start(body));
    }
}
