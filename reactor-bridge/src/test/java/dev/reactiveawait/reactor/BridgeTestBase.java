package dev.reactiveawait.reactor;

import dev.reactiveawait.testkit.LoopTestBase;

/**
 * A loop on a thread of its own for each test, and Reactor's dropped-error hook watched: an error
 * dropped without the test taking it with {@link #takeErrors()} fails the test.
 */
abstract class BridgeTestBase extends LoopTestBase {
    BridgeTestBase() {
        super(DroppedErrors.HOOK);
    }
}
