/**
 * Test support for reactive-await: a JUnit 5 extension that runs a test as the main task of a
 * virtual-time loop, wiring the same clock into whichever bridges are present.
 */
module dev.reactiveawait.test {
    requires transitive dev.reactiveawait.core;
    requires transitive org.junit.jupiter.api;
    requires static dev.reactiveawait.reactor;
    requires static dev.reactiveawait.rxjava3;
    requires static org.jspecify;

    exports dev.reactiveawait.test;

    uses dev.reactiveawait.internal.VirtualTimeSupport;
}
