package dev.reactiveawait.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reactiveawait.EventLoop;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The documented way to get a task dump from outside: {@code java -cp await-core.jar
 * dev.reactiveawait.tools.DumpTasks <pid>} against another JVM started with
 * {@code -Ddev.reactiveawait.jmx=true}. Runs both as child processes of the test's JVM (the same
 * {@code java}); every wait is on a process's output or exit, bounded.
 */
@Timeout(value = 150, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DumpTasksTest {
    private static final long WAIT_SECONDS = 60;
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private static String location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    /** Everything {@code in} prints until it ends, read on a thread of its own. */
    private static CompletableFuture<String> readAll(InputStream in) {
        CompletableFuture<String> all = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> {
            try {
                all.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                all.completeExceptionally(e);
            }
        });
        return all;
    }

    /** Reads lines until {@code line} (what came before is returned), on a thread of its own. */
    private static CompletableFuture<String> readUntil(InputStream in, String line) {
        CompletableFuture<String> seen = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> {
            StringBuilder before = new StringBuilder();
            try {
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String l; (l = r.readLine()) != null; ) {
                    if (l.equals(line)) {
                        seen.complete(before.toString());
                        while (r.readLine() != null) {
                            // keep draining so the child never blocks on a full pipe
                        }
                        return;
                    }
                    before.append(l).append('\n');
                }
                seen.completeExceptionally(new AssertionError("the target ended before printing " + line + ":\n" + before));
            } catch (IOException e) {
                seen.completeExceptionally(new UncheckedIOException(e));
            }
        });
        return seen;
    }

    @Test
    void theToolPrintsTheTasksOfALoopInAnotherJvm() throws Exception {
        String core = location(EventLoop.class);
        Process target = new ProcessBuilder(JAVA, "-Ddev.reactiveawait.jmx=true",
                "-cp", core + File.pathSeparator + location(DumpTasksTarget.class), DumpTasksTarget.class.getName())
                .redirectErrorStream(true).start();
        try {
            readUntil(target.getInputStream(), "READY").get(WAIT_SECONDS, TimeUnit.SECONDS);

            Process tool = new ProcessBuilder(JAVA, "-cp", core, DumpTasks.class.getName(), Long.toString(target.pid()))
                    .redirectErrorStream(true).start();
            CompletableFuture<String> printed = readAll(tool.getInputStream());
            assertThat(tool.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).as("the tool ends").isTrue();
            String out = printed.get(WAIT_SECONDS, TimeUnit.SECONDS);

            assertThat(tool.exitValue()).as(out).isZero();
            assertThat(out).contains("JVM " + target.pid() + ": 1 event loop", "== EventLoop-1: running, 2 pending tasks",
                    "system clock",
                    "* Task(name='order-fetcher', state=PENDING)",
                    "at " + DumpTasksTarget.class.getName() + ".fetchOrders(DumpTasksTarget.java:",
                    "* Task(name='checkout', state=PENDING)",
                    "+ Awaits: task 'order-fetcher' → Promise[pending]");
        } finally {
            target.getOutputStream().close(); // the target stops its loop, closes it and exits
            if (!target.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
                target.destroyForcibly();
            }
        }
        assertThat(target.exitValue()).isZero();
    }

    @Test
    void aJvmWithoutRegisteredLoopsGetsAnExplanationAndStatus3() throws Exception {
        Process target = new ProcessBuilder(JAVA, "-cp", location(EventLoop.class) + File.pathSeparator
                + location(DumpTasksTarget.class), DumpTasksTarget.class.getName()).redirectErrorStream(true).start();
        try {
            readUntil(target.getInputStream(), "READY").get(WAIT_SECONDS, TimeUnit.SECONDS);

            Process tool = new ProcessBuilder(JAVA, "-cp", location(EventLoop.class), DumpTasks.class.getName(),
                    Long.toString(target.pid())).redirectErrorStream(true).start();
            CompletableFuture<String> printed = readAll(tool.getInputStream());
            assertThat(tool.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

            assertThat(tool.exitValue()).isEqualTo(3);
            assertThat(printed.get(WAIT_SECONDS, TimeUnit.SECONDS)).contains("has no reactive-await event loop registered",
                    "-Ddev.reactiveawait.jmx=true");
        } finally {
            target.getOutputStream().close();
            if (!target.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
                target.destroyForcibly();
            }
        }
    }

    @Test
    void aBadArgumentPrintsTheUsage() {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int status = DumpTasks.run(new String[] {"not-a-pid"}, System.out, new java.io.PrintStream(err, true,
                StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage:", "DumpTasks <pid>", "-Ddev.reactiveawait.jmx=true");
    }
}
