package dev.reactiveawait;

import static dev.reactiveawait.Async.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The loop's JMX bean ({@link EventLoopMXBean}): registered with {@code -Ddev.reactiveawait.jmx=true}
 * when the loop first runs, unregistered when it closes, and its {@code dumpTasks} operation returns
 * the pending tasks with where they wait and what they await, asked from another thread as a JMX
 * client would.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LoopJmxTest {
    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();
    private static final ObjectName LOOPS;

    static {
        try {
            LOOPS = new ObjectName("dev.reactiveawait:type=EventLoop,*");
        } catch (javax.management.MalformedObjectNameException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private String previous;

    @BeforeEach
    void enableJmx() {
        previous = System.setProperty("dev.reactiveawait.jmx", "true");
    }

    @AfterEach
    void restore() {
        if (previous == null) {
            System.clearProperty("dev.reactiveawait.jmx");
        } else {
            System.setProperty("dev.reactiveawait.jmx", previous);
        }
    }

    private static Set<ObjectName> registered() {
        return SERVER.queryNames(LOOPS, null);
    }

    /** The one bean registered since {@code before}. */
    private static ObjectName registeredSince(Set<ObjectName> before) {
        Set<ObjectName> now = new HashSet<>(registered());
        now.removeAll(before);
        assertThat(now).as("beans registered by this test's loop").hasSize(1);
        return now.iterator().next();
    }

    private static void waitInUserMethod(Promise<Void> never) {
        await(never);
    }

    @Test
    void theBeanIsRegisteredWhenTheLoopFirstRunsAndUnregisteredWhenItCloses() {
        Set<ObjectName> before = registered();
        EventLoop loop = EventLoop.create(LoopClock.virtual());
        assertThat(registered()).as("not before the first run").isEqualTo(before);

        loop.runUntilComplete(() -> sleep(Duration.ofSeconds(5)));
        ObjectName name = registeredSince(before);
        assertThat(name.getKeyProperty("type")).isEqualTo("EventLoop");
        assertThat(name.getKeyProperty("name")).matches("EventLoop-\\d+");
        EventLoopMXBean bean = JMX.newMXBeanProxy(SERVER, name, EventLoopMXBean.class);
        assertThat(bean.isRunning()).isFalse();
        assertThat(bean.getTimeNanos()).isEqualTo(Duration.ofSeconds(5).toNanos());
        assertThat(bean.isVirtualClock()).isTrue();

        loop.runUntilComplete(() -> sleep(Duration.ZERO));
        assertThat(registeredSince(before)).as("the same bean across runs").isEqualTo(name);

        loop.close();
        assertThat(registered()).as("unregistered by close()").isEqualTo(before);
    }

    @Test
    void withoutThePropertyNoBeanIsRegistered() {
        System.clearProperty("dev.reactiveawait.jmx");
        Set<ObjectName> before = registered();
        try (EventLoop loop = EventLoop.create(LoopClock.virtual())) {
            loop.runUntilComplete(() -> sleep(Duration.ZERO));
            assertThat(registered()).isEqualTo(before);
        }
    }

    @Test
    void dumpTasksFromAnotherThreadListsPendingTasksWhereTheyWaitAndWhatTheyAwait() throws Exception {
        Set<ObjectName> before = registered();
        try (LoopOnThread running = new LoopOnThread("jmx-loop", LoopClock.virtual())) {
            Promise<Void> never = running.loop.submit(() -> Promise.<Void>create()).get(10, TimeUnit.SECONDS);
            running.loop.submit(() -> {
                Task<Void> child = createTask("child", () -> waitInUserMethod(never));
                createTask("parent", () -> await(child));
                sleep(Duration.ZERO);
                return null;
            }).get(10, TimeUnit.SECONDS);
            ObjectName name = registeredSince(before);

            String dump = (String) SERVER.invoke(name, "dumpTasks", new Object[0], new String[0]);

            assertThat(dump).contains("* Task(name='child', state=PENDING)",
                    "LoopJmxTest.waitInUserMethod(",
                    "* Task(name='parent', state=PENDING)", "+ Awaits: task 'child' → Promise[pending]");
            EventLoopMXBean bean = JMX.newMXBeanProxy(SERVER, name, EventLoopMXBean.class);
            assertThat(bean.getPendingTaskCount()).isEqualTo(2);
            assertThat(bean.isRunning()).isTrue();
            assertThat(bean.getHolderThread()).isNotEmpty(); // the strand idling for posts
            running.loop.submit(() -> never.cancel()).get(10, TimeUnit.SECONDS);
        }
        assertThat(registered()).isEqualTo(before);
    }

    @Test
    void aLoopHeldByABlockingTaskAnswersWithTheStackOfTheThreadHoldingIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocking = new CountDownLatch(1);
        try (LoopOnThread running = new LoopOnThread("stuck-loop", LoopClock.virtual())) {
            running.loop.callSoonThreadsafe(() -> running.loop.createTask("hog", () -> blockTheLoop(blocking, release)));
            assertThat(blocking.await(10, TimeUnit.SECONDS)).isTrue();
            LoopMBean bean = new LoopMBean("EventLoop-test", running.loop, 50);
            String answer;
            try {
                answer = bean.dumpTasks();
            } finally {
                release.countDown();
            }
            assertThat(answer).contains("EventLoop-test did not take the dump within 50 ms",
                    "holds the loop without awaiting", "VirtualThread", "LoopJmxTest.blockTheLoop(");
        }
    }

    private static void blockTheLoop(CountDownLatch blocking, CountDownLatch release) {
        blocking.countDown();
        try {
            release.await(); // a blocking call inside a task: the loop cannot take the dump meanwhile
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
