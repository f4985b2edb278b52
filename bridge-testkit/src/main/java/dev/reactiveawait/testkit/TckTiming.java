package dev.reactiveawait.testkit;

/** The TCK's waits: short enough for a fast build on 2 cores, long enough not to flake there. */
final class TckTiming {
    /** How long the TCK waits for an expected signal. */
    static final long TIMEOUT_MILLIS = 2_000;
    /** How long the TCK watches for a signal that must not come. */
    static final long NO_SIGNALS_MILLIS = 100;
    /** How long rule 3.13 waits before checking that a cancelled subscriber was dropped. */
    static final long GC_MILLIS = 300;

    private TckTiming() {}
}
