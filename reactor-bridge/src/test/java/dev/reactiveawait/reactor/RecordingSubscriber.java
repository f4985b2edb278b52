package dev.reactiveawait.reactor;

import dev.reactiveawait.testkit.SignalRecorder;
import reactor.core.CoreSubscriber;

/**
 * The testkit's {@link SignalRecorder} as a {@link CoreSubscriber}, so Reactor hands it our
 * subscription directly (a plain Subscriber would be wrapped in Reactor's StrictSubscriber, which
 * enforces rule 3.9 on its own).
 */
class RecordingSubscriber<T> extends SignalRecorder<T> implements CoreSubscriber<T> {}
