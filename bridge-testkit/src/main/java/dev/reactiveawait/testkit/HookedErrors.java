package dev.reactiveawait.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What reached a library's {@link ErrorHook} while it was watched: collected instead of printed,
 * and failing the test unless the test took it as expected. For TestNG classes (the TCK) and tests
 * that manage their own setup; {@link LoopTestBase} watches one for each test.
 */
public final class HookedErrors {
    private final ErrorHook hook;
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();

    private HookedErrors(ErrorHook hook) {
        this.hook = hook;
    }

    /**
     * Installs a handler on {@code hook} that collects what reaches it.
     *
     * @param hook the library's hook
     * @return the watch; end it with {@link #checkNoneAndStop()}
     */
    public static HookedErrors watch(ErrorHook hook) {
        HookedErrors watched = new HookedErrors(hook);
        hook.install().accept(watched.errors::add);
        return watched;
    }

    /**
     * Takes the errors so far, which the caller expected: they no longer fail the test.
     *
     * @return the errors, in arrival order
     */
    public List<Throwable> take() {
        List<Throwable> taken = new ArrayList<>(errors);
        errors.removeAll(taken);
        return taken;
    }

    /** Stops watching (resets the hook); throws if any error arrived meanwhile and was not taken. */
    public void checkNoneAndStop() {
        hook.reset().run();
        if (!errors.isEmpty()) {
            AssertionError failure = new AssertionError(errors.size() + " error(s) sent to " + hook.name());
            errors.forEach(failure::addSuppressed);
            throw failure;
        }
    }
}
