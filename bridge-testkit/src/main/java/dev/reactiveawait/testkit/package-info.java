/**
 * Test helpers shared by the Reactor and RxJava bridges' tests: what the two test trees would
 * otherwise each keep a copy of. Nothing here knows Reactor or RxJava; where they differ, the
 * bridge's tests pass the difference in (an {@link dev.reactiveawait.testkit.ErrorHook}) or
 * subclass (to add a library's marker interface to a subscriber).
 */
@NullMarked
package dev.reactiveawait.testkit;

import org.jspecify.annotations.NullMarked;
