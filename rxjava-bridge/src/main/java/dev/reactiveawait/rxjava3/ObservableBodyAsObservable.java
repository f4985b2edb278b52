package dev.reactiveawait.rxjava3;

import dev.reactiveawait.EventLoop;
import io.reactivex.rxjava3.core.Observable;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@link RxTasks#rxObservable}: a cold Observable that runs its body as a new task for each
 * observer, on RxJava's own {@code Observable.create} emitter (an Observable has no demand to wait
 * for, so the host's emitter fits); the body emits through an {@link ObservableBodyEmitter}.
 */
final class ObservableBodyAsObservable {
    private ObservableBodyAsObservable() {}

    static <T> Observable<T> of(@Nullable EventLoop loop, ObservableBody<T> body) {
        Objects.requireNonNull(body, "body");
        return Observable.create(emitter -> ObservableBodyEmitter.start(loop, body, emitter));
    }
}
