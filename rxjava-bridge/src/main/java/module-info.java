/**
 * The RxJava 3 bridge of reactive-await: awaiting {@code Single}, {@code Maybe},
 * {@code Completable}, {@code Flowable} and {@code Observable} inside tasks, and tasks as those
 * types.
 */
module dev.reactiveawait.rxjava3 {
    requires transitive dev.reactiveawait.core;
    requires transitive io.reactivex.rxjava3;
    requires static transitive org.jspecify;

    exports dev.reactiveawait.rxjava3;

    provides dev.reactiveawait.internal.CoreExtension with dev.reactiveawait.rxjava3.internal.RxExtension;
    provides dev.reactiveawait.internal.VirtualTimeSupport with dev.reactiveawait.rxjava3.internal.RxVirtualTime;
}
