package dev.reactiveawait;

import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** A done-callback on its way through the ready queue: one object, no capturing lambda. */
record DoneCallback<T extends @Nullable Object>(Consumer<? super Awaitable<T>> callback, Awaitable<T> done)
        implements Runnable {
    @Override
    public void run() {
        callback.accept(done);
    }
}
