package dev.reactiveawait.blockhound;

import static dev.reactiveawait.Async.await;
import static dev.reactiveawait.Async.createTask;
import static dev.reactiveawait.Async.gather;
import static dev.reactiveawait.Async.run;
import static dev.reactiveawait.Async.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.reactiveawait.EventLoop;
import dev.reactiveawait.LoopClock;
import dev.reactiveawait.VoidCoroutine;
import dev.reactiveawait.reactor.ReactorAwait;
import dev.reactiveawait.sync.Lock;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;
import reactor.blockhound.integration.BlockHoundIntegration;
import reactor.core.publisher.Mono;

/**
 * BlockHound with {@link ReactiveAwaitBlockHoundIntegration}, installed once for this JVM (as users
 * do) through its {@code ServiceLoader}, plus one allow-listed method of this test. Loops run on the
 * system clock, so their idle waits really park.
 */
class ReactiveAwaitBlockHoundIntegrationTest {

    @BeforeAll
    static void installBlockHound() {
        BlockHound.install(builder -> builder.allowBlockingCallsInside(
                ReactiveAwaitBlockHoundIntegrationTest.class.getName(), "allowListedLegacyCall"));
    }

    /** Runs {@code body} as the main task of a new system-clock loop; returns what it threw. */
    private static Throwable inATask(VoidCoroutine body) {
        return catchThrowable(() -> run(LoopClock.system(), body));
    }

    private static boolean calls(Throwable e, String className, String methodName) {
        return Arrays.stream(e.getStackTrace())
                .anyMatch(f -> f.getClassName().equals(className) && f.getMethodName().equals(methodName));
    }

    @Test
    void theIntegrationIsFoundByBlockHoundsServiceLoader() {
        assertThat(ServiceLoader.load(BlockHoundIntegration.class))
                .anyMatch(ReactiveAwaitBlockHoundIntegration.class::isInstance);
    }

    @Test
    void threadSleepInATaskIsReported() {
        Throwable thrown = inATask(() -> Thread.sleep(1));

        assertThat(thrown).isInstanceOf(BlockingOperationError.class)
                .hasMessageContaining("Blocking call! java.lang.VirtualThread#sleepNanos");
        assertThat(calls(thrown, "java.lang.Thread", "sleep")).as("the stack names Thread.sleep").isTrue();
    }

    @Test
    void blockingFileIoInATaskIsReported(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("data.txt"), "data");

        Throwable thrown = inATask(() -> {
            try (FileInputStream in = new FileInputStream(file.toFile())) {
                in.read(new byte[4]);
            }
        });

        assertThat(thrown).isInstanceOf(BlockingOperationError.class)
                .hasMessageContaining("Blocking call! java.io.FileInputStream#readBytes");
    }

    @Test
    void waitingOnALatchInATaskIsReported() {
        Throwable thrown = inATask(() -> new CountDownLatch(1).await(1, TimeUnit.MILLISECONDS));

        assertThat(thrown).isInstanceOf(BlockingOperationError.class)
                .hasMessageContaining("Blocking call! java.lang.VirtualThread#parkNanos");
        assertThat(calls(thrown, "java.util.concurrent.CountDownLatch", "await")).isTrue();
    }

    /**
     * {@code Mono.block()} in a task fails before it parks: reactor-bridge registers loop threads with
     * Reactor's own non-blocking check. Without the bridge, BlockHound reports the park (the latch
     * case above).
     */
    @Test
    void monoBlockInATaskFailsFast() {
        Throwable thrown = inATask(() -> Mono.delay(Duration.ofMillis(1)).block());

        assertThat(thrown).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("block()/blockFirst()/blockLast() are blocking");
    }

    @Test
    void sleepingAwaitingAMonoAndWaitingForALockAreNotReported() {
        Throwable thrown = inATask(() -> {
            sleep(Duration.ofMillis(5));                                        // a loop timer, idle park
            ReactorAwait.await(Mono.delay(Duration.ofMillis(5)));               // signal from Reactor's thread
            Lock lock = new Lock();
            lock.acquire();
            var waiter = createTask(() -> {
                lock.acquire();                                                 // contended: suspends
                lock.release();
            });
            sleep(Duration.ofMillis(5));
            lock.release();
            await(gather(waiter, createTask(() -> sleep(Duration.ZERO))));
        });

        assertThat(thrown).isNull();
    }

    /** Callbacks run on whichever thread holds the loop (here the main task's, after it suspends). */
    @Test
    void aCallbackThatSleepsIsReported() {
        AtomicReference<Throwable> inCallback = new AtomicReference<>();
        try (EventLoop loop = EventLoop.create()) {
            loop.runUntilComplete(() -> {
                loop.callSoon(() -> inCallback.set(catchThrowable(() -> Thread.sleep(1))));
                sleep(Duration.ofMillis(1));
            });
        }
        assertThat(inCallback.get()).isInstanceOf(BlockingOperationError.class).hasMessageContaining("Blocking call!");
        assertThat(calls(inCallback.get(), "java.lang.Thread", "sleep")).isTrue();
    }

    /** A callback scheduled before the run runs on the (platform) thread calling runUntilComplete. */
    @Test
    void aCallbackOnThePlatformThreadRunningTheLoopIsReported() {
        AtomicReference<Throwable> inCallback = new AtomicReference<>();
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        try (EventLoop loop = EventLoop.create()) {
            loop.callSoon(() -> {
                ranOn.set(Thread.currentThread());
                inCallback.set(catchThrowable(() -> Thread.sleep(1)));
            });
            loop.runUntilComplete(() -> sleep(Duration.ZERO));
        }
        assertThat(ranOn.get()).isSameAs(Thread.currentThread());
        assertThat(inCallback.get()).isInstanceOf(BlockingOperationError.class)
                .hasMessageContaining("Blocking call! java.lang.Thread.sleepNanos0");
    }

    @Test
    void theThreadThatRanTheLoopMayBlockOnceItReturns() throws InterruptedException {
        try (EventLoop loop = EventLoop.create()) {
            loop.runUntilComplete(() -> sleep(Duration.ofMillis(1)));
        }
        Thread.sleep(1); // not a loop thread any more: no error
    }

    @Test
    void anAllowListedMethodMayBlockInATask() {
        assertThat(inATask(ReactiveAwaitBlockHoundIntegrationTest::allowListedLegacyCall)).isNull();
        assertThat(inATask(ReactiveAwaitBlockHoundIntegrationTest::notAllowListed))
                .isInstanceOf(BlockingOperationError.class);
    }

    private static void allowListedLegacyCall() throws InterruptedException {
        Thread.sleep(1);
    }

    private static void notAllowListed() throws InterruptedException {
        Thread.sleep(1);
    }
}
