package dev.reactiveawait.rxjava3;

import dev.reactiveawait.testkit.SignalRecorder;
import io.reactivex.rxjava3.core.FlowableSubscriber;

/**
 * The testkit's {@link SignalRecorder} as a {@link FlowableSubscriber}, so RxJava hands it our
 * subscription directly (a plain Subscriber would be wrapped in RxJava's StrictSubscriber, which
 * enforces rule 3.9 on its own).
 */
class RecordingSubscriber<T> extends SignalRecorder<T> implements FlowableSubscriber<T> {}
