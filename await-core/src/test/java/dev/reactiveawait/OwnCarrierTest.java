package dev.reactiveawait;

import static dev.reactiveawait.Async.await;
import static dev.reactiveawait.Async.createTask;
import static dev.reactiveawait.Async.run;
import static dev.reactiveawait.Async.sleep;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The opt-in own carrier: with {@code dev.reactiveawait.carrier=own} and {@code java.lang} opened
 * (the {@code own-carrier} Surefire execution), every task of a loop is mounted on that loop's one
 * carrier thread; without them, the default scheduler is used.
 */
@Timeout(10)
class OwnCarrierTest {

    @Test
    @EnabledIfSystemProperty(named = OwnCarrier.PROPERTY, matches = "own",
            disabledReason = "runs in the own-carrier Surefire execution, which sets the property and opens java.lang")
    void allTasksOfALoopRunOnItsOwnCarrier() {
        List<String> carriers = new CopyOnWriteArrayList<>();
        run(LoopClock.virtual(), () -> {
            Task<Void> a = createTask(() -> {
                carriers.add(carrierOf(Thread.currentThread()));
                sleep(Duration.ofSeconds(1));
                carriers.add(carrierOf(Thread.currentThread()));
            });
            Task<Boolean> b = createTask(() -> carriers.add(carrierOf(Thread.currentThread())));
            await(a);
            await(b);
        });

        assertThat(OwnCarrier.enabled()).isTrue();
        assertThat(carriers).hasSize(3).allMatch(c -> c.startsWith("reactive-await-carrier-"));
        assertThat(carriers.stream().distinct()).hasSize(1);
    }

    @Test
    @DisabledIfSystemProperty(named = OwnCarrier.PROPERTY, matches = "own",
            disabledReason = "the own-carrier execution checks the opposite")
    void withoutTheOptInTasksUseTheDefaultScheduler() {
        List<String> carriers = new CopyOnWriteArrayList<>();
        run(LoopClock.virtual(), () -> {
            await(createTask(() -> carriers.add(carrierOf(Thread.currentThread()))));
        });

        assertThat(OwnCarrier.enabled()).isFalse();
        assertThat(carriers).singleElement().asString().startsWith("ForkJoinPool");
    }

    /** A mounted virtual thread prints as {@code VirtualThread[#22]/runnable@carrier-name}. */
    private static String carrierOf(Thread thread) {
        assertThat(thread.isVirtual()).isTrue();
        String s = thread.toString();
        return s.substring(s.indexOf('@') + 1);
    }
}
