package dev.reactiveawait.rxjava3.internal;

import dev.reactiveawait.internal.CoreExtension;
import dev.reactiveawait.rxjava3.RxTasks;

/**
 * Found by the core through {@link java.util.ServiceLoader}: when the core loads, puts the
 * loop-thread check into RxJava's {@code onBeforeBlocking} slot if nobody owns it, without turning
 * RxJava's {@code failOnNonBlockingScheduler} switch on. An application that turns that switch on
 * itself then gets loop threads covered too; nothing else changes until it does, or until it calls
 * {@link RxTasks#failOnBlockingInLoop()}. Not API.
 */
public final class RxExtension implements CoreExtension {
    /** Called by {@link java.util.ServiceLoader}. */
    public RxExtension() {}

    @Override
    public void coreLoaded() {
        NonBlockingLoopThreads.installIfFree();
    }
}
