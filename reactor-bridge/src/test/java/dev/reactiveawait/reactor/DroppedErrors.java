package dev.reactiveawait.reactor;

import dev.reactiveawait.testkit.ErrorHook;
import dev.reactiveawait.testkit.HookedErrors;
import reactor.core.publisher.Hooks;

/** Reactor's dropped-error hook, for the testkit's watches. */
final class DroppedErrors {
    static final ErrorHook HOOK = ErrorHook.of("Operators.onErrorDropped", Hooks::onErrorDropped, Hooks::resetOnErrorDropped);

    private DroppedErrors() {}

    /** Watches the hook, for a TCK class (TestNG has no JUnit extension) or a test with its own setup. */
    static HookedErrors watch() {
        return HookedErrors.watch(HOOK);
    }
}
