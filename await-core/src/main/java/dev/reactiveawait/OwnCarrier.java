package dev.reactiveawait;

import java.lang.reflect.Constructor;
import org.jspecify.annotations.Nullable;

/**
 * The opt-in single carrier of a loop (DESIGN.md §4): all task threads of the loop are virtual
 * threads mounted on one platform thread of the loop's own, so a handoff never crosses cores.
 *
 * <p>The JDK has no public API for a virtual-thread scheduler; its own tests construct
 * {@code java.lang.ThreadBuilders$VirtualThreadBuilder(Executor)}. That constructor is reachable
 * only when the JVM runs with {@code --add-opens java.base/java.lang=ALL-UNNAMED}. Opt in with the
 * system property {@code dev.reactiveawait.carrier=own}; without the flag (or the property), loops
 * use the JDK's default scheduler and behave identically, only slower per switch.
 */
final class OwnCarrier {
    static final String PROPERTY = "dev.reactiveawait.carrier";
    private static final @Nullable Constructor<?> BUILDER = find();

    final CarrierThread carrier;
    final Thread.Builder.OfVirtual threads;

    private OwnCarrier(CarrierThread carrier, Thread.Builder.OfVirtual threads) {
        this.carrier = carrier;
        this.threads = threads;
    }

    private static @Nullable Constructor<?> find() {
        if (!"own".equals(System.getProperty(PROPERTY))) {
            return null;
        }
        try {
            Class<?> c = Class.forName("java.lang.ThreadBuilders$VirtualThreadBuilder");
            Constructor<?> k = c.getDeclaredConstructor(java.util.concurrent.Executor.class);
            k.setAccessible(true);
            return k;
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.getLogger("dev.reactiveawait").log(System.Logger.Level.WARNING,
                    PROPERTY + "=own needs --add-opens java.base/java.lang=ALL-UNNAMED; using the default scheduler ("
                            + e + ")");
            return null;
        }
    }

    /** Whether loops created now get their own carrier. */
    static boolean enabled() {
        return BUILDER != null;
    }

    /** A carrier thread and a builder of virtual threads on it, or {@code null} when not enabled. */
    static @Nullable OwnCarrier create() {
        Constructor<?> k = BUILDER;
        if (k == null) {
            return null;
        }
        CarrierThread carrier = new CarrierThread();
        try {
            Thread.Builder.OfVirtual threads = (Thread.Builder.OfVirtual) k.newInstance(carrier);
            return new OwnCarrier(carrier, threads.inheritInheritableThreadLocals(false));
        } catch (ReflectiveOperationException e) {
            carrier.shutdown();
            throw new IllegalStateException("cannot create a virtual-thread builder on an own carrier", e);
        }
    }
}
