/** The Reactor bridge's plumbing into the core; not exported. */
@NullMarked
package dev.reactiveawait.reactor.internal;

import org.jspecify.annotations.NullMarked;
