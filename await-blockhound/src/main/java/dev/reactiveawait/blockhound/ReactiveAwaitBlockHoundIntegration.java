package dev.reactiveawait.blockhound;

import dev.reactiveawait.internal.CoreAccess;
import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Makes every step of an event loop (a task's body between two {@code await}s, a callback) a
 * non-blocking context for <a href="https://github.com/reactor/BlockHound">BlockHound</a>: a
 * blocking call there holds the whole loop, so it is reported ({@code BlockingOperationError} by
 * default), while the loop's own parking between steps is allowed.
 *
 * <p>What it adds to BlockHound's defaults:
 * <ul>
 * <li>Non-blocking threads: the thread holding a running loop, tested at each blocking call (a
 *     dynamic predicate), since the thread that runs {@code runUntilComplete} is a loop thread only
 *     while it does, and a task's virtual thread only while it runs a step.</li>
 * <li>Blocking methods of virtual threads, which BlockHound's JDK list misses (virtual threads
 *     sleep and park without the platform-thread natives it instruments): {@code Thread.sleep}
 *     ({@code VirtualThread#sleepNanos}) and every {@code LockSupport.park} behind
 *     {@code CountDownLatch}, {@code BlockingQueue}, {@code Future.get}, contended
 *     {@code ReentrantLock}s and blocking socket I/O ({@code VirtualThread#park},
 *     {@code #parkNanos}). File I/O is caught by BlockHound's own natives.</li>
 * <li>Allowed: the loop's handoff ({@code Strand#awaitBaton}) and idle wait
 *     ({@code Inbox#awaitPost}), which is how {@code await}, {@code sleep}, {@code Lock} and the
 *     bridges suspend a task.</li>
 * </ul>
 *
 * <p>Setup: add {@code dev.reactiveawait:await-blockhound} (test scope; it brings BlockHound),
 * call {@code BlockHound.install()} once (e.g. in a JUnit {@code @BeforeAll} or a
 * {@code TestExecutionListener}), run the JVM with {@code -XX:+AllowRedefinitionToAddDeleteMethods}
 * (JDK 13+) and {@code -XX:+EnableDynamicAgentLoading} (JDK 21+, to silence the agent warning), on
 * the class path. To allow a blocking call of your own, allow-list the method that makes it, or
 * move the call off the loop with {@code Async.toThread}:
 * {@snippet :
 * BlockHound.install(builder -> builder
 *         .allowBlockingCallsInside("com.example.LegacyClient", "fetch")); // plus every integration found
 * }
 * or, for every {@code install()}, your own integration listed in
 * {@code META-INF/services/reactor.blockhound.integration.BlockHoundIntegration}.
 *
 * <dl>
 * <dt><b>Thread:</b></dt>
 * <dd>Applied once, by the thread calling {@code BlockHound.install}.</dd>
 * </dl>
 *
 * @since 0.2
 */
public final class ReactiveAwaitBlockHoundIntegration implements BlockHoundIntegration {

    /** Called by BlockHound's {@code ServiceLoader}. */
    public ReactiveAwaitBlockHoundIntegration() {}

    @Override
    public void applyTo(BlockHound.Builder builder) {
        java.util.Objects.requireNonNull(builder, "builder");
        builder.addDynamicThreadPredicate(thread -> true)
                .nonBlockingThreadPredicate(current -> current.or(CoreAccess::isLoopThread))
                .markAsBlocking("java.lang.VirtualThread", "sleepNanos", "(J)V")
                .markAsBlocking("java.lang.VirtualThread", "park", "()V")
                .markAsBlocking("java.lang.VirtualThread", "parkNanos", "(J)V")
                .allowBlockingCallsInside("dev.reactiveawait.Strand", "awaitBaton")
                .allowBlockingCallsInside("dev.reactiveawait.Inbox", "awaitPost");
    }
}
