package dev.reactiveawait.rxjava3;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactivex.rxjava3.exceptions.UndeliverableException;
import io.reactivex.rxjava3.functions.Consumer;
import io.reactivex.rxjava3.plugins.RxJavaPlugins;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Collects what reaches {@code RxJavaPlugins.onError} during a test. A test that expects errors
 * takes them ({@link #take()}, {@link #await(int)}); any error left at the end fails the test, so
 * nothing reaches the hook by accident (RxJava would report it as an {@code UndeliverableException}).
 * {@snippet :
 * @RegisterExtension final RxPluginErrors errors = new RxPluginErrors();
 * }
 */
final class RxPluginErrors implements BeforeEachCallback, AfterEachCallback {
    private final Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
    private @Nullable Consumer<? super Throwable> previous;

    @Override
    public void beforeEach(ExtensionContext context) {
        errors.clear();
        previous = RxJavaPlugins.getErrorHandler();
        RxJavaPlugins.setErrorHandler(errors::add);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        RxJavaPlugins.setErrorHandler(previous); // only ours: other hooks (onBeforeBlocking...) stay
        assertThat(errors).as("errors that reached RxJavaPlugins.onError").isEmpty();
    }

    /**
     * The errors that reached the hook so far, removed from the record, unwrapped from RxJava's
     * {@link UndeliverableException}.
     */
    List<Throwable> take() {
        List<Throwable> out = new ArrayList<>();
        Throwable t;
        while ((t = errors.poll()) != null) {
            out.add(t instanceof UndeliverableException u && u.getCause() != null ? u.getCause() : t);
        }
        return out;
    }

    /** The raw record, wrappers included, removed from the record. */
    List<Throwable> takeRaw() {
        List<Throwable> out = new ArrayList<>(errors);
        errors.clear();
        return out;
    }

    /** Waits (up to 5 s) until {@code n} errors reached the hook, possibly on other threads, and takes them. */
    List<Throwable> await(int n) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (errors.size() < n && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(errors).hasSizeGreaterThanOrEqualTo(n);
        return take();
    }
}
