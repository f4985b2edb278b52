package dev.reactiveawait.internal;

import dev.reactiveawait.EventLoop;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A bridge's way to put its host library's default schedulers on a loop's (virtual) clock, found
 * with {@link java.util.ServiceLoader} by the test module (module path:
 * {@code provides dev.reactiveawait.internal.VirtualTimeSupport with ...}; class path:
 * {@code META-INF/services/dev.reactiveawait.internal.VirtualTimeSupport}). Not API.
 *
 * <p>Installing changes global state of the host library (its scheduler factory or handlers, its
 * dropped-error hook); {@link Installation#close()} restores what was there before. The caller
 * serializes installations: at most one is active per JVM.
 */
public interface VirtualTimeSupport {

    /**
     * The host library's name, for messages.
     *
     * @return e.g. {@code "Reactor"}
     */
    String library();

    /**
     * Makes the host library's default schedulers run on {@code loop} (so their timers and
     * {@code now()} follow its clock) until the returned installation is closed.
     *
     * @param loop the test's loop, not running yet
     * @param problems receives, on any thread, errors the host library dropped during the test and
     *     reports of timers scheduled on a real scheduler meanwhile (the classic trap)
     * @return the handle that restores the previous state
     */
    Installation install(EventLoop loop, Consumer<Throwable> problems);

    /** Restores what {@link #install} replaced. */
    interface Installation extends AutoCloseable {
        /** Restores the host library's previous schedulers and hooks; idempotent. */
        @Override
        void close();

        /**
         * An installation whose first {@code close()} runs {@code restore}, and later ones nothing.
         *
         * @param restore puts the host library's previous schedulers and hooks back
         * @return the installation
         */
        static Installation once(Runnable restore) {
            return new Installation() {
                private boolean closed;

                @Override
                public void close() {
                    if (!closed) {
                        closed = true;
                        restore.run();
                    }
                }
            };
        }
    }

    /**
     * Thrown into {@code problems} when a timer is scheduled on a real scheduler under virtual time.
     */
    final class RealTimerException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        /**
         * Creates the report.
         *
         * @param message what was scheduled where, and what to do
         */
        public RealTimerException(String message) {
            super(message);
        }

        /**
         * The report of a timer scheduled on a scheduler captured before virtual time was installed.
         *
         * @param timer e.g. {@code "a Reactor timer"}
         * @param site where it was scheduled, from {@link #delayedScheduleSite}
         * @param examples typical culprits, e.g. {@code "a Mono.delay or Flux.interval"}
         * @return the report, saying what to do
         */
        public static RealTimerException capturedEarly(String timer, String site, String examples) {
            return new RealTimerException(timer + " was scheduled on a real scheduler under virtual time: " + site
                    + ". It waits real time, not the test's clock: the scheduler was captured before virtual time "
                    + "was installed (e.g. " + examples + " built in a static field or in @BeforeAll); build it "
                    + "inside the test.");
        }
    }

    /**
     * For the host libraries' schedule hooks (which see only the {@code Runnable}): describes the
     * calling stack's delayed or periodic schedule on a scheduler, or returns {@code null} for an
     * immediate one or one made by a scheduler of ours ({@code dev.reactiveawait} classes).
     *
     * @param isScheduler whether a class is the host's scheduler or worker type
     * @param operatorPrefix the package prefix of the host's operators, e.g. {@code "reactor.core.publisher."}
     * @return e.g. {@code "ParallelScheduler.schedule(Runnable, long, TimeUnit) from MonoDelay.subscribe"}, or {@code null}
     */
    static @Nullable String delayedScheduleSite(Predicate<Class<?>> isScheduler, String operatorPrefix) {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames -> {
            StackWalker.@Nullable StackFrame outermost = null;
            for (StackWalker.StackFrame f : (Iterable<StackWalker.StackFrame>) frames::iterator) {
                Class<?> c = f.getDeclaringClass();
                boolean scheduling = isScheduler.test(c) && f.getMethodName().startsWith("schedule");
                if (scheduling) {
                    if (c.getName().startsWith("dev.reactiveawait.")) {
                        return null;
                    }
                    outermost = f;
                } else if (outermost != null) {
                    // the outermost schedule call has the caller's arguments: schedule(Runnable) delegating
                    // to schedule(Runnable, 0, unit) is an immediate task, not a timer
                    if (outermost.getMethodType().parameterCount() < 3) {
                        return null;
                    }
                    String site = outermost.getDeclaringClass().getSimpleName() + "." + outermost.getMethodName()
                            + outermost.getMethodType().parameterList().stream().map(Class::getSimpleName).toList()
                                    .toString().replace('[', '(').replace(']', ')');
                    String caller = c.getName().startsWith(operatorPrefix) ? c.getSimpleName() : c.getName();
                    return site + " called from " + caller + "." + f.getMethodName();
                }
            }
            return null;
        });
    }
}
