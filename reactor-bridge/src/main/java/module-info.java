/**
 * The Project Reactor bridge of reactive-await: awaiting {@code Mono} and {@code Flux} inside
 * tasks, and tasks as {@code Mono} and {@code Flux}.
 */
module dev.reactiveawait.reactor {
    requires transitive dev.reactiveawait.core;
    requires transitive reactor.core;
    requires transitive org.reactivestreams;
    requires static transitive org.jspecify;

    exports dev.reactiveawait.reactor;

    provides dev.reactiveawait.internal.CoreExtension with dev.reactiveawait.reactor.internal.ReactorExtension;
    provides dev.reactiveawait.internal.VirtualTimeSupport with dev.reactiveawait.reactor.internal.ReactorVirtualTime;
}
