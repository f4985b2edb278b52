package dev.reactiveawait;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Captures what the library logs. Core logs through {@link System.Logger}, which the JDK backs with
 * {@code java.util.logging} when no other provider is installed; while the capture is open, a
 * {@code java.util.logging.Filter} on the logger {@code "dev.reactiveawait"} records every record
 * (and keeps it off the console).
 *
 * <p>The tests run inside the named module {@code dev.reactiveawait.core}, which does not read
 * {@code java.logging}, so JUL is reached by reflection (which needs no readability) and the
 * filter is a {@link Proxy}.
 */
final class LogCapture implements AutoCloseable {

    /** One captured record: JUL's level name ({@code SEVERE} for {@code Level.ERROR}), message, exception. */
    record Entry(String level, String message, @Nullable Throwable thrown) {}

    private static final Object LOGGER; // held strongly: JUL keeps loggers only weakly
    private static final Method SET_FILTER;
    private static final Method GET_FILTER;
    private static final Class<?> FILTER;

    static {
        try {
            Class<?> logger = Class.forName("java.util.logging.Logger");
            FILTER = Class.forName("java.util.logging.Filter");
            LOGGER = logger.getMethod("getLogger", String.class).invoke(null, "dev.reactiveawait");
            SET_FILTER = logger.getMethod("setFilter", FILTER);
            GET_FILTER = logger.getMethod("getFilter");
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private final @Nullable Object previousFilter;

    private LogCapture() throws ReflectiveOperationException {
        previousFilter = GET_FILTER.invoke(LOGGER);
        Object filter = Proxy.newProxyInstance(LogCapture.class.getClassLoader(), new Class<?>[] {FILTER},
                (proxy, method, args) -> switch (method.getName()) {
                    case "isLoggable" -> {
                        add(Objects.requireNonNull(args)[0]);
                        yield false;
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == Objects.requireNonNull(args)[0];
                    case "toString" -> "LogCapture filter";
                    default -> throw new UnsupportedOperationException(method.toString());
                });
        SET_FILTER.invoke(LOGGER, filter);
    }

    /** Starts capturing; close to stop. */
    static LogCapture start() {
        try {
            return new LogCapture();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot reach java.util.logging", e);
        }
    }

    private void add(Object logRecord) throws ReflectiveOperationException {
        Class<?> c = logRecord.getClass();
        Object level = c.getMethod("getLevel").invoke(logRecord);
        String levelName = (String) level.getClass().getMethod("getName").invoke(level);
        String message = String.valueOf(c.getMethod("getMessage").invoke(logRecord));
        Throwable thrown = (Throwable) c.getMethod("getThrown").invoke(logRecord);
        synchronized (entries) {
            entries.add(new Entry(levelName, message, thrown));
            entries.notifyAll();
        }
    }

    /**
     * Waits until a record matching {@code wanted} is logged (by any thread, e.g. the cleaner's),
     * at most {@code timeout}; returns it, or fails.
     */
    Entry await(java.util.function.Predicate<Entry> wanted, java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (entries) {
            for (;;) {
                for (Entry e : entries) {
                    if (wanted.test(e)) {
                        return e;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("nothing matching was logged within " + timeout + "; logged: " + entries);
                }
                java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(entries, left);
            }
        }
    }

    /** Everything logged so far. */
    List<Entry> all() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    @Override
    public void close() {
        try {
            SET_FILTER.invoke(LOGGER, previousFilter);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new AssertionError("cannot restore the logger's filter", e);
        }
    }
}
