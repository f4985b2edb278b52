package dev.reactiveawait.testkit;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A library's global hook for errors it cannot deliver: Reactor's {@code Hooks.onErrorDropped},
 * RxJava's {@code RxJavaPlugins.setErrorHandler}. The one thing the bridges' error watching differs
 * in, so each bridge's tests name theirs:
 * {@snippet :
 * ErrorHook dropped = ErrorHook.of("Operators.onErrorDropped", Hooks::onErrorDropped, Hooks::resetOnErrorDropped);
 * }
 *
 * @param name the hook's name, for failure messages
 * @param install puts a handler in place
 * @param reset takes it away again
 */
public record ErrorHook(String name, Consumer<Consumer<Throwable>> install, Runnable reset) {
    /** Checks that nothing is missing. */
    public ErrorHook {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(install, "install");
        Objects.requireNonNull(reset, "reset");
    }

    /**
     * The same as the constructor, to read like the other factories in a test.
     *
     * @param name the hook's name, for failure messages
     * @param install puts a handler in place
     * @param reset takes it away again
     * @return the hook
     */
    public static ErrorHook of(String name, Consumer<Consumer<Throwable>> install, Runnable reset) {
        return new ErrorHook(name, install, reset);
    }
}
