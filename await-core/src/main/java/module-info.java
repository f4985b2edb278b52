/**
 * The core of reactive-await: Python asyncio's event loop, tasks, promises and {@code await}
 * on Java virtual threads.
 *
 * <p>Start with {@link dev.reactiveawait.Async}, the static facade for code inside tasks.
 */
module dev.reactiveawait.core {
    requires static transitive org.jspecify;
    // The loops' JMX beans (EventLoopMXBean), registered only with -Ddev.reactiveawait.jmx=true. A
    // plain requires: java.management is in every java.se image, resolving it costs nothing until a
    // class of it is loaded, and with "static" that opt-in would fail on the module path unless the
    // user also passed --add-modules java.management.
    requires java.management;
    // The Attach API, for the launcher dev.reactiveawait.tools.DumpTasks only (run on the class path,
    // where every JDK module is resolved): "static", so that loops never need it and images without
    // jdk.attach (JREs, jlinked apps) still resolve this module.
    requires static jdk.attach;

    exports dev.reactiveawait;
    exports dev.reactiveawait.sync;
    exports dev.reactiveawait.internal to
            dev.reactiveawait.reactor,
            dev.reactiveawait.rxjava3,
            dev.reactiveawait.test,
            dev.reactiveawait.blockhound;

    uses dev.reactiveawait.internal.CoreExtension;
}
