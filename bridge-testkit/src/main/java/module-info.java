/**
 * Test helpers shared by the Reactor and RxJava bridges' tests. Not published: a test dependency of
 * the two bridges only, on their test class path.
 */
module dev.reactiveawait.testkit {
    requires transitive dev.reactiveawait.core;
    requires transitive org.reactivestreams;
    requires transitive org.reactivestreams.tck;
    requires transitive org.testng;
    requires transitive org.junit.jupiter.api;
    requires org.assertj.core;
    requires static org.jspecify;

    exports dev.reactiveawait.testkit;
}
