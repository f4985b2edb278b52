package dev.reactiveawait.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reactiveawait.Async;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** An RxJava chain and a Reactor chain awaited in one task, gathered in argument order. */
class TwoLibrariesTest {

    @Test
    void gathersAnRxJavaAndAReactorResultInArgumentOrder() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Async.run(() -> TwoLibraries.main(new Console(lines::add, LocalTime.NOON), Duration.ofMillis(30)));

        assertThat(lines).containsExactly("sku-1: 7 in stock", "sku-1: best price 17.99");
    }
}
