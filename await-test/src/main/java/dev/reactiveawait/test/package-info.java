/**
 * The JUnit 5 extension: {@link dev.reactiveawait.test.AsyncTest} runs a test method as the main
 * task of a loop on a virtual clock that also drives Reactor's and RxJava's default schedulers
 * (whichever bridges are present).
 */
@NullMarked
package dev.reactiveawait.test;

import org.jspecify.annotations.NullMarked;
