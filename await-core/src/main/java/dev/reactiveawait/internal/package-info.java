/**
 * The core's doors for the bridges and the test module: exported to them only, never to users.
 * Nothing here is API; it may change in any release.
 */
@NullMarked
package dev.reactiveawait.internal;

import org.jspecify.annotations.NullMarked;
