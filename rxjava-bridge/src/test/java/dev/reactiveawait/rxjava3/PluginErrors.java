package dev.reactiveawait.rxjava3;

import dev.reactiveawait.testkit.ErrorHook;
import dev.reactiveawait.testkit.HookedErrors;
import io.reactivex.rxjava3.plugins.RxJavaPlugins;

/**
 * RxJava's error hook ({@code RxJavaPlugins.setErrorHandler}), for the testkit's watches: what
 * reaches {@code RxJavaPlugins.onError} is collected instead of printed, and fails the test unless
 * the test took it as expected.
 */
final class PluginErrors {
    static final ErrorHook HOOK = ErrorHook.of("RxJavaPlugins.onError",
            errors -> RxJavaPlugins.setErrorHandler(errors::accept), () -> RxJavaPlugins.setErrorHandler(null));

    private PluginErrors() {}

    /** Watches the hook, for a TCK class (TestNG has no JUnit extension) or a test with its own setup. */
    static HookedErrors watch() {
        return HookedErrors.watch(HOOK);
    }
}
