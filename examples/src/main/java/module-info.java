/**
 * The tutorial's programs, written with reactive-await. Run them all with
 * {@code ./mvnw -q -pl examples -am package -Prun-examples -DskipTests}.
 */
module dev.reactiveawait.examples {
    requires dev.reactiveawait.core;

    exports dev.reactiveawait.examples;
}
