package dev.reactiveawait;

import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.jspecify.annotations.Nullable;

/**
 * Registers loops in the platform MBean server when {@code -Ddev.reactiveawait.jmx=true}; the only
 * class that touches {@code javax.management}, loaded only then.
 *
 * <p>Off by default: the first registration in a JVM creates the platform MBean server (the JDK's
 * own beans for memory, threads, GC, class loading...), which costs far more than starting a loop.
 * Measured on this project's 2-core machine ({@code LoopStartupBenchmark}, a cold JVM's first loop
 * run, single shot, 20 forks): 93 ± 30 ms without JMX, 312 ± 82 ms with it, about 0.2 s and several
 * MB of classes that a CLI or a test JVM would pay for a bean nobody reads. Applications that
 * already use JMX (or run the JVM's management agent) pay almost nothing extra for the bean.
 */
final class LoopJmx {
    /** The domain and type of every loop's {@code ObjectName}; the key {@code name} tells loops apart. */
    static final String DOMAIN_AND_TYPE = "dev.reactiveawait:type=EventLoop";

    private static final System.Logger LOG = System.getLogger("dev.reactiveawait");

    private LoopJmx() {}

    /** Registers {@code loop}'s bean and returns what unregisters it; logs and returns {@code null} if JMX refuses. */
    static @Nullable Runnable register(EventLoop loop, String name) {
        try {
            ObjectName objectName = new ObjectName(DOMAIN_AND_TYPE + ",name=" + name);
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            server.registerMBean(new StandardMBean(new LoopMBean(name, loop), EventLoopMXBean.class, true), objectName);
            return () -> unregister(objectName);
        } catch (JMException | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot register " + name + " in the platform MBean server (-D" + LoopDiagnostics.JMX_PROPERTY
                    + "=true): its task dump is not available over JMX", e);
            return null;
        }
    }

    /** Any thread: removes the bean, if it is still there. */
    private static void unregister(ObjectName name) {
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
        } catch (javax.management.InstanceNotFoundException alreadyGone) {
            // unregistered by someone else (a JMX client may do that): nothing to do
        } catch (JMException | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot unregister " + name + " from the platform MBean server", e);
        }
    }
}
