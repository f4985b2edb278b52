package dev.reactiveawait.rxjava3;

import dev.reactiveawait.Awaitable;
import dev.reactiveawait.CancelledException;
import dev.reactiveawait.internal.Failure;
import io.reactivex.rxjava3.core.CompletableEmitter;
import io.reactivex.rxjava3.core.MaybeEmitter;
import io.reactivex.rxjava3.core.SingleEmitter;
import io.reactivex.rxjava3.functions.Cancellable;
import io.reactivex.rxjava3.plugins.RxJavaPlugins;
import org.jspecify.annotations.Nullable;

/**
 * One observer of a task's outcome ({@link CoroutineAsSource}, {@link TaskAsSource}), seen through
 * RxJava's own create emitter: {@code SingleEmitter}, {@code MaybeEmitter} and
 * {@code CompletableEmitter} share no type, so this is the one they are adapted to. The emitters
 * already serialize the terminal signal, ignore signals after dispose and run the cancellable on
 * dispose (or after the terminal signal); this class adds what RxJava cannot know: how a task
 * ends, what {@code null} means for each type, and which late errors are worth reporting.
 *
 * @param <T> the type of the task's value
 */
abstract sealed class OutcomeSink<T> {
    /**
     * Whether a failure that can no longer be delivered goes to {@code RxJavaPlugins.onError}:
     * yes for a task we own (nobody else would see it), no for a task someone else started and
     * may still observe ({@code toSingle}...).
     */
    private final boolean ownsTask;

    private OutcomeSink(boolean ownsTask) {
        this.ownsTask = ownsTask;
    }

    static <T> OutcomeSink<T> single(SingleEmitter<T> emitter, boolean ownsTask, String nullMessage) {
        return new ToSingle<>(emitter, ownsTask, nullMessage);
    }

    static <T> OutcomeSink<T> maybe(MaybeEmitter<T> emitter, boolean ownsTask) {
        return new ToMaybe<>(emitter, ownsTask);
    }

    static <T> OutcomeSink<T> completable(CompletableEmitter emitter, boolean ownsTask) {
        return new ToCompletable<>(emitter, ownsTask);
    }

    /** Whether the observer disposed, or a terminal signal went out. */
    abstract boolean isDisposed();

    /** What disposing does to the task (cancel it, or stop listening); run at once if already disposed. */
    abstract void setCancellable(Cancellable onDispose);

    /** Signals the task's value; {@code false} if disposed first. */
    abstract boolean trySucceed(@Nullable T value);

    /** Signals {@code e}; {@code false} if disposed first. */
    abstract boolean tryFail(Throwable e);

    /** Signals the outcome of a done awaitable (on its loop, or any thread once done). */
    final void complete(Awaitable<? extends @Nullable T> done) {
        if (!ownsTask && isDisposed()) {
            return; // stopped listening: the task's failure is its owner's to read, not ours
        }
        Throwable failure = Failure.of(done);
        if (failure != null) {
            fail(failure);
        } else {
            trySucceed(done.result());
        }
    }

    /**
     * Signals {@code e}, or, once disposed, hands it to {@code RxJavaPlugins.onError} (which wraps
     * it in {@code UndeliverableException}) — except a {@link CancelledException}: that is our own
     * dispose coming back, never an error to report.
     */
    final void fail(Throwable e) {
        if (!tryFail(e) && ownsTask && !(e instanceof CancelledException)) {
            RxJavaPlugins.onError(e);
        }
    }

    private static final class ToSingle<T> extends OutcomeSink<T> {
        private final SingleEmitter<T> emitter;
        private final String nullMessage;

        ToSingle(SingleEmitter<T> emitter, boolean ownsTask, String nullMessage) {
            super(ownsTask);
            this.emitter = emitter;
            this.nullMessage = nullMessage;
        }

        @Override
        boolean isDisposed() {
            return emitter.isDisposed();
        }

        @Override
        void setCancellable(Cancellable onDispose) {
            emitter.setCancellable(onDispose);
        }

        @Override
        boolean trySucceed(@Nullable T value) {
            if (value == null) {
                // RxJava forbids nulls; its own message ("onSuccess called with a null value") names no fix
                fail(new NullPointerException(nullMessage));
                return false;
            }
            if (emitter.isDisposed()) {
                return false;
            }
            emitter.onSuccess(value);
            return true;
        }

        @Override
        boolean tryFail(Throwable e) {
            return emitter.tryOnError(e);
        }
    }

    private static final class ToMaybe<T> extends OutcomeSink<T> {
        private final MaybeEmitter<T> emitter;

        ToMaybe(MaybeEmitter<T> emitter, boolean ownsTask) {
            super(ownsTask);
            this.emitter = emitter;
        }

        @Override
        boolean isDisposed() {
            return emitter.isDisposed();
        }

        @Override
        void setCancellable(Cancellable onDispose) {
            emitter.setCancellable(onDispose);
        }

        @Override
        boolean trySucceed(@Nullable T value) {
            if (emitter.isDisposed()) {
                return false;
            }
            if (value == null) {
                emitter.onComplete(); // null: empty
            } else {
                emitter.onSuccess(value);
            }
            return true;
        }

        @Override
        boolean tryFail(Throwable e) {
            return emitter.tryOnError(e);
        }
    }

    private static final class ToCompletable<T> extends OutcomeSink<T> {
        private final CompletableEmitter emitter;

        ToCompletable(CompletableEmitter emitter, boolean ownsTask) {
            super(ownsTask);
            this.emitter = emitter;
        }

        @Override
        boolean isDisposed() {
            return emitter.isDisposed();
        }

        @Override
        void setCancellable(Cancellable onDispose) {
            emitter.setCancellable(onDispose);
        }

        @Override
        boolean trySucceed(@Nullable T value) {
            if (emitter.isDisposed()) {
                return false;
            }
            emitter.onComplete(); // the value, if any, is ignored
            return true;
        }

        @Override
        boolean tryFail(Throwable e) {
            return emitter.tryOnError(e);
        }
    }
}
