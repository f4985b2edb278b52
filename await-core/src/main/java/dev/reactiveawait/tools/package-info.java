/**
 * Command-line tools shipped in the core jar, run with {@code java -cp}; not an API (this package
 * is not exported).
 */
@NullMarked
package dev.reactiveawait.tools;

import org.jspecify.annotations.NullMarked;
