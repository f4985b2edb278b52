package dev.reactiveawait;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reactiveawait.apicheck.NullRejection;
import dev.reactiveawait.sync.Lock;
import org.junit.jupiter.api.Test;

/**
 * Every public constructor and method of {@code dev.reactiveawait} and {@code dev.reactiveawait.sync}
 * rejects {@code null} in each parameter not declared {@code @Nullable}, with a
 * {@link NullPointerException} whose message is the parameter's name (issue #7, "Misuse").
 */
class NullRejectionTest {

    @Test
    void everyPublicMethodOfTheCoreRejectsNullNamingTheParameter() {
        NullRejection check = NullRejection.ofPackagesOf(EventLoop.class, Lock.class);
        NullRejection.Report r = check.run();

        assertThat(r.failures()).isEmpty();
        assertThat(check.classes()).contains(Async.class, EventLoop.class, Task.class, Promise.class,
                TaskGroup.class, Timeout.class, TaskLocal.class, Lock.class, dev.reactiveawait.sync.Queue.class);
        assertThat(r.checked()).as("every (method, parameter) pair of the API").hasSizeGreaterThan(80).contains(
                "EventLoop.callLater(null delay, Runnable)",
                "EventLoop.callLater(Duration, null callback)",
                "Async.sleep(null delay)",
                "Task.addDoneCallback(null callback)",
                "Condition(null lock)");
        assertThat(r.nullable()).as("JSpecify's @Nullable is visible at run time").contains(
                "EventLoop.createTask(null name, Coroutine)",
                "Promise.trySucceed(null value)");
    }
}
