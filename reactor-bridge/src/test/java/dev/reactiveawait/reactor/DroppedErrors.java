package dev.reactiveawait.reactor;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Hooks;

/** Reactor's dropped-error hook, watched for a TCK class (TestNG has no JUnit extension). */
final class DroppedErrors {
    private final List<Throwable> dropped = new CopyOnWriteArrayList<>();

    private DroppedErrors() {}

    static DroppedErrors watch() {
        DroppedErrors errors = new DroppedErrors();
        Hooks.onErrorDropped(errors.dropped::add);
        return errors;
    }

    /** Stops watching; throws if any error was dropped meanwhile. */
    void checkNoneAndStop() {
        Hooks.resetOnErrorDropped();
        if (!dropped.isEmpty()) {
            AssertionError failure = new AssertionError(dropped.size() + " error(s) dropped to Operators.onErrorDropped");
            dropped.forEach(failure::addSuppressed);
            throw failure;
        }
    }
}
