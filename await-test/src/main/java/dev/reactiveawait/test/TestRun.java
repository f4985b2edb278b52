package dev.reactiveawait.test;

import dev.reactiveawait.EventLoop;
import dev.reactiveawait.LoopClock;
import dev.reactiveawait.Task;
import dev.reactiveawait.VirtualClock;
import dev.reactiveawait.internal.CoreAccess;
import dev.reactiveawait.internal.VirtualTimeSupport;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.InvocationInterceptor.Invocation;

/**
 * One {@link AsyncTest} run: its loop and clock, the host libraries' virtual-time installations,
 * and the problems collected on any thread while it runs.
 *
 * <p>The loop runs on a platform thread of its own while JUnit's thread waits for it with the
 * wall-clock timeout, so a hung test is stopped (its main task cancelled through the inbox) and
 * described instead of blocking the build.
 */
final class TestRun {
    private static final System.Logger LOG = System.getLogger("dev.reactiveawait.test");
    /** Virtual time replaces global schedulers: one installation per JVM at a time. */
    private static final ReentrantLock VIRTUAL_TIME = new ReentrantLock();
    private static final long GRACE_SECONDS = 5;

    final VirtualClock clock = LoopClock.virtual();
    final EventLoop loop = EventLoop.create(clock);
    /** Manual control of the same loop, for tests that take a {@link TestLoop} parameter. */
    final TestLoop testLoop = TestLoop.of(loop);
    private final AsyncTest config;
    /** Added to on any thread (host hooks, the loop, the closing thread). */
    private final ConcurrentLinkedQueue<Throwable> problems = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> warnings = new ConcurrentLinkedQueue<>();

    TestRun(AsyncTest config) {
        this.config = config;
        CoreAccess.configureVirtualTime(loop, TimeUnit.MILLISECONDS.toNanos(config.autojumpThresholdMillis()),
                TimeUnit.MILLISECONDS.toNanos(config.stallWarningMillis()), this::stalled,
                (message, error) -> problems.add(new AssertionError(message, error)));
    }

    /** On the idle loop: foreign waits, no timer, nothing posted for a while. */
    private void stalled() {
        String warning = "the loop has idled " + config.stallWarningMillis() + " ms of real time at virtual "
                + Duration.ofNanos(clock.nanoTime()) + " with no timer, waiting for work on other threads: a timer "
                + "may be on a real scheduler created before virtual time was installed (e.g. a Mono.delay in a "
                + "static field), or real I/O is slow";
        warnings.add(warning);
        LOG.log(Level.WARNING, warning);
    }

    /** On JUnit's thread: runs the test body as the loop's main task and checks what it left. */
    void run(Invocation<Void> invocation, String name) throws Throwable {
        long timeoutNanos = TimeUnit.SECONDS.toNanos(config.timeoutSeconds());
        long start = System.nanoTime();
        if (!VIRTUAL_TIME.tryLock(timeoutNanos, TimeUnit.NANOSECONDS)) {
            throw new AssertionError("@AsyncTest " + name + " waited " + config.timeoutSeconds() + " s for another "
                    + "@AsyncTest to release virtual time: Reactor's and RxJava's schedulers are global, so such "
                    + "tests run one at a time in a JVM");
        }
        List<VirtualTimeSupport.Installation> installs = new ArrayList<>();
        @Nullable Throwable bodyFailure = null;
        try {
            for (VirtualTimeSupport support : ServiceLoader.load(VirtualTimeSupport.class, TestRun.class.getClassLoader())) {
                installs.add(support.install(loop, problems::add));
            }
            Task<@Nullable Void> main = loop.createTask("@AsyncTest " + name, () -> {
                proceed(invocation);
                return null;
            });
            CompletableFuture<@Nullable Void> done = new CompletableFuture<>();
            Thread runner = Thread.ofPlatform().daemon().name("@AsyncTest " + name).start(() -> {
                try {
                    loop.runUntilComplete(main);
                    done.complete(null);
                } catch (Throwable e) {
                    done.completeExceptionally(e);
                }
            });
            try {
                done.get(timeoutNanos - (System.nanoTime() - start), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                bodyFailure = e.getCause();
            } catch (TimeoutException e) {
                throw timedOut(name, main, runner, done);
            }
            List<Task<?>> leaked = loop.allTasks().stream().filter(t -> t != main).toList();
            if (!leaked.isEmpty()) {
                problems.add(new AssertionError("tasks still pending at the end of the test (leaked): "
                        + leaked.stream().map(Task::toString).collect(Collectors.joining(", "))
                        + "; await them, cancel them, or use a TaskGroup"));
            }
            loop.close();
        } catch (Throwable e) {
            bodyFailure = bodyFailure == null ? e : bodyFailure;
        } finally {
            for (int i = installs.size() - 1; i >= 0; i--) {
                installs.get(i).close();
            }
            VIRTUAL_TIME.unlock();
        }
        List<Throwable> found = new ArrayList<>(problems);
        if (bodyFailure != null) {
            found.forEach(bodyFailure::addSuppressed);
            throw bodyFailure;
        }
        if (!found.isEmpty()) {
            AssertionError failure = new AssertionError("@AsyncTest " + name + " left " + found.size()
                    + " problem(s):\n  - " + found.stream().map(TestRun::describe).collect(Collectors.joining("\n  - ")),
                    found.get(0));
            found.stream().skip(1).forEach(failure::addSuppressed);
            throw failure;
        }
    }

    private static String describe(Throwable problem) {
        if (problem instanceof VirtualTimeSupport.RealTimerException || problem instanceof AssertionError) {
            return problem.getMessage();
        }
        return "error dropped by the reactive library (Hooks.onErrorDropped / RxJavaPlugins.onError): " + problem;
    }

    /** Cancels the main task through the inbox and describes what was pending. */
    private AssertionError timedOut(String name, Task<?> main, Thread runner, CompletableFuture<?> done) {
        CompletableFuture<String> dump = new CompletableFuture<>();
        try {
            loop.callSoonThreadsafe(() -> {
                dump.complete(loop.dump().toString().indent(4).stripTrailing()); // stacks and await chains
                main.cancel("@AsyncTest wall-clock timeout");
            });
        } catch (IllegalStateException closed) {
            dump.complete("    (the loop is closed)");
        }
        String tasks;
        try {
            tasks = dump.get(GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            tasks = "    (the loop did not answer within " + GRACE_SECONDS + " s: a task blocks its thread without "
                    + "awaiting, e.g. a busy loop or a blocking call)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tasks = "    (interrupted)";
        }
        try {
            done.get(GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // the main task's cancellation, or still blocked: reported below either way
        }
        if (!runner.isAlive()) {
            loop.close();
        }
        StringBuilder message = new StringBuilder("@AsyncTest ").append(name).append(" timed out after ")
                .append(config.timeoutSeconds()).append(" s of wall-clock time, at virtual time ")
                .append(Duration.ofNanos(clock.nanoTime())).append("; pending tasks:\n").append(tasks);
        for (String w : warnings) {
            message.append("\n  warning: ").append(w);
        }
        AssertionError failure = new AssertionError(message.toString());
        problems.forEach(failure::addSuppressed);
        return failure;
    }

    /** Runs the test method; JUnit's {@code proceed()} declares {@code Throwable}. */
    private static void proceed(Invocation<Void> invocation) throws Exception {
        try {
            invocation.proceed();
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new java.lang.reflect.UndeclaredThrowableException(t);
        }
    }
}
