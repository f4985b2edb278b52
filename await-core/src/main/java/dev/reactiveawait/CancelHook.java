package dev.reactiveawait;

import org.jspecify.annotations.Nullable;

/** Replaces a {@link Promise}'s own cancellation, for promises that stand for children (gather). */
@FunctionalInterface
interface CancelHook {
    /** Asyncio's {@code Future.cancel} contract: whether the request was taken. */
    boolean cancel(@Nullable String message);
}
