package dev.reactiveawait.rxjava3;

import io.reactivex.rxjava3.plugins.RxJavaPlugins;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * RxJava's error hook ({@code RxJavaPlugins.setErrorHandler}), watched: what reaches
 * {@code RxJavaPlugins.onError} is collected here instead of printed, and fails the test unless
 * the test took it as expected.
 */
final class PluginErrors {
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();

    private PluginErrors() {}

    static PluginErrors watch() {
        PluginErrors watched = new PluginErrors();
        RxJavaPlugins.setErrorHandler(watched.errors::add);
        return watched;
    }

    /** The errors so far, which the caller expected; they no longer fail the test. */
    List<Throwable> take() {
        List<Throwable> taken = new ArrayList<>(errors);
        errors.removeAll(taken);
        return taken;
    }

    /** Stops watching; throws if any error arrived meanwhile and was not taken. */
    void checkNoneAndStop() {
        RxJavaPlugins.setErrorHandler(null);
        if (!errors.isEmpty()) {
            AssertionError failure = new AssertionError(errors.size() + " error(s) sent to RxJavaPlugins.onError");
            errors.forEach(failure::addSuppressed);
            throw failure;
        }
    }
}
