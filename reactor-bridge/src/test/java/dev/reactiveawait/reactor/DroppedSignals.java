package dev.reactiveawait.reactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import reactor.core.publisher.Hooks;

/**
 * Collects what reaches Reactor's {@code onErrorDropped}/{@code onNextDropped} hooks during a test.
 * A test that expects drops takes them ({@link #takeErrors()}, {@link #awaitErrors(int)}...); any
 * drop left at the end fails the test, so nothing is dropped by accident.
 * {@snippet :
 * @RegisterExtension final DroppedSignals drops = new DroppedSignals();
 * }
 */
final class DroppedSignals implements BeforeEachCallback, AfterEachCallback {
    private final Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
    private final Queue<Object> items = new ConcurrentLinkedQueue<>();

    @Override
    public void beforeEach(ExtensionContext context) {
        errors.clear();
        items.clear();
        Hooks.onErrorDropped(errors::add);
        Hooks.onNextDropped(items::add);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Hooks.resetOnErrorDropped();
        Hooks.resetOnNextDropped();
        assertThat(errors).as("errors dropped to Hooks.onErrorDropped").isEmpty();
        assertThat(items).as("items dropped to Hooks.onNextDropped").isEmpty();
    }

    /** The errors dropped so far, removed from the record. */
    List<Throwable> takeErrors() {
        return drain(errors);
    }

    /** The items dropped so far, removed from the record. */
    List<Object> takeItems() {
        return drain(items);
    }

    /** Waits (up to 5 s) until {@code n} errors were dropped, possibly on other threads, and takes them. */
    List<Throwable> awaitErrors(int n) {
        waitFor(errors, n);
        return takeErrors();
    }

    /** Waits (up to 5 s) until {@code n} items were dropped, possibly on other threads, and takes them. */
    List<Object> awaitItems(int n) {
        waitFor(items, n);
        return takeItems();
    }

    private static void waitFor(Queue<?> queue, int n) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (queue.size() < n && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(queue).hasSizeGreaterThanOrEqualTo(n);
    }

    private static <T> List<T> drain(Queue<T> queue) {
        List<T> out = new ArrayList<>();
        T t;
        while ((t = queue.poll()) != null) {
            out.add(t);
        }
        return out;
    }
}
