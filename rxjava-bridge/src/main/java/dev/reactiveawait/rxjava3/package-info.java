/**
 * The RxJava 3 bridge: await {@code Single}, {@code Maybe}, {@code Completable}, {@code Flowable}
 * and {@code Observable} inside tasks, and turn tasks into those types.
 */
@NullMarked
package dev.reactiveawait.rxjava3;

import org.jspecify.annotations.NullMarked;
