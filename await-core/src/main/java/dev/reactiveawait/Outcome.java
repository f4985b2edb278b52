package dev.reactiveawait;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How one awaitable ended: a value or an exception, as returned by
 * {@link Async#gatherSettled(Awaitable[])} (asyncio's {@code gather(..., return_exceptions=True)}).
 * {@snippet :
 * for (Outcome<Integer> o : await(gatherSettled(a, b))) {
 *     switch (o) {
 *         case Outcome.Success<Integer> s -> System.out.println("value " + s.value());
 *         case Outcome.Failure<Integer> f -> System.out.println("error " + f.error());
 *     }
 * }
 * }
 *
 * @param <T> the type of the value
 * @since 0.1
 */
public sealed interface Outcome<T extends @Nullable Object> {

    /**
     * The awaitable produced a value.
     *
     * @param value the value, may be {@code null}
     * @param <T> the type of the value
     */
    record Success<T extends @Nullable Object>(T value) implements Outcome<T> {}

    /**
     * The awaitable failed or was cancelled (then {@code error} is a {@link CancelledException}).
     *
     * @param error the exception
     * @param <T> the type the value would have had
     */
    record Failure<T extends @Nullable Object>(Throwable error) implements Outcome<T> {
        /**
         * Creates a failure.
         *
         * @param error the exception, not {@code null}
         */
        public Failure {
            Objects.requireNonNull(error, "error");
        }
    }
}
