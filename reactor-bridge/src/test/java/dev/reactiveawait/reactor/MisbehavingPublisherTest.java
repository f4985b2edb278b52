package dev.reactiveawait.reactor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reactiveawait.CancelledException;
import dev.reactiveawait.testkit.FaultCell;
import dev.reactiveawait.testkit.MisbehavingPublisher;
import dev.reactiveawait.testkit.MisbehavingPublisher.Fault;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;

/**
 * Every {@link Fault} of {@link MisbehavingPublisher} against every await and the iterator of
 * {@link ReactorAwait}, in a task on a loop, on a plain thread, and (for those that never end) under
 * a timeout. Each cell ends with the outcome {@link #expect} gives: the items or value, or an
 * exception of a given type whose message names the broken rule, or "pending" (the test cancels
 * it, or interrupts the plain thread, and gets {@link CancelledException}); what reached Reactor's
 * {@code onNextDropped}/{@code onErrorDropped} hooks; how many times each subscription was
 * cancelled. In a task, another task runs while the cell waits (the loop is not hung) and no task
 * is left behind.
 */
// SEPARATE_THREAD: a hung loop ignores the interrupt of a same-thread timeout
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MisbehavingPublisherTest {
    @RegisterExtension
    final DroppedSignals drops = new DroppedSignals();

    /** How an await treats a sequence. */
    enum Kind {
        /** A Mono: requests everything, its value at the terminal signal, never cancelled after it. */
        MONO,
        /** Requests 1, cancels at the first item. */
        FIRST,
        /** Requests everything, the last item at completion. */
        LAST,
        /** Requests everything, the only item at completion. */
        SINGLE,
        /** Requests everything, all items at completion. */
        LIST,
        /** Requests 2, then 2 more each time 2 were taken. */
        ITERATE
    }

    /** Every await and the iterator; each gives the items it returned, in a list. */
    enum Variant {
        AWAIT(Kind.MONO, p -> listOf(ReactorAwait.await(asMono(p)))),
        AWAIT_OPTIONAL(Kind.MONO, p -> listOf(ReactorAwait.awaitOptional(asMono(p)))),
        AWAIT_FIRST(Kind.FIRST, p -> List.of(ReactorAwait.awaitFirst(p))),
        AWAIT_FIRST_OR_DEFAULT(Kind.FIRST, p -> List.of(ReactorAwait.awaitFirstOrDefault(p, "default"))),
        AWAIT_FIRST_OPTIONAL(Kind.FIRST, p -> listOf(ReactorAwait.awaitFirstOptional(p))),
        AWAIT_LAST(Kind.LAST, p -> List.of(ReactorAwait.awaitLast(p))),
        AWAIT_LAST_OPTIONAL(Kind.LAST, p -> listOf(ReactorAwait.awaitLastOptional(p))),
        AWAIT_SINGLE(Kind.SINGLE, p -> List.of(ReactorAwait.awaitSingle(p))),
        AWAIT_SINGLE_OPTIONAL(Kind.SINGLE, p -> listOf(ReactorAwait.awaitSingleOptional(p))),
        AWAIT_LIST(Kind.LIST, ReactorAwait::awaitList),
        ITERATE(Kind.ITERATE, null);

        final Kind kind;
        private final @Nullable Function<MisbehavingPublisher, List<String>> await;

        Variant(Kind kind, @Nullable Function<MisbehavingPublisher, List<String>> await) {
            this.kind = kind;
            this.await = await;
        }

        /** The items its source has: one for a Mono or awaitSingle, three for the others. */
        List<String> items() {
            return kind == Kind.MONO || kind == Kind.SINGLE ? List.of("a") : List.of("a", "b", "c");
        }

        /** Runs it; {@code seen} gets the items as they come (an iteration's before its error). */
        void run(MisbehavingPublisher p, List<String> seen) {
            if (await != null) {
                seen.addAll(await.apply(p));
                return;
            }
            try (var it = ReactorAwait.iterate(p, 2)) {
                it.forEach(seen::add);
            }
        }

        private static List<String> listOf(@Nullable String value) {
            return value == null ? List.of() : List.of(value);
        }

        private static List<String> listOf(Optional<String> value) {
            return value.map(List::of).orElse(List.of());
        }
    }

    /**
     * What a cell ends with: {@code items} seen; {@code error} (type and a part of the message),
     * none, or "pending" (it waits until cancelled); cancellations of the first and the extra
     * subscription; what reached the hooks.
     */
    record Expected(List<String> items, @Nullable Class<? extends Throwable> error, String message, boolean pending,
            int cancels, int extraCancels, List<String> droppedItems, List<String> droppedErrors) {

        static Expected normal(Variant v) {
            List<String> items = v.items();
            List<String> outcome = switch (v.kind) {
                case LAST -> List.of(items.get(items.size() - 1));
                case FIRST -> List.of(items.get(0));
                default -> items;
            };
            return new Expected(outcome, null, "", false, v.kind == Kind.FIRST ? 1 : 0, 0, List.of(), List.of());
        }

        Expected failing(Class<? extends Throwable> type, String messagePart, List<String> itemsBefore) {
            return new Expected(itemsBefore, type, messagePart, false, 1, extraCancels, droppedItems, droppedErrors);
        }

        Expected pendingAfter(List<String> itemsBefore) {
            return new Expected(itemsBefore, CancelledException.class, "", true, 1, extraCancels, droppedItems,
                    droppedErrors);
        }

        Expected cancels(int upstream, int extra) {
            return new Expected(items, error, message, pending, upstream, extra, droppedItems, droppedErrors);
        }

        Expected droppingItems(String... dropped) {
            return new Expected(items, error, message, pending, cancels, extraCancels, List.of(dropped), droppedErrors);
        }

        Expected droppingErrors(String... messageParts) {
            return new Expected(items, error, message, pending, cancels, extraCancels, droppedItems,
                    List.of(messageParts));
        }
    }

    /** The table: what each fault does to each kind of await. */
    static Expected expect(Fault fault, Variant v) {
        Expected normal = Expected.normal(v);
        Kind k = v.kind;
        return switch (fault) {
            case NONE, COMPLETE_TWICE, LATE_ON_SUBSCRIBE -> normal; // a second onComplete is ignored, as Reactor does
            case ON_NEXT_WITHOUT_REQUEST, MORE_THAN_REQUESTED -> switch (k) {
                // awaitFirst requested 1 and left at the first item: the rest go to onNextDropped
                case FIRST -> fault == Fault.MORE_THAN_REQUESTED ? normal.droppingItems("b") : normal.droppingItems("b", "c");
                // iterate requested 2 and got 3
                case ITERATE -> normal.failing(IllegalStateException.class, "rule 1.1", List.of("a", "b"));
                default -> normal; // they requested everything: nothing beyond it
            };
            // the second subscription is cancelled; reported unless the await had already left
            case DOUBLE_ON_SUBSCRIBE -> k == Kind.FIRST ? normal.cancels(1, 1)
                    : normal.cancels(0, 1).droppingErrors("Rule 2.12");
            case ERROR_AFTER_COMPLETE -> normal.droppingErrors(MisbehavingPublisher.LATE_ERROR);
            case NULL_ON_NEXT -> normal.failing(NullPointerException.class, "onNext(null), breaking Reactive Streams rule 2.13", List.of());
            case THROWING_REQUEST -> normal.failing(IllegalStateException.class, "threw java.lang.UnsupportedOperationException: request is broken, breaking Reactive Streams rule 3.16", List.of());
            case THROWING_CANCEL, NEVER_TERMINATES -> {
                Expected e = k == Kind.FIRST ? normal : normal.pendingAfter(switch (k) {
                    case ITERATE -> List.of("a", "b", "c"); // the items came, then nothing
                    default -> List.of();
                });
                yield fault == Fault.THROWING_CANCEL ? e.droppingErrors("Subscription.cancel() threw java.lang.UnsupportedOperationException: cancel is broken, breaking Reactive Streams rule 3.15") : e;
            }
            // pending; the onSubscribe the test sends afterwards is cancelled at once
            case NO_ON_SUBSCRIBE -> normal.pendingAfter(List.of()).cancels(0, 1);
            case SIGNALS_BEFORE_ON_SUBSCRIBE -> normal.failing(IllegalStateException.class, "onNext before onSubscribe, breaking Reactive Streams rule 1.9", List.of()).cancels(0, 1);
        };
    }

    /** {@code p} as a {@code Mono}, without any Reactor operator between it and its subscriber. */
    private static Mono<String> asMono(MisbehavingPublisher p) {
        return new Mono<>() {
            @Override
            public void subscribe(CoreSubscriber<? super String> actual) {
                p.subscribe(actual);
            }
        };
    }

    static Stream<Arguments> cells() {
        return Arrays.stream(Fault.values()).flatMap(f -> Arrays.stream(Variant.values()).map(v -> Arguments.of(f, v)));
    }

    static Stream<Arguments> pendingCells() {
        return cells().filter(a -> expect((Fault) a.get()[0], (Variant) a.get()[1]).pending());
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("cells")
    void inATask(Fault fault, Variant variant) {
        Expected expected = expect(fault, variant);
        MisbehavingPublisher p = new MisbehavingPublisher(fault, variant.items());
        List<String> seen = new ArrayList<>();
        Throwable thrown = FaultCell.inATask(() -> variant.run(p, seen), expected.pending());
        check(expected, p, seen, thrown);
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("cells")
    void onAPlainThread(Fault fault, Variant variant) throws InterruptedException {
        Expected expected = expect(fault, variant);
        MisbehavingPublisher p = new MisbehavingPublisher(fault, variant.items());
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        Throwable thrown = FaultCell.onAPlainThread("plain-" + fault + "-" + variant, () -> variant.run(p, seen),
                expected.pending());
        check(expected, p, seen, thrown);
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("pendingCells")
    void aTimeoutEndsAnAwaitThatNeverEndsAndCancelsTheSubscription(Fault fault, Variant variant) {
        Expected expected = expect(fault, variant);
        MisbehavingPublisher p = new MisbehavingPublisher(fault, variant.items());
        List<String> seen = new ArrayList<>();
        FaultCell.underATimeout(() -> variant.run(p, seen));
        checkNothingLeaks(expected, p, seen);
    }

    @Test
    void theMatrixCoversEveryFaultAndEveryVariant() {
        assertThat(cells()).hasSize(Fault.values().length * Variant.values().length).hasSize(143);
        assertThat(pendingCells()).hasSize(27);
    }

    private void check(Expected expected, MisbehavingPublisher p, List<String> seen, @Nullable Throwable thrown) {
        FaultCell.assertThrown(thrown, expected.error(), expected.message());
        checkNothingLeaks(expected, p, seen);
    }

    /** The items, the cancellations, the hooks. */
    private void checkNothingLeaks(Expected expected, MisbehavingPublisher p, List<String> seen) {
        FaultCell.assertSourceLeftClean(p, seen, expected.items(), expected.cancels(), expected.extraCancels());
        assertThat(drops.takeItems()).as("items dropped to Hooks.onNextDropped").containsExactlyElementsOf(expected.droppedItems());
        List<Throwable> droppedErrors = drops.takeErrors();
        assertThat(droppedErrors).as("errors dropped to Hooks.onErrorDropped").hasSameSizeAs(expected.droppedErrors());
        for (int i = 0; i < droppedErrors.size(); i++) {
            assertThat(droppedErrors.get(i)).hasMessageContaining(expected.droppedErrors().get(i));
        }
    }
}
