package dev.reactiveawait.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A test method that runs as the main task of a new event loop on a {@linkplain
 * dev.reactiveawait.VirtualClock virtual clock}: {@code sleep}, {@code Mono.delay},
 * {@code Flux.interval}, {@code timeout}, {@code Single.timer} and {@code Observable.interval} all
 * follow that one clock, which jumps to the next timer whenever nothing is ready, so they keep
 * their relative order and a virtual day takes milliseconds.
 *
 * <p>With reactor-bridge present, Reactor's default schedulers are loop schedulers for the test
 * (through {@code Schedulers.setFactoryWithSnapshot}); with rxjava-bridge, RxJava's (through the
 * {@code RxJavaPlugins} scheduler handlers). Both are restored afterwards. Because they are global,
 * {@code @AsyncTest} methods in one JVM never overlap: they share a JUnit resource lock, and an
 * install attempted while another test holds virtual time waits for it (failing after the
 * wall-clock timeout with a message saying so).
 *
 * <p>The test fails when, at its end, a task it created is still pending (a leak), a task's
 * exception was never retrieved, Reactor dropped an error ({@code Hooks.onErrorDropped}) or RxJava
 * routed one to {@code RxJavaPlugins.onError}, or a timer was scheduled on a real scheduler (one
 * captured before virtual time was installed, e.g. a {@code Mono.delay} built in a static field).
 * It also fails after {@link #timeoutSeconds()} of wall-clock time, with a dump of the pending
 * tasks and what each awaits.
 *
 * <p>Parameters of type {@link dev.reactiveawait.EventLoop} and {@link dev.reactiveawait.VirtualClock}
 * receive the test's loop and clock, and a {@link TestLoop} parameter manual control of them
 * ({@code advanceBy}, {@code runUntilIdle}, {@code now}). Inside the test, {@code sleep(d)} advances
 * virtual time by exactly {@code d}; {@code loop.time()} reads it.
 *
 * <dl>
 * <dt><b>Thread:</b></dt>
 * <dd>The method body runs on the loop (a virtual thread), never on JUnit's thread;
 *     {@code @BeforeEach}/{@code @AfterEach} run on JUnit's thread, outside the loop.</dd>
 * <dt><b>Cancellation:</b></dt>
 * <dd>On timeout the main task is cancelled; tasks still pending at the end are cancelled when the
 *     loop closes (after being reported as leaked).</dd>
 * </dl>
 * {@snippet :
 * @AsyncTest
 * void delaysShareOneTimeline(EventLoop loop) {
 *     Task<Long> mono = createTask(() -> awaitSingle(Mono.delay(Duration.ofSeconds(3))));
 *     sleep(Duration.ofSeconds(5));
 *     assertThat(mono.isDone()).isTrue();
 *     assertThat(Duration.ofNanos(loop.time())).hasSeconds(5);
 * }
 * }
 *
 * @since 0.1
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(AsyncTestExtension.class)
@ResourceLock(AsyncTestExtension.VIRTUAL_TIME_LOCK)
public @interface AsyncTest {
    /**
     * Wall-clock limit of the whole test, independent of virtual time.
     *
     * @return seconds of real time, positive
     */
    long timeoutSeconds() default 60;

    /**
     * trio's autojump threshold: how long, in real milliseconds, the idle loop waits for work on
     * other threads (real I/O, a foreign executor) before jumping its clock to the next timer. The
     * default {@code 0} jumps at once, which is right when every scheduler is the loop's; raise it
     * for tests that also do real I/O, so a virtual timeout does not fire before the I/O completes.
     *
     * @return real milliseconds, not negative
     */
    long autojumpThresholdMillis() default 0;

    /**
     * How long, in real milliseconds, the loop may idle with no timer while a task awaits work on
     * other threads before the test logs a warning that a timer may sit on a real scheduler (the
     * warning also appears in the timeout message).
     *
     * @return real milliseconds, positive
     */
    long stallWarningMillis() default 1000;
}
