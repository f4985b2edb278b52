package dev.reactiveawait.reactor;

import static dev.reactiveawait.Async.await;
import static dev.reactiveawait.Async.createTask;
import static dev.reactiveawait.Async.run;
import static dev.reactiveawait.reactor.ReactorAwait.context;
import static dev.reactiveawait.reactor.ReactorAwait.withContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reactiveawait.LoopClock;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

@Timeout(10)
class ReactorContextTest {
    @RegisterExtension
    final DroppedSignals drops = new DroppedSignals();

    private static final Mono<String> USER = Mono.deferContextual(ctx -> Mono.just(ctx.getOrDefault("user", "nobody")));

    @Test
    void taskContextIsEmptyUntilSetAndOutsideTasks() {
        assertThat(context().isEmpty()).isTrue();
        run(LoopClock.virtual(), () -> {
            assertThat(context().isEmpty()).isTrue();
            assertThat(ReactorAwait.await(USER)).isEqualTo("nobody");
        });
    }

    @Test
    void taskContextIsTheSubscriberContextOfAwaitedMonos() {
        run(LoopClock.virtual(), () -> {
            String user = withContext(Context.of("user", "ada"), () -> ReactorAwait.await(USER));
            assertThat(user).isEqualTo("ada");
            String acrossThreads = withContext(Context.of("user", "grace"),
                    () -> ReactorAwait.await(USER.publishOn(Schedulers.parallel()).subscribeOn(Schedulers.single())));
            assertThat(acrossThreads).isEqualTo("grace");
            List<String> all = withContext(Context.of("user", "alan"),
                    () -> ReactorAwait.awaitList(Flux.range(0, 2).flatMap(i -> USER)));
            assertThat(all).containsExactly("alan", "alan");
        });
    }

    @Test
    void contextSetByTheTaskLocalIsSeenByAwaitedMonos() {
        // what the publisher side does in mono/flux bodies: ReactorContext.CONTEXT.set(subscriberContext)
        run(LoopClock.virtual(), () -> {
            ReactorContext.CONTEXT.set(Context.of("user", "barbara"));
            assertThat(ReactorAwait.await(USER)).isEqualTo("barbara");
            assertThat(context().<String>get("user")).isEqualTo("barbara");
        });
    }

    @Test
    void withContextAddsToTheOuterContextAndRestoresIt() {
        run(LoopClock.virtual(), () -> {
            withContext(Context.of("a", 1, "b", 2), () -> {
                withContext(Context.of("b", 20, "c", 30), () -> {
                    ContextView inner = context();
                    assertThat(inner.<Integer>get("a")).isEqualTo(1);
                    assertThat(inner.<Integer>get("b")).isEqualTo(20);
                    assertThat(inner.<Integer>get("c")).isEqualTo(30);
                });
                assertThat(context().<Integer>get("b")).isEqualTo(2);
                assertThat(context().hasKey("c")).isFalse();
            });
            assertThat(context().isEmpty()).isTrue();
        });
    }

    @Test
    void contextIsRestoredWhenTheBodyThrowsAndTheErrorComesOutUnchanged() {
        IOException io = new IOException("io");
        run(LoopClock.virtual(), () -> {
            assertThatThrownBy(() -> withContext(Context.of("k", "v"), () -> {
                throw io;
            })).isSameAs(io);
            assertThat(context().isEmpty()).isTrue();
        });
    }

    @Test
    void childTasksStartWithTheirParentsContext() {
        List<String> seen = new CopyOnWriteArrayList<>();
        run(LoopClock.virtual(), () -> {
            withContext(Context.of("user", "ada"), () -> {
                await(createTask(() -> seen.add(ReactorAwait.await(USER))));
            });
            await(createTask(() -> seen.add(ReactorAwait.await(USER))));
        });
        assertThat(seen).containsExactly("ada", "nobody");
    }

    @Test
    void withContextOutsideATaskIsAClearError() {
        assertThatThrownBy(() -> withContext(Context.of("k", "v"), () -> "x"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outside a task");
    }
}
