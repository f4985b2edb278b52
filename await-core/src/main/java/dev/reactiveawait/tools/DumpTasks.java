package dev.reactiveawait.tools;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import dev.reactiveawait.EventLoopMXBean;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Prints the task dump of every event loop in another running JVM, without a debugger: Python
 * 3.14's {@code python -m asyncio ps PID} for reactive-await.
 *
 * <p>The target JVM must run its loops with {@code -Ddev.reactiveawait.jmx=true} (see
 * {@link EventLoopMXBean}). The tool attaches to it with the JDK's Attach API (same user, same
 * machine), starts its local JMX agent if it is not running yet (what
 * {@code jcmd PID ManagementAgent.start_local} does), connects, and prints each loop's
 * {@link EventLoopMXBean#dumpTasks()}. Run it with a JDK's {@code java}, on the class path:
 * {@snippet lang=shell :
 * java -cp await-core-0.1.0.jar dev.reactiveawait.tools.DumpTasks 12345
 * }
 * On the module path, add the modules the class path gets by default:
 * {@code --add-modules jdk.attach,java.management.rmi}. Exit status: 0 when at least one loop was
 * dumped, 1 when the JVM could not be reached, 2 on a usage error, 3 when it has no registered loop.
 *
 * @since 0.2
 */
public final class DumpTasks {
    static final String LOOPS = "dev.reactiveawait:type=EventLoop,*";

    private DumpTasks() {}

    /**
     * Dumps the loops of the JVM whose process id is the only argument.
     *
     * @param args {@code <pid>}
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The tool without {@code System.exit}: returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1 || !args[0].matches("\\d+")) {
            err.println("usage: java -cp await-core.jar " + DumpTasks.class.getName() + " <pid>\n"
                    + "  prints every reactive-await event loop's pending tasks in the JVM <pid>\n"
                    + "  (started with -Ddev.reactiveawait.jmx=true); jps lists the JVMs' pids");
            return 2;
        }
        String pid = args[0];
        String address;
        try {
            address = localJmxAddress(pid);
        } catch (AttachNotSupportedException | IOException e) {
            err.println("cannot attach to JVM " + pid + ": " + e.getMessage() + "\n  (the tool must run as the same user "
                    + "on the same machine, and the target must not run with -XX:+DisableAttachMechanism)");
            return 1;
        } catch (LinkageError e) {
            err.println("the Attach API (module jdk.attach) is missing: run this tool with a JDK's java, on the class "
                    + "path, or add --add-modules jdk.attach,java.management.rmi on the module path (" + e + ")");
            return 1;
        }
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
            return print(pid, connector.getMBeanServerConnection(), out, err);
        } catch (IOException e) {
            err.println("cannot connect to the JMX agent of JVM " + pid + " at " + address + ": " + e
                    + (e instanceof java.net.MalformedURLException
                            ? "\n  (on the module path, add --add-modules java.management.rmi)" : ""));
            return 1;
        }
    }

    /** Attaches, starts the target's local JMX agent if needed, and returns its address. */
    private static String localJmxAddress(String pid) throws AttachNotSupportedException, IOException {
        VirtualMachine vm = VirtualMachine.attach(pid);
        try {
            return vm.startLocalManagementAgent();
        } finally {
            vm.detach();
        }
    }

    private static int print(String pid, MBeanServerConnection server, PrintStream out, PrintStream err)
            throws IOException {
        List<ObjectName> names;
        try {
            names = new ArrayList<>(server.queryNames(new ObjectName(LOOPS), null));
        } catch (MalformedObjectNameException e) {
            throw new AssertionError(e);
        }
        if (names.isEmpty()) {
            err.println("JVM " + pid + " has no reactive-await event loop registered in JMX: start it with "
                    + "-Ddev.reactiveawait.jmx=true (each loop registers when it first runs, until it is closed)");
            return 3;
        }
        names.sort(Comparator.comparingLong(DumpTasks::number).thenComparing(ObjectName::toString));
        out.println("JVM " + pid + ": " + names.size() + (names.size() == 1 ? " event loop" : " event loops"));
        for (ObjectName name : names) {
            EventLoopMXBean loop = JMX.newMXBeanProxy(server, name, EventLoopMXBean.class);
            try {
                out.println();
                out.println("== " + loop.getName() + ": " + describe(loop));
                out.print(loop.dumpTasks().stripTrailing().indent(0));
            } catch (java.lang.reflect.UndeclaredThrowableException | IllegalArgumentException e) {
                out.println("== " + name.getKeyProperty("name") + ": closed meanwhile");
            }
        }
        out.flush();
        return 0;
    }

    private static String describe(EventLoopMXBean loop) {
        String holder = loop.getHolderThread();
        return (loop.isRunning() ? "running" : "not running") + ", " + loop.getPendingTaskCount() + " pending tasks, "
                + (loop.isVirtualClock() ? "virtual clock at " + Duration.ofNanos(loop.getTimeNanos()) : "system clock")
                + (holder.isEmpty() ? "" : ", loop held by " + holder);
    }

    /** N in {@code name=EventLoop-N}, for sorting; loops keep the order they first ran in. */
    private static long number(ObjectName name) {
        String n = String.valueOf(name.getKeyProperty("name"));
        try {
            return Long.parseLong(n.substring(n.lastIndexOf('-') + 1));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
