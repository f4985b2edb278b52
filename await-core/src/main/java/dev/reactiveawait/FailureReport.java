package dev.reactiveawait;

import java.lang.System.Logger.Level;
import java.lang.ref.Cleaner;
import org.jspecify.annotations.Nullable;

/**
 * asyncio's "Task exception was never retrieved": created when an awaitable fails, marked when
 * someone reads the exception ({@code await}, {@code result()}, {@code exception()}), and logged
 * once otherwise — when the awaitable is garbage-collected (the {@link Cleaner} runs this report,
 * which holds no reference to the awaitable) or when its loop closes, whichever comes first.
 */
final class FailureReport implements Runnable {
    /** Shared with {@link LoopDiagnostics}: one cleaner thread for the library's reports. */
    static final Cleaner CLEANER = Cleaner.create();
    private static final System.Logger LOG = System.getLogger("dev.reactiveawait");

    private final String what;
    private final Throwable error;
    /** Set by the reader of the exception (any thread) or by the first report. */
    private volatile boolean settled;

    private FailureReport(String what, Throwable error) {
        this.what = what;
        this.error = error;
    }

    /** Loop: starts watching {@code failed}, whose exception is {@code error}. */
    static FailureReport watch(AbstractAwaitable<?> failed, Throwable error) {
        FailureReport report = new FailureReport(failed.toString(), error);
        CLEANER.register(failed, report);
        return report;
    }

    /** The exception was read: nothing to report. */
    void retrieved() {
        settled = true;
    }

    boolean isSettled() {
        return settled;
    }

    /** The awaitable was dropped without anyone reading its exception. */
    @Override
    public void run() {
        report("dropped");
    }

    /** Logs once, unless the exception was read. */
    void report(String when) {
        report(when, null);
    }

    /** Reports once to {@code sink} (or logs, if {@code null}), unless the exception was read. */
    void report(String when, java.util.function.@Nullable BiConsumer<String, Throwable> sink) {
        if (!settled) {
            settled = true;
            String message = what + ": exception was never retrieved (" + when + ")";
            if (sink != null) {
                sink.accept(message, error);
            } else {
                LOG.log(Level.ERROR, message, error);
            }
        }
    }
}
