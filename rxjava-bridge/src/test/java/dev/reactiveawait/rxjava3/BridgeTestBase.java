package dev.reactiveawait.rxjava3;

import dev.reactiveawait.testkit.LoopTestBase;

/**
 * A loop on a thread of its own for each test, and RxJava's error hook watched: an error sent to
 * {@code RxJavaPlugins.onError} without the test taking it with {@link #takeErrors()} fails the
 * test.
 */
abstract class BridgeTestBase extends LoopTestBase {
    BridgeTestBase() {
        super(PluginErrors.HOOK);
    }
}
