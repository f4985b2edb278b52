/**
 * The core of reactive-await: Python asyncio's event loop, tasks, promises and {@code await}
 * on Java virtual threads.
 *
 * <p>Start with {@link dev.reactiveawait.Async}, the static facade for code inside tasks.
 */
module dev.reactiveawait.core {
    requires static transitive org.jspecify;

    exports dev.reactiveawait;
    exports dev.reactiveawait.sync;
    exports dev.reactiveawait.internal to
            dev.reactiveawait.reactor,
            dev.reactiveawait.rxjava3,
            dev.reactiveawait.test;

    uses dev.reactiveawait.internal.CoreExtension;
}
