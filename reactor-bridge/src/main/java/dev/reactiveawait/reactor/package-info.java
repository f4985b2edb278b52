/**
 * The Project Reactor bridge: await {@code Mono} and {@code Flux} inside tasks, and turn tasks into
 * {@code Mono} and {@code Flux}.
 */
@NullMarked
package dev.reactiveawait.reactor;

import org.jspecify.annotations.NullMarked;
