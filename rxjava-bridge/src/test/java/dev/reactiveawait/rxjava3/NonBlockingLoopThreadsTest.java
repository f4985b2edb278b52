package dev.reactiveawait.rxjava3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reactiveawait.Async;
import dev.reactiveawait.Promise;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.functions.BooleanSupplier;
import io.reactivex.rxjava3.plugins.RxJavaPlugins;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link RxTasks#failOnBlockingInLoop()}: RxJava's blocking calls fail fast on loop threads. Both
 * settings are global to RxJava, so each test restores what it found.
 */
class NonBlockingLoopThreadsTest extends BridgeTestBase {
    private BooleanSupplier previousSupplier;
    private boolean previousSwitch;

    @BeforeEach
    void rememberRxJavasSettings() {
        previousSupplier = RxJavaPlugins.getOnBeforeBlocking();
        previousSwitch = RxJavaPlugins.isFailOnNonBlockingScheduler();
    }

    @AfterEach
    void restoreRxJavasSettings() {
        RxJavaPlugins.setOnBeforeBlocking(previousSupplier);
        RxJavaPlugins.setFailOnNonBlockingScheduler(previousSwitch);
    }

    @Test
    void loadingTheCoreFillsTheEmptySlotWithoutTurningTheSwitchOn() {
        // the core is loaded (BridgeTestBase made a loop): RxExtension ran through ServiceLoader
        assertThat(RxJavaPlugins.getOnBeforeBlocking()).isNotNull();
        assertThat(RxJavaPlugins.isFailOnNonBlockingScheduler()).isFalse();
        assertThat(Async.run(() -> Single.timer(1, TimeUnit.MILLISECONDS).blockingGet())).isZero(); // still allowed
    }

    @Test
    void blockingGetInsideATaskFailsFastAfterTheOptIn() {
        RxTasks.failOnBlockingInLoop();

        assertThatThrownBy(() -> Async.run(() -> Single.never().blockingGet()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Attempt to block on a Scheduler")
                .hasMessageContaining("doesn't support blocking operators");
    }

    @Test
    void everyKindOfBlockingCallFailsInsideATask() {
        RxTasks.failOnBlockingInLoop();

        assertThatThrownBy(() -> Async.run(() -> Flowable.never().blockingFirst())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Async.run(() -> {
            Completable.never().blockingAwait();
        })).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Async.run(() -> Flowable.never().blockingIterable().iterator().hasNext()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aBlockingCallInACallbackOfTheLoopFailsToo() {
        RxTasks.failOnBlockingInLoop();

        String outcome = Async.run(() -> {
            Promise<String> result = Promise.create();
            Async.currentLoop().callSoon(() -> {
                try {
                    Single.never().blockingGet();
                    result.trySucceed("blocked");
                } catch (IllegalStateException e) {
                    result.trySucceed("refused");
                }
            });
            return Async.await(result);
        });
        assertThat(outcome).isEqualTo("refused");
    }

    @Test
    void aCompleteSourceDoesNotBlockAndStillWorksInATask() {
        RxTasks.failOnBlockingInLoop();

        assertThat(Async.run(() -> Single.just(1).blockingGet())).isEqualTo(1);
    }

    @Test
    void aPlainThreadMayStillBlock() {
        RxTasks.failOnBlockingInLoop();

        assertThat(Single.timer(1, TimeUnit.MILLISECONDS).blockingGet()).isZero();
    }

    @Test
    void itIsIdempotentAndChainsTheApplicationsOwnCheck() {
        AtomicInteger asked = new AtomicInteger();
        BooleanSupplier own = () -> {
            asked.incrementAndGet();
            return Thread.currentThread().getName().equals("no-blocking-here");
        };
        RxJavaPlugins.setOnBeforeBlocking(own);

        RxTasks.failOnBlockingInLoop();
        BooleanSupplier installed = RxJavaPlugins.getOnBeforeBlocking();
        RxTasks.failOnBlockingInLoop();

        assertThat(RxJavaPlugins.getOnBeforeBlocking()).isSameAs(installed);
        assertThat(RxJavaPlugins.isFailOnNonBlockingScheduler()).isTrue();
        assertThatThrownBy(() -> Async.run(() -> Single.never().blockingGet())).isInstanceOf(IllegalStateException.class);
        // the application's check still applies off the loop
        AtomicReference<Throwable> offLoop = new AtomicReference<>();
        Thread thread = Thread.ofPlatform().name("no-blocking-here").start(() -> {
            try {
                Single.never().blockingGet();
            } catch (Throwable e) {
                offLoop.set(e);
            }
        });
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        assertThat(offLoop.get()).isInstanceOf(IllegalStateException.class);
        assertThat(asked.get()).isPositive();
    }
}
