package dev.reactiveawait.benchmarks;

/** JVM flags the benchmarks' forks add to select a carrier mode (constants, for annotations). */
final class JvmFlags {
    /** Opens {@code java.lang}, which the opt-in own carrier needs (DESIGN.md §4). */
    static final String OWN_CARRIER_OPENS = "--add-opens=java.base/java.lang=ALL-UNNAMED";
    /** Opts loops into their own carrier thread. */
    static final String OWN_CARRIER_PROPERTY = "-Ddev.reactiveawait.carrier=own";
    /** The JDK's default virtual-thread scheduler with one carrier (a public JDK flag). */
    static final String ONE_CARRIER = "-Djdk.virtualThreadScheduler.parallelism=1";

    private JvmFlags() {}
}
