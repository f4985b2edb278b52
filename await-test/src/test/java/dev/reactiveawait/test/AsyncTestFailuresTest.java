package dev.reactiveawait.test;

import static dev.reactiveawait.Async.await;
import static dev.reactiveawait.Async.createTask;
import static dev.reactiveawait.Async.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.reactiveawait.reactor.ReactorAwait;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.functions.Function;
import io.reactivex.rxjava3.plugins.RxJavaPlugins;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;

/** Runs deliberately failing {@link AsyncTest}s with JUnit's EngineTestKit and reads their failures. */
class AsyncTestFailuresTest {

    private static Events run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute().testEvents();
    }

    private static Throwable onlyFailure(Class<?> fixture) {
        Events events = run(fixture);
        assertThat(events.failed().count()).as("failed tests of " + fixture.getSimpleName()).isEqualTo(1);
        Event failed = events.failed().list().get(0);
        return failed.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow();
    }

    static class Leak {
        @AsyncTest
        void leavesATaskBehind() {
            createTask("forgotten", () -> sleep(Duration.ofHours(1)));
        }
    }

    @Test
    void aTaskStillPendingAtTheEndFailsTheTest() {
        assertThat(onlyFailure(Leak.class)).hasMessageContaining("leaked").hasMessageContaining("Task[forgotten");
    }

    static class Unretrieved {
        @AsyncTest
        void failsATaskAndNeverLooks() {
            createTask("doomed", () -> {
                throw new IllegalStateException("boom");
            });
            sleep(Duration.ofSeconds(1));
        }
    }

    @Test
    void aTaskExceptionNobodyRetrievedFailsTheTest() {
        Throwable failure = onlyFailure(Unretrieved.class);
        assertThat(failure).hasMessageContaining("never retrieved").hasMessageContaining("doomed");
        assertThat(failure.getCause()).hasRootCauseMessage("boom");
    }

    static class Dropped {
        @AsyncTest
        void reactorDropsAnError() {
            Operators.onErrorDropped(new IllegalStateException("dropped by Reactor"), Context.empty());
        }

        @AsyncTest
        void rxJavaRoutesAnErrorToOnError() {
            RxJavaPlugins.onError(new IllegalStateException("undeliverable in RxJava"));
        }
    }

    @Test
    void errorsDroppedByReactorOrRxJavaFailTheTest() {
        Events events = run(Dropped.class);
        assertThat(events.failed().count()).isEqualTo(2);
        assertThat(events.failed().list()).extracting(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                        .orElseThrow().getThrowable().orElseThrow().getMessage())
                .anySatisfy(m -> assertThat(m).contains("dropped by Reactor"))
                .anySatisfy(m -> assertThat(m).contains("undeliverable in RxJava"));
    }

    static class Hangs {
        @AsyncTest(timeoutSeconds = 1, stallWarningMillis = 200)
        void awaitsForever() throws Exception {
            createTask("waiter", () -> await(new CompletableFuture<String>()));
            await(new CompletableFuture<String>());
        }
    }

    @Test
    void theWallClockTimeoutDumpsThePendingTasksAndStopsTheLoop() {
        long start = System.nanoTime();
        Throwable failure = onlyFailure(Hangs.class);
        assertThat(failure).hasMessageContaining("timed out after 1 s of wall-clock time")
                .hasMessageContaining("Task(name='@AsyncTest awaitsForever()")
                .hasMessageContaining("Task(name='waiter', state=PENDING)")
                .hasMessageContaining("Awaits: Promise[pending]")
                .hasMessageContaining("awaitsForever(AsyncTestFailuresTest.java") // the task's own frame
                .hasMessageContaining("a timer may be on a real scheduler");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    static class ReactorTrap {
        // assembled when the class initializes, before the test installs virtual time
        static final Mono<Long> CAPTURED = Mono.delay(Duration.ofMillis(200));

        @AsyncTest
        void awaitsADelayOnARealScheduler() {
            ReactorAwait.await(CAPTURED);
        }
    }

    static class RxTrap {
        static final Single<Long> CAPTURED = Single.timer(200, TimeUnit.MILLISECONDS);

        @AsyncTest
        void awaitsATimerOnARealScheduler() throws Exception {
            await(CAPTURED.toCompletionStage());
        }
    }

    @Test
    void aReactorTimerOnARealSchedulerIsReportedByName() {
        assertThat(onlyFailure(ReactorTrap.class)).hasMessageContaining("real scheduler under virtual time")
                .hasMessageContaining("MonoDelay.subscribe")
                .hasMessageContaining("static field");
    }

    @Test
    void anRxJavaTimerOnARealSchedulerIsReportedByName() {
        assertThat(onlyFailure(RxTrap.class)).hasMessageContaining("real scheduler under virtual time")
                .hasMessageContaining("SingleTimer")
                .hasMessageContaining("static field");
    }

    static class Passes {
        @AsyncTest
        void usesBothLibraries() throws Exception {
            ReactorAwait.await(Mono.delay(Duration.ofSeconds(1)));
            await(Single.timer(1, TimeUnit.SECONDS).toCompletionStage());
        }
    }

    @Test
    void schedulersAndHandlersAreRestoredAfterTheTest() {
        Scheduler parallel = Schedulers.parallel();
        Function<? super io.reactivex.rxjava3.core.Scheduler, ? extends io.reactivex.rxjava3.core.Scheduler> mine = s -> s;
        RxJavaPlugins.setComputationSchedulerHandler(mine);
        try {
            assertThat(run(Passes.class).succeeded().count()).isEqualTo(1);
            assertThat(Schedulers.parallel()).isSameAs(parallel);
            assertThat(RxJavaPlugins.getComputationSchedulerHandler()).isSameAs(mine);
            assertThat(RxJavaPlugins.getIoSchedulerHandler()).isNull();
            assertThat(RxJavaPlugins.getErrorHandler()).isNull();
            assertThat(RxJavaPlugins.getScheduleHandler()).isNull();
        } finally {
            RxJavaPlugins.setComputationSchedulerHandler(null);
        }
    }
}
