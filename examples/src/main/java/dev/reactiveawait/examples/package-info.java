/**
 * The programs of the async-await tutorial the project grew from, each printing what CPython
 * prints, in the same order and with the same elapsed time.
 */
@NullMarked
package dev.reactiveawait.examples;

import org.jspecify.annotations.NullMarked;
