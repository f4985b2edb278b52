/** The RxJava bridge's plumbing into the core; not exported. */
@NullMarked
package dev.reactiveawait.rxjava3.internal;

import org.jspecify.annotations.NullMarked;
