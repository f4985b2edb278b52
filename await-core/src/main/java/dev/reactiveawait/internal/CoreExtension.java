package dev.reactiveawait.internal;

/**
 * A bridge's hook into the core, found with {@link java.util.ServiceLoader} when the core
 * initializes (module path: {@code provides dev.reactiveawait.internal.CoreExtension with ...};
 * class path: {@code META-INF/services/dev.reactiveawait.internal.CoreExtension}). Bridges use it
 * to register loop threads as non-blocking with their host library before any loop runs.
 */
public interface CoreExtension {
    /** Called once, when the core's {@code EventLoop} class initializes. Must not create loops. */
    void coreLoaded();
}
