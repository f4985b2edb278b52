package dev.reactiveawait;

/**
 * The JMX view of one {@link EventLoop}, so that its task dump can be taken from outside the JVM
 * without a debugger (jconsole, VisualVM, or the {@code dev.reactiveawait.tools.DumpTasks}
 * launcher in this module).
 *
 * <p>Registration is opt-in: start the JVM with {@code -Ddev.reactiveawait.jmx=true} (or set that
 * system property before the loops first run). Each loop then registers itself in the platform
 * MBean server under {@code dev.reactiveawait:type=EventLoop,name=EventLoop-N} when it first runs,
 * and unregisters when it is closed (or garbage-collected unclosed). It is off by default because
 * the first registration creates the platform MBean server, which costs a JVM far more than a loop
 * does (measured: see the README's Diagnostics section and {@code LoopStartupBenchmark}).
 *
 * <dl>
 * <dt><b>Thread:</b></dt>
 * <dd>JMX calls arrive on the JMX connector's threads. The attributes are read without
 *     synchronizing with the loop (a momentary value); {@link #dumpTasks()} asks the loop for the
 *     dump through its inbox, as {@link EventLoop#dumpAsync()} does.</dd>
 * </dl>
 * {@snippet :
 * // in the JVM started with -Ddev.reactiveawait.jmx=true, or from a JMX client connected to it
 * MBeanServer server = ManagementFactory.getPlatformMBeanServer();
 * for (ObjectName name : server.queryNames(new ObjectName("dev.reactiveawait:type=EventLoop,*"), null)) {
 *     EventLoopMXBean loop = JMX.newMXBeanProxy(server, name, EventLoopMXBean.class);
 *     System.err.println(loop.getName() + ": " + loop.getPendingTaskCount() + " pending\n" + loop.dumpTasks());
 * }
 * }
 *
 * @since 0.2
 */
public interface EventLoopMXBean {

    /**
     * The loop's name in its {@code ObjectName}: {@code EventLoop-N}, numbered in the order the
     * loops of this JVM first ran.
     *
     * @return the name
     */
    String getName();

    /**
     * Whether the loop runs now ({@code runUntilComplete} or {@code runForever} in progress).
     *
     * @return {@code true} while running
     */
    boolean isRunning();

    /**
     * How many tasks of the loop are not done (scheduled, running or suspended).
     *
     * @return the number of pending tasks, a momentary value
     */
    int getPendingTaskCount();

    /**
     * The loop's time, as {@link EventLoop#time()} returns it.
     *
     * @return nanoseconds on the loop's clock (a virtual clock starts at 0)
     */
    long getTimeNanos();

    /**
     * Whether the loop runs on a {@link VirtualClock}.
     *
     * @return {@code true} for a virtual clock, {@code false} for the system clock
     */
    boolean isVirtualClock();

    /**
     * The thread that holds the loop now (runs its current task step, callback or idle wait):
     * {@code thread "name"}, or for a task's unnamed virtual thread its {@code toString()}; an
     * empty string while the loop does not run. A loop held by the same thread while
     * {@link #dumpTasks()} times out is stuck there.
     *
     * @return the thread, or {@code ""}
     */
    String getHolderThread();

    /**
     * The loop's task dump, formatted as {@link TaskDump#toString()}: every pending task, where it
     * is suspended (its own code's stack) and what it awaits. Waits up to 10 seconds for the loop
     * to take it; if a step holds the loop that long, returns instead the stack of the thread that
     * holds it.
     *
     * @return the dump as text
     */
    String dumpTasks();
}
