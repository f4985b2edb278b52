package dev.reactiveawait.rxjava3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reactiveawait.CancelledException;
import dev.reactiveawait.rxjava3.MisbehavingSource.Type;
import dev.reactiveawait.testkit.FaultCell;
import dev.reactiveawait.testkit.MisbehavingPublisher.Fault;
import io.reactivex.rxjava3.exceptions.MissingBackpressureException;
import io.reactivex.rxjava3.exceptions.ProtocolViolationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@link Fault} of {@link MisbehavingSource} against every await and iterator of
 * {@link RxAwait} whose source type it applies to, in a task on a loop, on a plain thread, and
 * (for those that never end) under a timeout. Each cell ends with the outcome {@link #expect}
 * gives: the items or value, or an exception of a given type whose message names the broken rule,
 * or "pending" (the test cancels it, or interrupts the plain thread, and gets
 * {@link CancelledException}); what reached {@code RxJavaPlugins.onError} (values have no hook in
 * RxJava: late ones are dropped, as its own observers drop them); how many times each upstream was
 * cancelled or disposed. In a task, another task runs while the cell waits (the loop is not hung)
 * and no task is left behind.
 */
// SEPARATE_THREAD: a hung loop ignores the interrupt of a same-thread timeout
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MisbehavingSourceTest {
    @RegisterExtension
    final RxPluginErrors errors = new RxPluginErrors();

    /** How an await treats a source. */
    enum Kind {
        /** A Single, Maybe or Completable: its one terminal signal, never disposed after it. */
        VALUE,
        /** Requests 1, cancels at the first item. */
        FIRST,
        /** Requests everything, the last item at completion. */
        LAST,
        /** Requests everything, the only item at completion. */
        SINGLE,
        /** Requests everything, all items at completion. */
        LIST,
        /** A Flowable: requests 2, then 2 more each time 2 were taken; an Observable: a buffer of 4. */
        ITERATE
    }

    /** Every await and iterator; each gives the items or value it returned, in a list. */
    enum Variant {
        AWAIT_SINGLE(Type.SINGLE, Kind.VALUE, s -> List.of(RxAwait.await(s.asSingle()))),
        AWAIT_MAYBE(Type.MAYBE, Kind.VALUE, s -> listOf(RxAwait.await(s.asMaybe()))),
        AWAIT_MAYBE_OPTIONAL(Type.MAYBE, Kind.VALUE, s -> listOf(RxAwait.awaitOptional(s.asMaybe()))),
        AWAIT_COMPLETABLE(Type.COMPLETABLE, Kind.VALUE, s -> {
            RxAwait.await(s.asCompletable());
            return List.of();
        }),
        FLOWABLE_AWAIT_FIRST(Type.FLOWABLE, Kind.FIRST, s -> List.of(RxAwait.awaitFirst(s.asFlowable()))),
        FLOWABLE_AWAIT_FIRST_OR_DEFAULT(Type.FLOWABLE, Kind.FIRST, s -> List.of(RxAwait.awaitFirstOrDefault(s.asFlowable(), "default"))),
        FLOWABLE_AWAIT_FIRST_OPTIONAL(Type.FLOWABLE, Kind.FIRST, s -> listOf(RxAwait.awaitFirstOptional(s.asFlowable()))),
        FLOWABLE_AWAIT_LAST(Type.FLOWABLE, Kind.LAST, s -> List.of(RxAwait.awaitLast(s.asFlowable()))),
        FLOWABLE_AWAIT_LAST_OPTIONAL(Type.FLOWABLE, Kind.LAST, s -> listOf(RxAwait.awaitLastOptional(s.asFlowable()))),
        FLOWABLE_AWAIT_SINGLE(Type.FLOWABLE, Kind.SINGLE, s -> List.of(RxAwait.awaitSingle(s.asFlowable()))),
        FLOWABLE_AWAIT_SINGLE_OPTIONAL(Type.FLOWABLE, Kind.SINGLE, s -> listOf(RxAwait.awaitSingleOptional(s.asFlowable()))),
        FLOWABLE_AWAIT_LIST(Type.FLOWABLE, Kind.LIST, s -> RxAwait.awaitList(s.asFlowable())),
        FLOWABLE_ITERATE(Type.FLOWABLE, Kind.ITERATE, null),
        OBSERVABLE_AWAIT_FIRST(Type.OBSERVABLE, Kind.FIRST, s -> List.of(RxAwait.awaitFirst(s.asObservable()))),
        OBSERVABLE_AWAIT_FIRST_OR_DEFAULT(Type.OBSERVABLE, Kind.FIRST, s -> List.of(RxAwait.awaitFirstOrDefault(s.asObservable(), "default"))),
        OBSERVABLE_AWAIT_FIRST_OPTIONAL(Type.OBSERVABLE, Kind.FIRST, s -> listOf(RxAwait.awaitFirstOptional(s.asObservable()))),
        OBSERVABLE_AWAIT_LAST(Type.OBSERVABLE, Kind.LAST, s -> List.of(RxAwait.awaitLast(s.asObservable()))),
        OBSERVABLE_AWAIT_LAST_OPTIONAL(Type.OBSERVABLE, Kind.LAST, s -> listOf(RxAwait.awaitLastOptional(s.asObservable()))),
        OBSERVABLE_AWAIT_SINGLE(Type.OBSERVABLE, Kind.SINGLE, s -> List.of(RxAwait.awaitSingle(s.asObservable()))),
        OBSERVABLE_AWAIT_SINGLE_OPTIONAL(Type.OBSERVABLE, Kind.SINGLE, s -> listOf(RxAwait.awaitSingleOptional(s.asObservable()))),
        OBSERVABLE_AWAIT_LIST(Type.OBSERVABLE, Kind.LIST, s -> RxAwait.awaitList(s.asObservable())),
        OBSERVABLE_ITERATE(Type.OBSERVABLE, Kind.ITERATE, null);

        final Type type;
        final Kind kind;
        private final @Nullable Function<MisbehavingSource, List<String>> await;

        Variant(Type type, Kind kind, @Nullable Function<MisbehavingSource, List<String>> await) {
            this.type = type;
            this.kind = kind;
            this.await = await;
        }

        /** The items its source has: none for a Completable, one for a value or awaitSingle, three for the others. */
        List<String> items() {
            if (type == Type.COMPLETABLE) {
                return List.of();
            }
            return kind == Kind.VALUE || kind == Kind.SINGLE ? List.of("a") : List.of("a", "b", "c");
        }

        /** Runs it; {@code seen} gets the items as they come (an iteration's before its error). */
        void run(MisbehavingSource s, List<String> seen) {
            if (await != null) {
                seen.addAll(await.apply(s));
            } else if (type == Type.FLOWABLE) {
                try (var it = RxAwait.iterate(s.asFlowable(), 2)) {
                    it.forEach(seen::add);
                }
            } else {
                try (var it = RxAwait.iterate(s.asObservable(), 4)) {
                    it.forEach(seen::add);
                }
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
     * upstream; messages of what reached {@code RxJavaPlugins.onError}.
     */
    record Expected(List<String> items, @Nullable Class<? extends Throwable> error, String message, boolean pending,
            int cancels, int extraCancels, List<String> reported) {

        static Expected normal(Variant v) {
            List<String> items = v.items();
            List<String> outcome = switch (v.kind) {
                case LAST -> List.of(items.get(items.size() - 1));
                case FIRST -> List.of(items.get(0));
                default -> items;
            };
            return new Expected(outcome, null, "", false, v.kind == Kind.FIRST ? 1 : 0, 0, List.of());
        }

        Expected failing(Class<? extends Throwable> type, String messagePart, List<String> itemsBefore) {
            return new Expected(itemsBefore, type, messagePart, false, 1, extraCancels, reported);
        }

        Expected pendingAfter(List<String> itemsBefore) {
            return new Expected(itemsBefore, CancelledException.class, "", true, 1, extraCancels, reported);
        }

        Expected cancels(int upstream, int extra) {
            return new Expected(items, error, message, pending, upstream, extra, reported);
        }

        Expected reporting(String... messageParts) {
            return new Expected(items, error, message, pending, cancels, extraCancels, List.of(messageParts));
        }
    }

    /** The table: what each fault does to each kind of await. */
    static Expected expect(Fault fault, Variant v) {
        Expected normal = Expected.normal(v);
        Kind k = v.kind;
        return switch (fault) {
            // a second terminal signal is ignored, a late value dropped, as RxJava's observers do
            case NONE, COMPLETE_TWICE, LATE_ON_SUBSCRIBE -> normal;
            // awaitFirst left at the first item: the rest are dropped; iterate requested 2 and got 3
            case ON_NEXT_WITHOUT_REQUEST, MORE_THAN_REQUESTED -> k == Kind.ITERATE
                    ? normal.failing(MissingBackpressureException.class, "rule 1.1", List.of("a", "b"))
                    : normal; // the others requested everything: nothing beyond it
            // the second upstream is cancelled; reported unless the await had already left
            case DOUBLE_ON_SUBSCRIBE -> k == Kind.FIRST ? normal.cancels(1, 1)
                    : normal.cancels(0, 1).reporting("onSubscribe was called a second time");
            case ERROR_AFTER_COMPLETE -> normal.reporting(MisbehavingSource.LATE_ERROR);
            case NULL_ON_NEXT -> normal.failing(NullPointerException.class, "(null), breaking Reactive Streams rule 2.13", List.of());
            case THROWING_REQUEST -> normal.failing(IllegalStateException.class, "threw java.lang.UnsupportedOperationException: request is broken, breaking Reactive Streams rule 3.16", List.of());
            case THROWING_CANCEL, NEVER_TERMINATES -> {
                Expected e = k == Kind.FIRST ? normal
                        : normal.pendingAfter(k == Kind.ITERATE ? List.of("a", "b", "c") : List.of()); // the items came, then nothing
                yield fault == Fault.THROWING_CANCEL
                        ? e.reporting("threw java.lang.UnsupportedOperationException: cancel is broken, breaking Reactive Streams rule 3.15")
                        : e;
            }
            // pending; the onSubscribe the test sends afterwards is cancelled at once
            case NO_ON_SUBSCRIBE -> normal.pendingAfter(List.of()).cancels(0, 1);
            case SIGNALS_BEFORE_ON_SUBSCRIBE -> normal.failing(IllegalStateException.class, "before onSubscribe, breaking Reactive Streams rule 1.9", List.of()).cancels(0, 1);
        };
    }

    static Stream<Arguments> cells() {
        return Arrays.stream(Fault.values()).flatMap(f -> Arrays.stream(Variant.values())
                .filter(v -> MisbehavingSource.appliesTo(f, v.type))
                .map(v -> Arguments.of(f, v)));
    }

    static Stream<Arguments> pendingCells() {
        return cells().filter(a -> expect((Fault) a.get()[0], (Variant) a.get()[1]).pending());
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("cells")
    void inATask(Fault fault, Variant variant) {
        Expected expected = expect(fault, variant);
        MisbehavingSource source = new MisbehavingSource(fault, variant.items());
        List<String> seen = new ArrayList<>();
        Throwable thrown = FaultCell.inATask(() -> variant.run(source, seen), expected.pending());
        check(expected, source, seen, thrown);
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("cells")
    void onAPlainThread(Fault fault, Variant variant) throws InterruptedException {
        Expected expected = expect(fault, variant);
        MisbehavingSource source = new MisbehavingSource(fault, variant.items());
        List<String> seen = new CopyOnWriteArrayList<>();
        Throwable thrown = FaultCell.onAPlainThread("plain-" + fault + "-" + variant, () -> variant.run(source, seen),
                expected.pending());
        check(expected, source, seen, thrown);
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("pendingCells")
    void aTimeoutEndsAnAwaitThatNeverEndsAndCancelsTheSource(Fault fault, Variant variant) {
        Expected expected = expect(fault, variant);
        MisbehavingSource source = new MisbehavingSource(fault, variant.items());
        List<String> seen = new ArrayList<>();
        FaultCell.underATimeout(() -> variant.run(source, seen));
        checkNothingLeaks(expected, source, seen);
    }

    @Test
    void theMatrixCoversEveryFaultAndEveryVariantItAppliesTo() {
        // Flowable: 13 faults x 9; Observable: 10 x 9; Single 10 x 1; Maybe 10 x 2; Completable 9 x 1
        assertThat(cells()).hasSize(117 + 90 + 10 + 20 + 9);
        assertThat(pendingCells()).hasSize(54);
    }

    private void check(Expected expected, MisbehavingSource source, List<String> seen, @Nullable Throwable thrown) {
        FaultCell.assertThrown(thrown, expected.error(), expected.message());
        checkNothingLeaks(expected, source, seen);
    }

    /** The items, the cancellations, the hook. */
    private void checkNothingLeaks(Expected expected, MisbehavingSource source, List<String> seen) {
        FaultCell.assertSourceLeftClean(source, seen, expected.items(), expected.cancels(), expected.extraCancels());
        List<Throwable> reported = errors.take();
        assertThat(reported).as("errors sent to RxJavaPlugins.onError").hasSameSizeAs(expected.reported());
        for (int i = 0; i < reported.size(); i++) {
            assertThat(reported.get(i)).hasMessageContaining(expected.reported().get(i));
            if (expected.reported().get(i).startsWith("onSubscribe")) {
                assertThat(reported.get(i)).isInstanceOf(ProtocolViolationException.class);
            }
        }
    }
}
