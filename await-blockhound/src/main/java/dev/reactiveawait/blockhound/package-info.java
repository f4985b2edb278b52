/**
 * {@link dev.reactiveawait.blockhound.ReactiveAwaitBlockHoundIntegration}: BlockHound reports
 * blocking calls made inside an event loop's tasks and callbacks.
 */
@NullMarked
package dev.reactiveawait.blockhound;

import org.jspecify.annotations.NullMarked;
