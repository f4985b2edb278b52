package dev.reactiveawait.reactor.internal;

import dev.reactiveawait.internal.CoreExtension;
import dev.reactiveawait.reactor.ReactorTasks;

/**
 * Found by the core through {@link java.util.ServiceLoader}: registers loop threads as
 * non-blocking with Reactor as soon as the core loads, so {@code Mono.block()} inside a task fails
 * fast even before any class of this bridge was touched. Not API.
 */
public final class ReactorExtension implements CoreExtension {
    /** Called by {@link java.util.ServiceLoader}. */
    public ReactorExtension() {}

    @Override
    public void coreLoaded() {
        ReactorTasks.registerNonBlockingLoopThreads();
    }
}
