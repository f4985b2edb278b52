/**
 * The tutorial's programs, written with reactive-await, and a small reactive HTTP service whose
 * handlers are written with {@code await}. Run the tutorial with
 * {@code ./mvnw -q -pl examples -am package -Prun-examples -DskipTests}.
 */
module dev.reactiveawait.examples {
    requires dev.reactiveawait.core;
    requires dev.reactiveawait.reactor;
    requires dev.reactiveawait.rxjava3;
    requires reactor.netty.http;
    requires reactor.netty.core;
    // No exports: the programs are launched with --module, which needs none.
}
