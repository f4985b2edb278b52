package dev.reactiveawait.reactor;

import org.reactivestreams.Publisher;
import reactor.util.context.Context;

/**
 * Awaits a Mono: requests everything, keeps the value, and hands it over at the terminal signal,
 * never before and never by cancelling: a transactional Mono cancelled after its value would lose
 * its commit (kotlinx.coroutines#3487, spring-framework#25007).
 *
 * @param <T> the value
 */
final class MonoAwaiter<T> extends HoldingAwaiter<T> {

    MonoAwaiter(Context context, String method, Publisher<?> source) {
        super(context, method, source);
    }

    @Override
    void next(T item) {
        if (!keepOnly(item)) {
            fail(new IllegalStateException(describe() + ": the Mono emitted a second item, but a Mono emits at most "
                    + "one; its source breaks the Mono contract (use a Flux and awaitList or iterate for many items)"));
        }
    }
}
